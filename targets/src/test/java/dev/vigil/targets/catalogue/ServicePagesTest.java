package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.Service;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** A service page lists its alerts with severity as a word, its recording rules and how many tests it has. */
class ServicePagesTest {

    @TestFactory
    Stream<DynamicTest> everyServicePage() {
        return RoutingPagesTest.SAMPLES.stream().map(s -> DynamicTest.dynamicTest(s, () -> {
            Site site = Site.of(RoutingPagesTest.sample(s));
            List<Page> pages = CatalogueEmitter.pages(site);
            for (Service svc : site.project().services()) {
                Page page = RoutingPagesTest.page(pages, dev.vigil.compiler.model.Links.servicePage(svc.name()));
                Block alerts = RoutingPagesTest.after(page, "alerts");
                if (site.alertsOf(svc).isEmpty()) {
                    continue;
                }
                Block.Table table = (Block.Table) alerts;
                assertEquals(site.alertsOf(svc).stream().map(e -> e.alert().name()).toList(),
                        table.rows().stream().flatMap(r -> RoutingPagesTest.alertLinks(r.get(0)).stream()).toList());
                assertEquals(site.alertsOf(svc).stream().map(e -> e.alert().severity() == null ? "none"
                        : e.alert().severity().name()).toList(),
                        table.rows().stream().map(r -> ((Inline.Text) r.get(1).get(0)).text()).toList());
                long recordings = svc.groups().stream().flatMap(g -> g.rules().stream())
                        .filter(r -> r instanceof Rule.Recording rec && rec.name() != null).count();
                if (recordings > 0) {
                    assertEquals(recordings, ((Block.Table) RoutingPagesTest.after(page, "recording-rules")).rows().size());
                }
                Block.Fields facts = (Block.Fields) page.blocks().get(0);
                assertEquals(String.valueOf(svc.tests().size()), facts.fields().stream()
                        .filter(f -> f.label().equals("Tests")).map(f -> ((Inline.Text) f.value().get(0)).text())
                        .findFirst().orElseThrow());
            }
        }));
    }
}
