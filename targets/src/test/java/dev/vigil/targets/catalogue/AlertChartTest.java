package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Links;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The chart of an alert's own test: crm-events' CrmEventsServiceDown ({@code up{job="crm-events"} == 0} for 2m)
 * is made to fire by the test whose {@code up} goes {@code 1 1 0x10} and which expects no alert at 2m and the alert
 * at 6m. The chart draws the threshold (the alert compares that very series), and the table says pending from 4m,
 * firing at 6m; an alert no test makes fire has no chart.
 */
class AlertChartTest {
    private static Document page(String alert) {
        return AlertSamples.seed("crm-events").html("site/" + Links.alertPage(alert) + "index.html");
    }

    @Test
    void theFiringTestIsChartedAgainstTheThresholdAndTabled() {
        Document d = page("CrmEventsServiceDown");
        Element svg = d.selectFirst("#why-it-fires ~ figure svg");
        assertNotNull(svg, "a chart under Why it fires");
        assertEquals("img", svg.attr("role"));
        assertNotNull(svg.selectFirst("title"), "the chart has a title");
        assertTrue(svg.outerHtml().chars().allMatch(c -> c < 0x80), "the chart is ASCII");
        List<String> labels = svg.select("text").eachText();
        assertTrue(labels.contains("threshold == 0"), "the threshold line is labelled in text: " + labels);
        assertTrue(labels.contains("pending") && labels.contains("firing 6m") && labels.contains("silent 2m"), labels.toString());
        assertTrue(d.selectFirst("figure figcaption").text().contains("the service going down is reported after two minutes"));

        Element table = d.selectFirst("#test-series ~ div.table-wrap table");
        assertNotNull(table, "the chart's table");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element tr : table.select("tbody tr")) {
            List<String> cells = tr.select("td").eachText();
            rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        assertEquals(List.of("1", "not checked"), rows.get("0s"));
        assertEquals(List.of("0", "not firing"), rows.get("2m"));
        assertEquals(List.of("0", "pending"), rows.get("4m"));
        assertEquals(List.of("0", "firing"), rows.get("6m"));
    }

    @Test
    void aThresholdOnAComputedValueIsNotDrawnOverTheInputs() {
        Document d = page("CrmEventsHotKeySkewHigh");
        Element svg = d.selectFirst("figure svg");
        assertNotNull(svg);
        assertTrue(svg.select("text").eachText().stream().noneMatch(t -> t.startsWith("threshold")));
        assertTrue(d.selectFirst("figure figcaption").text().contains("is not drawn"));
        // Six partitions, five idle: two lines, the idle ones counted in the legend.
        assertEquals(2, svg.select("polyline").size());
    }

    @Test
    void anAlertNoTestMakesFireHasNoChart() {
        AlertSamples.Built b = AlertHostileTextTest.hostile();
        assertNull(b.html("site/" + Links.alertPage("ApiDown") + "index.html").selectFirst("figure svg"));
        assertNotNull(b.html("site/" + Links.alertPage("WebDown") + "index.html").selectFirst("figure svg"));
    }
}
