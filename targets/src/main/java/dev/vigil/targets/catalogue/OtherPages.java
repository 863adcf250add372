package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import java.util.ArrayList;
import java.util.List;

/** The service, SLO, receiver and dashboard pages, and the routing page. */
final class OtherPages {
    private OtherPages() {
    }

    static List<Page> services(Site site) {
        List<Page> pages = new ArrayList<>();
        for (Service s : site.project().services()) {
            List<Block> b = new ArrayList<>();
            List<Block.Field> f = new ArrayList<>();
            if (s.team() != null) {
                f.add(new Block.Field("Team", Inline.text(s.team())));
            }
            s.links().forEach((kind, url) -> f.add(new Block.Field(kind, List.of(new Inline.WebLink(url, Inline.text(url))))));
            if (!f.isEmpty()) {
                b.add(new Block.Fields(f));
            }
            List<Site.AlertEntry> alerts = site.alertsOf(s);
            if (!alerts.isEmpty()) {
                b.add(AlertPages.heading("alerts", "Alerts"));
                b.add(alertTable("The alerts of service " + s.name(), alerts));
            }
            if (!s.slos().isEmpty()) {
                b.add(AlertPages.heading("slos", "SLOs"));
                b.add(new Block.Items(false, s.slos().stream().map(slo -> new Block.Item(List.of(
                        Inline.codeLink(Links.sloPage(s.name(), slo.name()), slo.name()), new Inline.Text(": "
                                + objective(slo))))).toList()));
            }
            if (!s.dashboards().isEmpty()) {
                b.add(AlertPages.heading("dashboards", "Dashboards"));
                b.add(new Block.Items(false, s.dashboards().stream().map(d -> new Block.Item(List.of(
                        Inline.link(Links.dashboardPage(d.uid()), d.title())))).toList()));
            }
            pages.add(new Page(Links.servicePage(s.name()), "Service " + s.name(), Page.Kind.SERVICE, b));
        }
        return pages;
    }

    /** One row per alert: its name (linked), severity as text and summary. */
    static Block.Table alertTable(String caption, List<Site.AlertEntry> alerts) {
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Site.AlertEntry e : alerts) {
            rows.add(List.of(List.of(Inline.codeLink(Links.alertPage(e.alert().name()), e.alert().name())),
                    Inline.text(e.alert().severity() == null ? "none" : e.alert().severity().name()),
                    e.alert().summary() == null ? List.of() : List.of(new Inline.Prose(e.alert().summary()))));
        }
        return new Block.Table(caption, List.of("Alert", "Severity", "Summary"), rows);
    }

    static String objective(Slo slo) {
        return (slo.objectivePercent() == null ? "?" : QueryText.number(slo.objectivePercent()) + "%") + " over "
                + AlertWindows.format(slo.windowMillis());
    }

    static List<Page> slos(Site site) {
        List<Page> pages = new ArrayList<>();
        for (Service s : site.project().services()) {
            for (Slo slo : s.slos()) {
                List<Block> b = new ArrayList<>();
                b.add(new Block.Fields(List.of(
                        new Block.Field("Service", List.of(Inline.codeLink(Links.servicePage(s.name()), s.name()))),
                        new Block.Field("Objective", Inline.text(objective(slo))))));
                if (slo.description() != null) {
                    b.add(new Block.Prose(slo.description()));
                }
                pages.add(new Page(Links.sloPage(s.name(), slo.name()), "SLO " + slo.name(), Page.Kind.SLO, b));
            }
        }
        return pages;
    }

    static List<Page> receivers(Site site) {
        List<Page> pages = new ArrayList<>();
        for (Routing.Receiver r : site.project().routing().receivers()) {
            List<Block> b = new ArrayList<>();
            b.add(new Block.Fields(List.of(new Block.Field("Type", Inline.text(r.type().toString())))));
            pages.add(new Page(Links.receiverPage(r.name()), "Receiver " + r.name(), Page.Kind.RECEIVER, b));
        }
        return pages;
    }

    static List<Page> dashboards(Site site) {
        List<Page> pages = new ArrayList<>();
        for (Service s : site.project().services()) {
            for (Dashboard d : s.dashboards()) {
                List<Block> b = new ArrayList<>();
                b.add(new Block.Fields(List.of(
                        new Block.Field("Service", List.of(Inline.codeLink(Links.servicePage(s.name()), s.name()))),
                        new Block.Field("Uid", Inline.code(d.uid())))));
                for (Dashboard.Row row : d.rows()) {
                    for (Dashboard.Panel p : row.panels()) {
                        b.add(new Block.Heading(3, "panel-" + Links.slug(p.name()), Inline.text(p.title())));
                    }
                }
                pages.add(new Page(Links.dashboardPage(d.uid()), "Dashboard " + d.title(), Page.Kind.DASHBOARD, b));
            }
        }
        return pages;
    }

    static Page routing(Site site) {
        List<Block> b = new ArrayList<>();
        List<Block.Item> receivers = site.project().routing().receivers().stream().map(r -> new Block.Item(List.of(
                Inline.codeLink(Links.receiverPage(r.name()), r.name())))).toList();
        if (!receivers.isEmpty()) {
            b.add(AlertPages.heading("receivers", "Receivers"));
            b.add(new Block.Items(false, receivers));
        } else {
            b.add(new Block.Paragraph(Inline.text("The project declares no routing.")));
        }
        return new Page("routing/", "Routing", Page.Kind.ROUTING, b);
    }
}
