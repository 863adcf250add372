package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.compiler.model.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The home page's counts and its lists of alerts that need attention. */
class HomePagesTest {

    private static List<String> listed(Page home, String id) {
        Block b = RoutingPagesTest.after(home, id);
        return b instanceof Block.Items items ? items.items().stream()
                .flatMap(i -> RoutingPagesTest.alertLinks(i.text()).stream()).toList() : List.of();
    }

    @Test
    void aSmallProject() {
        Page home = RoutingPagesTest.page(CatalogueEmitter.pages(Site.of(RoutingPagesTest.text(RoutingPagesTest.SMALL))),
                "");
        Block.Fields counts = (Block.Fields) home.blocks().get(0);
        assertEquals(List.of("Services 1", "Alerts 3", "SLOs 0", "Dashboards 0", "Receivers 3", "Routes 5"),
                counts.fields().stream().map(f -> f.label() + " " + ((Inline.Text) f.value().get(0)).text()).toList());
        // ShopDown has a meaning, ShopHook a runbook kept elsewhere; ShopSlow has nothing.
        assertEquals(List.of("ShopSlow"), listed(home, "no-runbook"));
        // ShopHook reaches only the webhook; the others reach the pager and the chat.
        assertEquals(List.of("ShopHook"), listed(home, "unheard"));
        Block.Items services = (Block.Items) RoutingPagesTest.after(home, "services");
        assertEquals("services/shop/", ((Inline.PageLink) services.items().get(0).text().get(0)).target());
    }

    @Test
    void burnRateAlertsHaveTheRunbookTheirSloGivesThem() {
        Site site = Site.of(RoutingPagesTest.sample("aurigraph"));
        Page home = RoutingPagesTest.page(CatalogueEmitter.pages(site), "");
        for (String name : listed(home, "no-runbook")) {
            assertFalse(site.alert(name).alert().origin() instanceof Origin.FromSlo, name);
        }
        // Every alert of the sample reaches a pager, email or chat.
        assertEquals(List.of(), listed(home, "unheard"));
    }
}
