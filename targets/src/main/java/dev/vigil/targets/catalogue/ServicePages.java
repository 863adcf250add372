package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One page per service: its team and links, alerts, SLOs, dashboards, recording rules and how many tests prove them. */
final class ServicePages {
    private ServicePages() {
    }

    static List<Page> services(Site site) {
        List<Page> pages = new ArrayList<>();
        for (Service s : site.project().services()) {
            pages.add(page(site, s));
        }
        return pages;
    }

    private static Page page(Site site, Service s) {
        List<Block> b = new ArrayList<>();
        List<Block.Field> f = new ArrayList<>();
        f.add(new Block.Field("Team", s.team() == null ? Inline.text("not set") : Inline.text(s.team())));
        s.links().forEach((kind, url) -> f.add(new Block.Field(kind, List.of(new Inline.WebLink(url, Inline.text(url))))));
        f.add(new Block.Field("Tests", Inline.text(String.valueOf(s.tests().size()))));
        b.add(new Block.Fields(f));
        List<Site.AlertEntry> alerts = site.alertsOf(s);
        b.add(AlertPages.heading("alerts", "Alerts"));
        b.add(alerts.isEmpty() ? new Block.Paragraph(Inline.text("The service has no alerts."))
                : OtherPages.alertTable("The alerts of service " + s.name(), alerts));
        if (!s.slos().isEmpty()) {
            b.add(AlertPages.heading("slos", "SLOs"));
            b.add(new Block.Items(false, s.slos().stream().map(slo -> new Block.Item(List.of(
                    Inline.codeLink(Links.sloPage(s.name(), slo.name()), slo.name()),
                    new Inline.Text(": " + OtherPages.objective(slo))))).toList()));
        }
        if (!s.dashboards().isEmpty()) {
            b.add(AlertPages.heading("dashboards", "Dashboards"));
            b.add(new Block.Items(false, s.dashboards().stream().map(d -> new Block.Item(List.of(
                    Inline.link(Links.dashboardPage(d.uid()), d.title())))).toList()));
        }
        Block recordings = recordings(site, s);
        if (recordings != null) {
            b.add(AlertPages.heading("recording-rules", "Recording rules"));
            b.add(recordings);
        }
        OtherPages.declaredAt(site, s.span()).ifPresent(b::add);
        return new Page(Links.servicePage(s.name()), "Service " + s.name(), Page.Kind.SERVICE, b);
    }

    /** The service's recording rules with their group and query; null when it has none. */
    private static Block recordings(Site site, Service s) {
        Map<String, Constant> constants = QueryText.scope(site.project(), s);
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (RuleGroup g : s.groups()) {
            for (Rule r : g.rules()) {
                if (r instanceof Rule.Recording rec && rec.name() != null) {
                    rows.add(List.of(Inline.code(rec.name()), Inline.code(g.name()),
                            Inline.code(QueryText.of(rec.expr(), constants))));
                }
            }
        }
        return rows.isEmpty() ? null
                : new Block.Table("The recording rules of service " + s.name(), List.of("Record", "Group", "Query"), rows);
    }
}
