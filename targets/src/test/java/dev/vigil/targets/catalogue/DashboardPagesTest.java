package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Dashboard pages give every panel the heading alert pages link to, and name the alerts that draw on it; no
 * link to a panel or a route points at a fragment no heading has.
 */
class DashboardPagesTest {

    @TestFactory
    Stream<DynamicTest> noPanelFragmentDangles() {
        return RoutingPagesTest.SAMPLES.stream().map(s -> DynamicTest.dynamicTest(s, () -> {
            Site site = Site.of(RoutingPagesTest.sample(s));
            List<Page> pages = CatalogueEmitter.pages(site);
            Set<String> targets = new HashSet<>();
            for (Page p : pages) {
                for (Block b : p.blocks()) {
                    if (b instanceof Block.Heading h) {
                        targets.add(p.path() + "#" + h.id());
                    }
                }
            }
            int checked = 0;
            for (Page p : pages) {
                for (String link : links(p)) {
                    if ((link.startsWith("dashboards/") || link.startsWith("routing/")) && link.contains("#")) {
                        assertTrue(targets.contains(link), p.path() + " links to " + link + ", which is no heading");
                        checked++;
                    }
                }
            }
            int panels = 0;
            for (Service svc : site.project().services()) {
                for (Dashboard d : svc.dashboards()) {
                    for (Dashboard.Row row : d.rows()) {
                        for (Dashboard.Panel panel : row.panels()) {
                            assertTrue(targets.contains(Links.dashboardPage(d.uid()) + "#panel-" + Links.slug(panel.name())),
                                    d.uid() + " has a heading for panel " + panel.name());
                            panels++;
                        }
                    }
                }
            }
            assertTrue(panels > 0, s + " has panels");
            assertTrue(checked > 0 || site.alerts().stream().noneMatch(e -> e.alert().panel() != null
                    && e.alert().panel().member() != null), s + ": some alert links a panel");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyAlertThatNamesAPanelIsListedUnderIt() {
        return RoutingPagesTest.SAMPLES.stream().map(s -> DynamicTest.dynamicTest(s, () -> {
            Site site = Site.of(RoutingPagesTest.sample(s));
            List<Page> pages = CatalogueEmitter.pages(site);
            for (Site.AlertEntry e : site.alerts()) {
                if (e.alert().panel() == null || e.alert().panel().member() == null
                        || !(AlertPages.dashboardLink(site, e.service(), e.alert().panel()) instanceof Inline.PageLink l)
                        || !l.target().contains("#")) {
                    continue;
                }
                String path = l.target().substring(0, l.target().indexOf('#'));
                String id = l.target().substring(l.target().indexOf('#') + 1);
                Block.Fields facts = (Block.Fields) RoutingPagesTest.after(RoutingPagesTest.page(pages, path), id);
                List<String> pointing = facts.fields().stream().filter(f -> f.label().equals("Alerts that point here"))
                        .flatMap(f -> RoutingPagesTest.alertLinks(f.value()).stream()).toList();
                assertTrue(pointing.contains(e.alert().name()), e.alert().name() + " is listed under " + l.target());
            }
        }));
    }

    private static List<String> links(Page p) {
        List<String> out = new ArrayList<>();
        for (Block b : p.blocks()) {
            block(b, out);
        }
        return out;
    }

    private static void block(Block b, List<String> out) {
        if (b instanceof Block.Paragraph para) {
            inlines(para.text(), out);
        } else if (b instanceof Block.Heading h) {
            inlines(h.text(), out);
        } else if (b instanceof Block.Fields f) {
            f.fields().forEach(x -> inlines(x.value(), out));
        } else if (b instanceof Block.Table t) {
            t.rows().forEach(r -> r.forEach(c -> inlines(c, out)));
        } else if (b instanceof Block.Items items) {
            for (Block.Item i : items.items()) {
                inlines(i.text(), out);
                i.children().forEach(c -> block(c, out));
            }
        }
    }

    private static void inlines(List<Inline> text, List<String> out) {
        for (Inline i : text) {
            if (i instanceof Inline.PageLink l) {
                out.add(l.target());
                inlines(l.text(), out);
            }
        }
    }
}
