package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.DashboardNames;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.prometheus.RuleFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * One page per alert at {@code alerts/<slug>/}, ordered for the on-call engineer: what it is and who it
 * pages, what to do, why it fires, where it goes, what proves it, where to look, and the rule as emitted.
 * Everything is read from the compiled model and the emitters' own functions, never retyped.
 */
final class AlertPages {
    private AlertPages() {
    }

    static List<Page> build(Site site) {
        List<Page> pages = new ArrayList<>();
        for (Site.AlertEntry e : site.alerts()) {
            pages.add(page(site, e));
        }
        return pages;
    }

    static Page page(Site site, Site.AlertEntry e) {
        Rule.Alert a = e.alert();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Fields(facts(site, e)));
        blocks.addAll(whatToDo(site, e));
        blocks.addAll(whyItFires(e));
        blocks.addAll(whereToLook(site, e));
        blocks.addAll(rule(site, e));
        return new Page(Links.alertPage(a.name()), a.name(), Page.Kind.ALERT, blocks);
    }

    private static List<Block.Field> facts(Site site, Site.AlertEntry e) {
        Rule.Alert a = e.alert();
        Service s = e.service();
        List<Block.Field> f = new ArrayList<>();
        if (a.summary() != null) {
            f.add(new Block.Field("Summary", List.of(new Inline.Prose(a.summary()))));
        }
        // As a word, never only as a colour.
        f.add(new Block.Field("Severity", List.of(new Inline.Strong(a.severity() == null ? "none" : a.severity().name()))));
        f.add(new Block.Field("Service", List.of(Inline.codeLink(Links.servicePage(s.name()), s.name()))));
        if (s.team() != null) {
            f.add(new Block.Field("Team", Inline.text(s.team())));
        }
        return f;
    }

    private static List<Block> whatToDo(Site site, Site.AlertEntry e) {
        Rule.Alert a = e.alert();
        Rule.Runbook rb = a.runbook();
        List<Block> b = new ArrayList<>();
        b.add(heading("what-it-means", "What it means"));
        if (rb.meaning() != null) {
            b.add(new Block.Prose(rb.meaning()));
        } else if (a.summary() != null) {
            b.add(new Block.Paragraph(List.of(new Inline.Prose(a.summary()))));
        } else {
            b.add(new Block.Paragraph(Inline.text("The alert says nothing about what it means.")));
        }
        if (a.description() != null) {
            b.add(new Block.Code("text", a.description()));
        }
        if (rb.url() != null) {
            b.add(new Block.Paragraph(List.of(new Inline.Text("The runbook is kept elsewhere: "),
                    new Inline.WebLink(rb.url(), Inline.text(rb.url())), new Inline.Text("."))));
        }
        if (!rb.triage().isEmpty()) {
            b.add(heading("triage", "Triage"));
            b.add(new Block.Items(true, rb.triage().stream()
                    .map(t -> new Block.Item(List.of(new Inline.Prose(t)))).toList()));
        }
        if (!rb.diagnoses().isEmpty()) {
            b.add(heading("diagnosis", "Diagnosis"));
            List<Block.Item> items = new ArrayList<>();
            for (Rule.Diagnosis d : rb.diagnoses()) {
                items.add(new Block.Item(Inline.text(d.title()),
                        List.of(new Block.Code("promql", QueryText.of(d.query(), e.constants())))));
            }
            b.add(new Block.Items(false, items));
        }
        if (!rb.remediations().isEmpty()) {
            b.add(heading("remediation", "Remediation"));
            List<Block.Item> items = new ArrayList<>();
            for (Rule.Remediation r : rb.remediations()) {
                items.add(new Block.Item(List.of(new Inline.Prose(r.text())),
                        r.command() == null ? List.of() : List.of(new Block.Code("shell", r.command()))));
            }
            b.add(new Block.Items(true, items));
        }
        if (!rb.escalation().isEmpty()) {
            b.add(heading("escalation", "Escalation"));
            b.add(new Block.Items(false, rb.escalation().stream()
                    .map(t -> new Block.Item(List.of(new Inline.Prose(t)))).toList()));
        }
        if (!rb.related().isEmpty()) {
            b.add(heading("related", "Related"));
            List<Block.Item> items = new ArrayList<>();
            for (Ref r : rb.related()) {
                Site.AlertEntry other = r.kind() == Ref.Kind.PANEL ? null : site.alert(r.name());
                items.add(new Block.Item(List.of(other != null ? Inline.codeLink(Links.alertPage(r.name()), r.name())
                        : dashboardLink(site, e.service(), r))));
            }
            b.add(new Block.Items(false, items));
        }
        return b;
    }

    private static List<Block> whyItFires(Site.AlertEntry e) {
        Rule.Alert a = e.alert();
        List<Block> b = new ArrayList<>();
        b.add(heading("why-it-fires", "Why it fires"));
        b.add(new Block.Code("promql", RuleFiles.alertExpr(a, e.constants())));
        List<Block.Field> f = new ArrayList<>();
        AlertThreshold.of(a.expr(), e.constants())
                .ifPresent(t -> f.add(new Block.Field("Threshold", Inline.code(t.text()))));
        f.add(new Block.Field("For", a.forMillis() > 0 ? Inline.code(Durations.format(a.forMillis()))
                : Inline.text("fires at once")));
        if (a.keepFiringForMillis() > 0) {
            f.add(new Block.Field("Keeps firing for", Inline.code(Durations.format(a.keepFiringForMillis()))));
        }
        if (a.guard() != null) {
            f.add(new Block.Field("Only with traffic", Inline.code(QueryText.of(a.guard(), e.constants()) + " > 0")));
        }
        b.add(new Block.Fields(f));
        return b;
    }

    private static List<Block> whereToLook(Site site, Site.AlertEntry e) {
        Rule.Alert a = e.alert();
        if (a.panel() == null) {
            return List.of();
        }
        return List.of(heading("where-to-look", "Where to look"),
                new Block.Paragraph(List.of(new Inline.Text("Panel: "), dashboardLink(site, e.service(), a.panel()))));
    }

    private static List<Block> rule(Site site, Site.AlertEntry e) {
        List<Block> b = new ArrayList<>();
        b.add(heading("rule", "The rule"));
        b.add(new Block.Paragraph(List.of(new Inline.Text("As written to "),
                new Inline.Code(RuleFiles.path(e.service())), new Inline.Text(", group "),
                new Inline.Code(e.group().name()), new Inline.Text(":"))));
        b.add(new Block.Code("yaml", Yaml.dump(List.of(RuleFiles.alert(e.alert(), e.constants())))));
        String source = site.source(e.alert().span());
        if (!source.isEmpty()) {
            b.add(new Block.Paragraph(List.of(new Inline.Text("Declared at "), new Inline.Code(source),
                    new Inline.Text("."))));
        }
        return b;
    }

    /** A dashboard or panel: a link to its catalogue page when it resolves, else its name. */
    static Inline dashboardLink(Site site, Service from, Ref ref) {
        if (site.dashboards().resolve(from.name(), ref.name()) instanceof DashboardNames.Found f) {
            Dashboard d = f.dashboard();
            String title = d.title();
            String fragment = "";
            if (ref.member() != null) {
                for (Dashboard.Row row : d.rows()) {
                    for (Dashboard.Panel p : row.panels()) {
                        if (p.name().equals(ref.member())) {
                            title = d.title() + ": " + p.title();
                            fragment = "#panel-" + Links.slug(p.name());
                        }
                    }
                }
            }
            return Inline.link(Links.dashboardPage(d.uid()) + fragment, title);
        }
        return new Inline.Code(ref.toString());
    }

    static Block.Heading heading(String id, String text) {
        return new Block.Heading(2, id, Inline.text(text));
    }
}
