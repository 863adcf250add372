package dev.vigil.targets.catalogue;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.promql.VectorSelector;
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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One page per alert at {@code alerts/<slug>/}, ordered for the on-call engineer: what it is and who it
 * pages, what to do, why it fires, where it goes, what proves it, where to look, and the rule as emitted.
 * Everything is read from the compiled model and the emitters' own functions, never retyped.
 */
final class AlertPages {
    private AlertPages() {
    }

    static List<Page> build(Site site) {
        Context c = Context.of(site);
        List<Page> pages = new ArrayList<>();
        for (Site.AlertEntry e : site.alerts()) {
            pages.add(page(c, e));
        }
        return pages;
    }

    /**
     * What the alert pages look up, computed once per build: the routing over every alert's run-time labels,
     * the tests by the alerts they speak of, and each recording rule's constants.
     */
    record Context(Site site, AlertRoutes routes, LabelInference inference, Map<String, List<TestCase>> unitTests,
            Map<String, List<Routing.RouteTest>> routeTests, Map<Rule.Recording, Map<String, Constant>> recordingScope) {
        static Context of(Site site) {
            Project project = site.project();
            LabelInference inference = site.inference();
            AlertRoutes routes = site.routes();
            Map<String, List<TestCase>> unit = new HashMap<>();
            Map<Rule.Recording, Map<String, Constant>> scope = new IdentityHashMap<>();
            for (Service s : project.services()) {
                for (TestCase t : s.tests()) {
                    Set<String> named = new LinkedHashSet<>();
                    for (TestCase.Expectation x : t.expectations()) {
                        if (x instanceof TestCase.AlertExpectation a && a.alert() != null) {
                            named.add(a.alert().name());
                        }
                    }
                    named.forEach(n -> unit.computeIfAbsent(n, k -> new ArrayList<>()).add(t));
                }
                Map<String, Constant> constants = QueryText.scope(project, s);
                for (RuleGroup g : s.groups()) {
                    for (Rule r : g.rules()) {
                        if (r instanceof Rule.Recording rec) {
                            scope.put(rec, constants);
                        }
                    }
                }
            }
            Map<String, List<Routing.RouteTest>> routing = new HashMap<>();
            for (Routing.RouteTest t : project.routing().tests()) {
                Set<String> named = new LinkedHashSet<>();
                for (Routing.TestAlert a : t.source() == null ? List.of(t.alert()) : List.of(t.alert(), t.source())) {
                    if (a.alert() != null) {
                        named.add(a.alert().name());
                    } else if (a.labels().containsKey("alertname")) {
                        named.add(a.labels().get("alertname"));
                    }
                }
                named.forEach(n -> routing.computeIfAbsent(n, k -> new ArrayList<>()).add(t));
            }
            return new Context(site, routes, inference, unit, routing, scope);
        }
    }

    static Page page(Context c, Site.AlertEntry e) {
        Site site = c.site();
        Rule.Alert a = e.alert();
        List<AlertRoutes.Reached> reached = c.routes().reach(a);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Fields(facts(c, e, reached)));
        blocks.addAll(whatToDo(site, e));
        blocks.addAll(whyItFires(c, e));
        blocks.addAll(whereItGoes(c, e, reached));
        blocks.addAll(provenBy(c, e));
        blocks.addAll(whereToLook(c, e));
        blocks.addAll(rule(site, e));
        return new Page(Links.alertPage(a.name()), a.name(), Page.Kind.ALERT, blocks);
    }

    private static List<Block.Field> facts(Context c, Site.AlertEntry e, List<AlertRoutes.Reached> reached) {
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
        if (a.origin() instanceof Origin.FromSlo slo && slo.burn() != null) {
            f.add(new Block.Field("SLO", List.of(Inline.codeLink(Links.sloPage(s.name(), slo.slo()), slo.slo()),
                    new Inline.Text(", burn-rate tier " + slo.burn().tier()))));
        }
        f.add(new Block.Field("Pages", pages(c, reached)));
        return f;
    }

    /**
     * The receivers the alert reaches, in Alertmanager's order (as {@code amtool config routes test} lists
     * them), each marked when a label the query may or may not give decides it.
     */
    private static List<Inline> pages(Context c, List<AlertRoutes.Reached> reached) {
        if (!c.routes().routed()) {
            return Inline.text("no receiver: the project declares no routing");
        }
        List<Inline> out = new ArrayList<>();
        for (AlertRoutes.Reached r : reached) {
            if (!out.isEmpty()) {
                out.add(new Inline.Text(", "));
            }
            String receiver = r.route().receiver() == null ? "" : r.route().receiver().name();
            out.add(Inline.codeLink(Links.receiverPage(receiver), receiver));
            if (!r.certain()) {
                out.add(new Inline.Text(" (maybe: depends on " + labelList(r.unknown()) + ")"));
            }
        }
        return out;
    }

    private static String labelList(java.util.Collection<String> labels) {
        return (labels.size() == 1 ? "label " : "labels ") + String.join(", ", labels);
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

    private static List<Block> whyItFires(Context c, Site.AlertEntry e) {
        Rule.Alert a = e.alert();
        List<Block> b = new ArrayList<>();
        b.add(heading("why-it-fires", "Why it fires"));
        b.add(new Block.Code("promql", RuleFiles.alertExpr(a, e.constants())));
        List<Block.Field> f = new ArrayList<>();
        Optional<AlertThreshold> threshold = AlertThreshold.of(a.expr(), e.constants());
        threshold.ifPresent(t -> f.add(new Block.Field("Threshold", Inline.code(t.text()))));
        f.add(new Block.Field("For", a.forMillis() > 0 ? Inline.code(Durations.format(a.forMillis()))
                : Inline.text("fires at once")));
        if (a.keepFiringForMillis() > 0) {
            f.add(new Block.Field("Keeps firing for", Inline.code(Durations.format(a.keepFiringForMillis()))));
        }
        if (a.guard() != null) {
            f.add(new Block.Field("Only with traffic", Inline.code(QueryText.of(a.guard(), e.constants()) + " > 0")));
        }
        b.add(new Block.Fields(f));
        Optional<TestCase> test = SeriesChart.firingTest(c.unitTests().getOrDefault(a.name(), List.of()), a.name());
        if (test.isPresent()) {
            List<Block> chart = SeriesChart.blocks(a.name(), test.get(), a.forMillis(), threshold,
                    a.expr() == null ? Optional.empty() : SeriesChart.comparedMetric(a.expr()));
            if (!chart.isEmpty()) {
                b.add(new Block.Heading(3, "test-series", Inline.text("The test that makes it fire")));
                b.addAll(chart);
            }
        }
        return b;
    }

    private static List<Block> whereItGoes(Context c, Site.AlertEntry e, List<AlertRoutes.Reached> reached) {
        Rule.Alert a = e.alert();
        List<Block> b = new ArrayList<>();
        b.add(heading("where-it-goes", "Where it goes"));
        if (!c.routes().routed()) {
            b.add(new Block.Paragraph(Inline.text("The project declares no routing, so this catalogue cannot say where "
                    + "Alertmanager sends the alert.")));
            return b;
        }
        LabelSet carried = c.routes().carried(a);
        Map<String, String> known = AlertRoutes.known(carried);
        List<Inline> labels = new ArrayList<>();
        known.forEach((k, v) -> {
            labels.add(new Inline.Text(labels.isEmpty() ? "" : ", "));
            labels.add(new Inline.Code(k + "=" + Strings.quote(v)));
        });
        List<String> open = carried.labels().keySet().stream().filter(k -> !known.containsKey(k)).toList();
        if (!open.isEmpty()) {
            labels.add(new Inline.Text("; from its query, with values known only when it fires: " + String.join(", ", open)));
        }
        if (carried.open()) {
            labels.add(new Inline.Text("; the query may give other labels too"));
        }
        b.add(new Block.Fields(List.of(new Block.Field("Labels Alertmanager sees", labels))));
        b.add(new Block.Heading(3, "routes", Inline.text("Routes and receivers")));
        List<Block.Item> items = new ArrayList<>();
        for (AlertRoutes.Reached r : reached) {
            items.add(reachedItem(c, r));
        }
        b.add(new Block.Items(true, items));
        b.addAll(inhibitions(c, a));
        return b;
    }

    private static Block.Item reachedItem(Context c, AlertRoutes.Reached r) {
        Site site = c.site();
        Routing.Route route = r.route();
        String name = route.receiver() == null ? "" : route.receiver().name();
        Routing.Receiver receiver = c.routes().receiver(name);
        List<Inline> head = new ArrayList<>(List.of(new Inline.Text("Receiver "),
                Inline.codeLink(Links.receiverPage(name), name)));
        if (receiver != null && receiver.type() != null) {
            head.add(new Inline.Text(" (" + receiver.type().keyword() + ")"));
        }
        head.add(new Inline.Text(r.certain() ? "" : ": maybe, depending on " + labelList(r.unknown())));
        List<Block.Item> facts = new ArrayList<>();
        List<Inline> path = new ArrayList<>(List.of(new Inline.Text("Route path: ")));
        for (int i = 0; i < r.path().size(); i++) {
            Routing.Route step = r.path().get(i);
            if (i > 0) {
                path.add(new Inline.Text(" > "));
            }
            String shown = step.isDefault() ? "route default" : AlertRoutes.text(step.matchers());
            path.add(new Inline.Code(i == 0 && step.isDefault() ? "root (" + shown + ")" : shown));
            String at = site.source(step.span());
            if (!at.isEmpty()) {
                path.add(new Inline.Text(" (" + at + ")"));
            }
        }
        path.add(new Inline.Text("; see "));
        path.add(Inline.link("routing/", "the routing"));
        facts.add(new Block.Item(path));
        AlertRoutes.Timing t = AlertRoutes.timing(r.path());
        List<Inline> timing = new ArrayList<>(List.of(new Inline.Text("Timing: group_by "),
                new Inline.Code(t.groupBy().value().isEmpty() ? "[]" : "[" + String.join(", ", t.groupBy().value()) + "]"),
                new Inline.Text(from(t.groupBy().from()) + ", group_wait "),
                new Inline.Code(Durations.format(t.groupWait().value())), new Inline.Text(from(t.groupWait().from())
                        + ", group_interval "),
                new Inline.Code(Durations.format(t.groupInterval().value())), new Inline.Text(from(t.groupInterval().from())
                        + ", repeat_interval "),
                new Inline.Code(Durations.format(t.repeatInterval().value())),
                new Inline.Text(from(t.repeatInterval().from()))));
        facts.add(new Block.Item(timing));
        // Alertmanager does not pass time intervals down: only the notifying route's own apply.
        if (!route.muteTimeIntervals().isEmpty() || !route.activeTimeIntervals().isEmpty()) {
            List<Inline> when = new ArrayList<>(List.of(new Inline.Text("Time intervals:")));
            if (!route.muteTimeIntervals().isEmpty()) {
                when.add(new Inline.Text(" muted during "));
                when.addAll(intervals(site, route.muteTimeIntervals()));
                when.add(new Inline.Text(";"));
            }
            if (!route.activeTimeIntervals().isEmpty()) {
                when.add(new Inline.Text(" active only during "));
                when.addAll(intervals(site, route.activeTimeIntervals()));
                when.add(new Inline.Text(";"));
            }
            facts.add(new Block.Item(when));
        } else {
            facts.add(new Block.Item(Inline.text("Time intervals: none, it notifies at any time")));
        }
        if (receiver != null) {
            List<Inline> secrets = new ArrayList<>();
            // Secrets only ever as the file Alertmanager reads them from.
            receiver.settings().forEach((k, v) -> {
                if (k.endsWith("_file") && v instanceof String file) {
                    secrets.add(new Inline.Text(secrets.isEmpty() ? "Secrets read from files: " : ", "));
                    secrets.add(new Inline.Code(k + ": " + file));
                }
            });
            if (!secrets.isEmpty()) {
                facts.add(new Block.Item(secrets));
            }
        }
        return new Block.Item(head, List.of(new Block.Items(false, facts)));
    }

    private static String from(Routing.Route r) {
        if (r == null) {
            return " (Alertmanager's default)";
        }
        return r.isDefault() ? " (from route default)" : " (from route " + AlertRoutes.text(r.matchers()) + ")";
    }

    private static List<Inline> intervals(Site site, List<Ref> refs) {
        List<Inline> out = new ArrayList<>();
        for (Ref ref : refs) {
            if (!out.isEmpty()) {
                out.add(new Inline.Text(", "));
            }
            out.add(new Inline.Code(ref.name()));
            site.project().routing().timeIntervals().stream().filter(t -> t.name().equals(ref.name())).findFirst()
                    .ifPresent(t -> out.add(new Inline.Text(" (" + describe(t) + ")")));
        }
        return out;
    }

    private static String describe(Routing.TimeInterval t) {
        List<String> parts = new ArrayList<>();
        if (!t.weekdays().isEmpty()) {
            parts.add("weekdays " + String.join(", ", t.weekdays()));
        }
        if (!t.times().isEmpty()) {
            parts.add("times " + String.join(", ", t.times()));
        }
        if (!t.daysOfMonth().isEmpty()) {
            parts.add("days of month " + String.join(", ", t.daysOfMonth()));
        }
        if (!t.months().isEmpty()) {
            parts.add("months " + String.join(", ", t.months()));
        }
        if (t.location() != null) {
            parts.add("in " + t.location());
        }
        return parts.isEmpty() ? "always" : String.join("; ", parts);
    }

    /** The inhibit rules on either side of which the alert may stand, with the project's alerts on the other. */
    private static List<Block> inhibitions(Context c, Rule.Alert a) {
        List<Block> b = new ArrayList<>();
        b.add(new Block.Heading(3, "inhibitions", Inline.text("Inhibitions")));
        List<AlertRoutes.Inhibit> by = c.routes().inhibitedBy(a);
        List<AlertRoutes.Inhibit> of = c.routes().inhibiting(a);
        if (by.isEmpty() && of.isEmpty()) {
            b.add(new Block.Paragraph(Inline.text("No inhibit rule silences this alert, and it silences no other.")));
            return b;
        }
        if (!by.isEmpty()) {
            b.add(new Block.Paragraph(Inline.text("Silenced while one of these fires:")));
            b.add(new Block.Items(false, by.stream().map(i -> inhibitItem(c, i, true)).toList()));
        }
        if (!of.isEmpty()) {
            b.add(new Block.Paragraph(Inline.text("While it fires, it silences:")));
            b.add(new Block.Items(false, of.stream().map(i -> inhibitItem(c, i, false)).toList()));
        }
        return b;
    }

    /** At most this many alerts are named on the other side of a rule, so a fleet-wide rule keeps pages small. */
    private static final int OTHERS_SHOWN = 12;

    private static Block.Item inhibitItem(Context c, AlertRoutes.Inhibit in, boolean asTarget) {
        List<Inline> text = new ArrayList<>();
        text.add(new Inline.Text(asTarget ? "an alert matching " : "alerts matching "));
        text.add(new Inline.Code(AlertRoutes.text(asTarget ? in.rule().source() : in.rule().target())));
        if (!in.rule().equal().isEmpty()) {
            text.add(new Inline.Text(" with the same "));
            text.add(new Inline.Code(String.join(", ", in.rule().equal())));
        }
        if (in.maybe()) {
            text.add(new Inline.Text(" (maybe: the rule's other side depends on labels known only when it fires)"));
        }
        if (in.rule().declared() == null) {
            text.add(new Inline.Text(" (Vigil's severity rule)"));
        } else {
            String at = c.site().source(in.rule().declared().span());
            if (!at.isEmpty()) {
                text.add(new Inline.Text(" (" + at + ")"));
            }
        }
        List<Block.Item> others = new ArrayList<>();
        for (String other : in.others().subList(0, Math.min(OTHERS_SHOWN, in.others().size()))) {
            others.add(new Block.Item(List.of(Inline.codeLink(Links.alertPage(other), other))));
        }
        if (in.others().size() > OTHERS_SHOWN) {
            others.add(new Block.Item(Inline.text("and " + (in.others().size() - OTHERS_SHOWN) + " more alerts")));
        }
        if (others.isEmpty()) {
            text.add(new Inline.Text("; no alert of this project matches"));
        }
        return new Block.Item(text, others.isEmpty() ? List.of() : List.of(new Block.Items(false, others)));
    }

    /** The unit tests and routing tests that speak of the alert, with what each expects of it. */
    private static List<Block> provenBy(Context c, Site.AlertEntry e) {
        Rule.Alert a = e.alert();
        Site site = c.site();
        List<Block> b = new ArrayList<>();
        b.add(heading("proven-by", "Proven by"));
        List<TestCase> unit = c.unitTests().getOrDefault(a.name(), List.of());
        List<Routing.RouteTest> routing = c.routeTests().getOrDefault(a.name(), List.of());
        if (unit.isEmpty() && routing.isEmpty()) {
            b.add(new Block.Paragraph(Inline.text("No test speaks of this alert: nothing proves when it fires or where it goes.")));
            return b;
        }
        if (!unit.isEmpty()) {
            b.add(new Block.Heading(3, "unit-tests", Inline.text("Rule tests")));
            List<Block.Item> items = new ArrayList<>();
            for (TestCase t : unit) {
                List<Block.Item> expects = new ArrayList<>();
                for (TestCase.Expectation x : t.expectations()) {
                    if (x instanceof TestCase.AlertExpectation ax && ax.alert() != null && a.name().equals(ax.alert().name())) {
                        StringBuilder s = new StringBuilder("at " + Durations.format(ax.atMillis())
                                + (ax.firing() ? ": fires" : ": does not fire"));
                        if (ax.firing() && !ax.labels().isEmpty()) {
                            List<String> ls = new ArrayList<>();
                            ax.labels().forEach((k, v) -> ls.add(k + "=" + Strings.quote(v)));
                            s.append(" with {").append(String.join(", ", ls)).append('}');
                        }
                        if (ax.value() != null) {
                            s.append(", value ").append(QueryText.number(ax.value()));
                        }
                        expects.add(new Block.Item(Inline.text(s.toString())));
                    }
                }
                items.add(new Block.Item(testHead(site, t.name(), t.span()), List.of(new Block.Items(false, expects))));
            }
            b.add(new Block.Items(false, items));
        }
        if (!routing.isEmpty()) {
            b.add(new Block.Heading(3, "routing-tests", Inline.text("Routing tests")));
            List<Block.Item> items = new ArrayList<>();
            for (Routing.RouteTest t : routing) {
                List<Inline> text = testHead(site, t.name(), t.span());
                text.add(new Inline.Text(": " + routeTestText(t)));
                items.add(new Block.Item(text));
            }
            b.add(new Block.Items(false, items));
        }
        return b;
    }

    private static List<Inline> testHead(Site site, String name, dev.vigil.compiler.source.Span span) {
        List<Inline> text = new ArrayList<>(List.of(new Inline.Strong(name)));
        String at = site.source(span);
        if (!at.isEmpty()) {
            text.add(new Inline.Text(" (" + at + ")"));
        }
        return text;
    }

    private static String routeTestText(Routing.RouteTest t) {
        String alert = testAlert(t.alert());
        if (!t.isInhibition()) {
            return alert + " goes to " + String.join(", ", t.receivers().stream().map(Ref::name).toList());
        }
        return alert + (t.inhibited() ? " is silenced while " : " is not silenced while ") + testAlert(t.source()) + " fires";
    }

    private static String testAlert(Routing.TestAlert a) {
        List<String> ls = new ArrayList<>();
        a.labels().forEach((k, v) -> ls.add(k + "=" + Strings.quote(v)));
        String labels = ls.isEmpty() ? "" : "{" + String.join(", ", ls) + "}";
        return a.alert() == null ? labels : a.alert().name() + (labels.isEmpty() ? "" : " " + labels);
    }

    /** At most this many recording rules are shown, so a deep chain keeps the page small. */
    private static final int RECORDINGS_SHOWN = 24;

    private static List<Block> whereToLook(Context c, Site.AlertEntry e) {
        Rule.Alert a = e.alert();
        List<Block> b = new ArrayList<>();
        b.add(heading("where-to-look", "Where to look"));
        if (a.panel() != null) {
            b.add(new Block.Paragraph(List.of(new Inline.Text("Panel: "), dashboardLink(c.site(), e.service(), a.panel()))));
        }
        Set<Rule.Recording> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Block.Item> chain = recordings(c, a.emittedExpr(), seen);
        if (chain.isEmpty()) {
            b.add(new Block.Paragraph(Inline.text("Its expression reads no recording rule: only scraped series.")));
        } else {
            b.add(new Block.Paragraph(Inline.text("The recording rules its expression reads, and what they read in turn:")));
            b.add(new Block.Items(false, chain));
        }
        return b;
    }

    /** The recording rules {@code expr} reads by name (those a selector's matchers rule out are left out), each once. */
    private static List<Block.Item> recordings(Context c, Expr expr, Set<Rule.Recording> seen) {
        List<Block.Item> out = new ArrayList<>();
        if (expr == null) {
            return out;
        }
        List<VectorSelector> selectors = new ArrayList<>();
        Expr.walk(expr, x -> {
            if (x instanceof VectorSelector v) {
                selectors.add(v);
            }
        });
        for (VectorSelector v : selectors) {
            for (Rule.Recording rec : c.inference().recordingRulesRead(v)) {
                if (seen.size() >= RECORDINGS_SHOWN || seen.contains(rec)) {
                    continue;
                }
                seen.add(rec);
                Map<String, Constant> constants = c.recordingScope().getOrDefault(rec, Map.of());
                List<Block> children = new ArrayList<>();
                children.add(new Block.Code("promql", QueryText.of(rec.expr(), constants)));
                List<Block.Item> deeper = recordings(c, rec.expr(), seen);
                if (!deeper.isEmpty()) {
                    children.add(new Block.Items(false, deeper));
                }
                List<Inline> head = new ArrayList<>(List.of(new Inline.Code(rec.name())));
                String at = c.site().source(rec.span());
                if (!at.isEmpty()) {
                    head.add(new Inline.Text(" (" + at + ")"));
                }
                out.add(new Block.Item(head, children));
            }
        }
        return out;
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
