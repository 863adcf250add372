package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Links;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLO page's numbers against values worked out by hand for aurigraph's SLOs. */
class SloPagesTest {
    private static final List<Page> PAGES = CatalogueEmitter.pages(Site.of(RoutingPagesTest.sample("aurigraph")));

    private static String field(Page page, String label) {
        Block.Fields fields = (Block.Fields) page.blocks().get(0);
        return fields.fields().stream().filter(f -> f.label().equals(label)).findFirst()
                .map(f -> ((Inline.Text) f.value().get(0)).text()).orElseThrow();
    }

    private static String cell(List<List<Inline>> row, int column) {
        Inline i = row.get(column).get(0);
        return i instanceof Inline.Text t ? t.text() : ((Inline.Code) i).code();
    }

    @Test
    void theErrorBudgetIsAShareAndATime() {
        // 99.9% over 30 days: 0.1% of 30 x 24 x 60 minutes = 43.2 minutes.
        assertEquals("0.1% of the events, 43m12s of the 30d window",
                field(RoutingPagesTest.page(PAGES, "slos/aurigraph/error_rate/"), "Error budget"));
        // 99.99%: 0.01% of 2,592,000 seconds = 259.2 seconds.
        assertEquals("0.01% of the events, 4m19s200ms of the 30d window",
                field(RoutingPagesTest.page(PAGES, "slos/aurigraph/availability/"), "Error budget"));
    }

    @Test
    void eachWindowPairOfEachTierHasItsFactorSpendAndTimeToExhaustion() {
        Page slo = RoutingPagesTest.page(PAGES, "slos/aurigraph/error_rate/");
        Block.Table table = (Block.Table) RoutingPagesTest.after(slo, "alerts");
        // The SRE Workbook's windows over 30d: factor = budget spent x 30d / long window; the budget lasts
        // 30d / factor (14.4x: 50 hours).
        List<List<String>> expected = List.of(
                List.of("page", "1h", "5m", "14.4x", "2% of the budget", "2d2h", "5m"),
                List.of("page", "6h", "30m", "6x", "5% of the budget", "5d", "5m"),
                List.of("ticket", "1d", "2h", "3x", "10% of the budget", "10d", "30m"),
                List.of("ticket", "3d", "6h", "1x", "10% of the budget", "30d", "30m"));
        assertEquals(expected, table.rows().stream().map(r -> List.of(cell(r, 0), cell(r, 3), cell(r, 4), cell(r, 5),
                cell(r, 6), cell(r, 7), cell(r, 8))).toList());
        List<String> alerts = table.rows().stream().flatMap(r -> RoutingPagesTest.alertLinks(r.get(1)).stream()).toList();
        assertEquals(List.of("AurigraphErrorRateBurnRatePage", "AurigraphErrorRateBurnRatePage",
                "AurigraphErrorRateBurnRateTicket", "AurigraphErrorRateBurnRateTicket"), alerts);
        alerts.forEach(a -> RoutingPagesTest.page(PAGES, Links.alertPage(a)));
        // The routing test of the sample: the availability page alert (p2) goes to p2_pager and tech_lead.
        assertEquals(List.of("p2", "p2"), table.rows().subList(0, 2).stream().map(r -> cell(r, 2)).toList());
        assertEquals(List.of("receivers/p2_pager/", "receivers/tech_lead/"), table.rows().get(0).get(9).stream()
                .filter(i -> i instanceof Inline.PageLink).map(i -> ((Inline.PageLink) i).target()).toList());
        assertTrue(table.rows().get(3).get(9).stream().anyMatch(i -> i instanceof Inline.PageLink l
                && l.target().equals("receivers/sre_slack/")), "the p3 ticket goes to sre_slack");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("2d2h", SloPages.duration(50 * 3_600_000L));
        assertEquals("43m12s", SloPages.duration(2_592_000L));
        assertEquals("0s", SloPages.duration(0));
    }
}
