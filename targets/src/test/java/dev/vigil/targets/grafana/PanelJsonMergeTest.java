package dev.vigil.targets.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.targets.OutputManifest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The author's {@code options { }} and {@code field_config { }} in the emitted panel JSON. */
class PanelJsonMergeTest {
    private final OutputManifest out = GrafanaFixtures.emit(GrafanaFixtures.panelJson());
    private final JsonNode dashboard = GrafanaFixtures.dashboard(out, "checkout-checkout-overview");

    @Test
    void writtenValuesJoinTheEmittersOwnKeyByKey() {
        JsonNode latency = GrafanaFixtures.panel(dashboard, "Latency");
        JsonNode legend = latency.path("options").path("legend");
        assertEquals("table", legend.path("displayMode").asText());
        assertEquals("[\"mean\",\"max\"]", legend.path("calcs").toString());
        // Keys the author did not write keep the emitter's value.
        assertEquals(true, legend.path("showLegend").asBoolean());
        assertEquals("multi", latency.path("options").path("tooltip").path("mode").asText());
        JsonNode custom = latency.path("fieldConfig").path("defaults").path("custom");
        assertEquals(2, custom.path("lineWidth").asInt());
        assertEquals(0, custom.path("axisSoftMin").asInt());
        assertEquals("line", custom.path("thresholdsStyle").path("mode").asText());
        assertEquals("fixed", latency.path("fieldConfig").path("defaults").path("color").path("mode").asText());
        assertEquals("byName", latency.path("fieldConfig").path("overrides").path(0).path("matcher").path("id").asText());
        assertEquals("p99", latency.path("fieldConfig").path("overrides").path(0).path("matcher").path("options").asText());
    }

    @Test
    void modelledSettingsAndNumbersAreWrittenAsBefore() {
        JsonNode defaults = GrafanaFixtures.panel(dashboard, "Latency").path("fieldConfig").path("defaults");
        assertEquals("s", defaults.path("unit").asText());
        assertEquals(0, new java.math.BigDecimal("0.5").compareTo(
                defaults.path("thresholds").path("steps").path(1).path("value").decimalValue()));
        JsonNode heatmap = GrafanaFixtures.panel(dashboard, "Latency buckets").path("options").path("yAxis");
        assertEquals(true, heatmap.path("reverse").asBoolean());
        assertEquals("left", heatmap.path("axisPlacement").asText());
        JsonNode text = GrafanaFixtures.panel(dashboard, "Notes").path("options");
        assertEquals("Checkout's **runbook**.", text.path("content").asText());
        assertEquals("plaintext", text.path("code").path("language").asText());
    }

    @Test
    void keysAreSortedAtEveryLevelAsInTheRestOfTheDashboard() {
        JsonNode latency = GrafanaFixtures.panel(dashboard, "Latency");
        for (JsonNode object : List.of(latency.path("options"), latency.path("options").path("legend"),
                latency.path("fieldConfig").path("defaults"), latency.path("fieldConfig").path("defaults").path("custom"))) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            assertEquals(keys.stream().sorted().toList(), keys);
        }
    }
}
