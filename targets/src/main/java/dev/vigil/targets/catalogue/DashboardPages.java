package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.PanelAlerts;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One page per dashboard: its rows and panels (each panel's heading is {@code #panel-<slug>}, where alert
 * pages link), each panel's type, unit and queries as the Grafana output writes them, and the alerts that
 * draw on it: the one named in {@code thresholds from} and those whose {@code panel} names it, found as
 * the Grafana emitter finds them.
 */
final class DashboardPages {
    private DashboardPages() {
    }

    static List<Page> dashboards(Site site) {
        PanelAlerts byPanel = PanelAlerts.of(site.alerts(), Site.AlertEntry::alert, e -> e.service().name(),
                site.dashboards());
        List<Page> pages = new ArrayList<>();
        for (Service s : site.project().services()) {
            Map<String, Constant> constants = QueryText.scope(site.project(), s);
            for (Dashboard d : s.dashboards()) {
                pages.add(page(site, s, d, constants, byPanel));
            }
        }
        return pages;
    }

    private static Page page(Site site, Service s, Dashboard d, Map<String, Constant> constants,
            PanelAlerts byPanel) {
        List<Block> b = new ArrayList<>();
        List<Block.Field> f = new ArrayList<>();
        f.add(new Block.Field("Service", List.of(Inline.codeLink(Links.servicePage(s.name()), s.name()))));
        f.add(new Block.Field("Uid", Inline.code(d.uid())));
        grafana(site, s, Ref.of(Ref.Kind.DASHBOARD, d.name(), d.span()))
                .ifPresent(url -> f.add(new Block.Field("In Grafana", List.of(new Inline.WebLink(url, Inline.text(url))))));
        if (!d.tags().isEmpty()) {
            f.add(new Block.Field("Tags", Inline.text(String.join(", ", d.tags()))));
        }
        b.add(new Block.Fields(f));
        Set<String> variables = new LinkedHashSet<>();
        d.variables().forEach(v -> variables.add(v.name()));
        int rowNumber = 0;
        for (Dashboard.Row row : d.rows()) {
            rowNumber++;
            String title = row.title() == null || row.title().isBlank() ? "Row " + rowNumber : row.title();
            b.add(new Block.Heading(2, "row-" + rowNumber, Inline.text(title)));
            if (row.panels().isEmpty()) {
                b.add(new Block.Paragraph(Inline.text("The row has no panels.")));
            }
            for (Dashboard.Panel p : row.panels()) {
                b.addAll(panel(site, s, d, p, constants, variables, byPanel));
            }
        }
        OtherPages.declaredAt(site, d.span()).ifPresent(b::add);
        return new Page(Links.dashboardPage(d.uid()), "Dashboard " + d.title(), Page.Kind.DASHBOARD, b);
    }

    private static List<Block> panel(Site site, Service s, Dashboard d, Dashboard.Panel p,
            Map<String, Constant> constants, Set<String> variables, PanelAlerts byPanel) {
        List<Block> b = new ArrayList<>();
        b.add(new Block.Heading(3, panelId(p.name()), Inline.text(p.title() == null ? p.name() : p.title())));
        List<Block.Field> f = new ArrayList<>();
        f.add(new Block.Field("Type", Inline.text(p.type() == null ? "unknown" : p.type().grafanaId())));
        if (p.unit() != null) {
            f.add(new Block.Field("Unit", Inline.code(p.unit())));
        }
        if (p.thresholdsFrom() != null) {
            f.add(new Block.Field("Thresholds from", thresholdsFrom(site, p.thresholdsFrom())));
        }
        List<Site.AlertEntry> naming = byPanel.naming(s.name(), d.name(), p.name()).stream().map(site::alert).toList();
        if (!naming.isEmpty()) {
            List<Inline> links = new ArrayList<>();
            for (Site.AlertEntry e : naming) {
                if (!links.isEmpty()) {
                    links.add(new Inline.Text(", "));
                }
                links.add(Inline.codeLink(Links.alertPage(e.alert().name()), e.alert().name()));
            }
            f.add(new Block.Field("Alerts that point here", links));
        }
        grafana(site, s, new Ref(Ref.Kind.PANEL, d.name(), p.name(), p.span()))
                .ifPresent(url -> f.add(new Block.Field("In Grafana", List.of(new Inline.WebLink(url, Inline.text(url))))));
        b.add(new Block.Fields(f));
        if (p.description() != null) {
            b.add(new Block.Paragraph(Inline.text(p.description())));
        }
        List<Block.Item> queries = new ArrayList<>();
        for (Dashboard.Query q : p.queries()) {
            queries.add(new Block.Item(q.legend() == null ? Inline.text("Query") : List.of(new Inline.Text("Legend "),
                    new Inline.Code(q.legend())),
                    List.of(new Block.Code("promql", QueryText.of(q.expr(), constants, variables)))));
        }
        if (!queries.isEmpty()) {
            b.add(new Block.Items(false, queries));
        }
        return b;
    }

    /** The alert whose threshold the panel draws, linked, with the threshold as the Grafana output merges it. */
    private static List<Inline> thresholdsFrom(Site site, Ref ref) {
        Site.AlertEntry e = site.alert(ref.name());
        if (e == null) {
            return Inline.code(ref.name());
        }
        List<Inline> out = new ArrayList<>();
        out.add(Inline.codeLink(Links.alertPage(e.alert().name()), e.alert().name()));
        Optional<AlertThreshold> t = AlertThreshold.drawable(e.alert().expr(), e.constants());
        out.add(new Inline.Text(t.isPresent() ? ", drawn at " : ", whose condition draws no threshold"));
        t.ifPresent(threshold -> out.add(new Inline.Code(threshold.text())));
        return out;
    }

    private static Optional<String> grafana(Site site, Service s, Ref ref) {
        return Links.dashboardUrl(site.dashboards(), s, ref);
    }

    /** The fragment of a panel's heading, which alert pages link to. */
    static String panelId(String panel) {
        return "panel-" + Links.slug(panel);
    }
}
