package dev.vigil.targets.grafana;

import static dev.vigil.targets.grafana.GrafanaFixtures.dashboard;
import static dev.vigil.targets.grafana.GrafanaFixtures.emit;
import static dev.vigil.targets.grafana.GrafanaFixtures.panel;
import static dev.vigil.targets.grafana.GrafanaFixtures.panels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.PanelIds;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.OutputManifest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class GrafanaEmitterTest {
    private static String steps(JsonNode panel) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : panel.path("fieldConfig").path("defaults").path("thresholds").path("steps")) {
            out.add(s.path("value").isNull() ? s.path("color").asText()
                    : s.path("color").asText() + " " + s.path("value").decimalValue().toPlainString());
        }
        return String.join(", ", out);
    }

    private static List<String> exprs(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : panels(dashboard)) {
            p.path("targets").forEach(t -> out.add(t.path("expr").asText()));
        }
        return out;
    }

    @Test
    void theCrmEventsSampleBecomesOneDashboardWithItsProviderAndConfigMap() {
        OutputManifest out = emit(GrafanaFixtures.crmEvents());
        assertEquals(Set.of("grafana/dashboards/crm-events-pipeline.json", "grafana/provisioning/dashboards.yml",
                "kubernetes/grafana-dashboard-crm-events-pipeline.yaml"), out.files().keySet());
        JsonNode d = dashboard(out, "crm-events-pipeline");
        assertEquals("crm-events-pipeline", d.path("uid").asText());
        assertEquals("CRM events pipeline", d.path("title").asText());
        assertEquals(39, d.path("schemaVersion").asInt());
        assertEquals("30s", d.path("refresh").asText());
        assertEquals("now-6h", d.path("time").path("from").asText());
        assertEquals("now", d.path("time").path("to").asText());
        assertEquals("[\"crm\",\"kafka\"]", d.path("tags").toString());
        assertTrue(d.path("id").isNull());

        JsonNode vars = d.path("templating").path("list");
        assertEquals("datasource", vars.get(0).path("type").asText());
        assertEquals("prometheus", vars.get(0).path("query").asText());
        assertEquals("query", vars.get(1).path("type").asText());
        assertEquals("label_values(kafka_consumergroup_lag, consumergroup)", vars.get(1).path("query").asText());
        assertEquals("${datasource}", vars.get(1).path("datasource").path("uid").asText());

        // One titled row, then its four panels in declaration order.
        List<String> types = new ArrayList<>();
        d.path("panels").forEach(p -> types.add(p.path("type").asText()));
        assertEquals(List.of("row", "timeseries", "table", "stat", "timeseries"), types);
        assertEquals("Lag and capacity", d.path("panels").get(0).path("title").asText());
        for (JsonNode p : panels(d)) {
            assertEquals("prometheus", p.path("datasource").path("type").asText());
            assertEquals("${datasource}", p.path("datasource").path("uid").asText());
            assertTrue(p.path("targets").get(0).path("expr").asText().contains("consumergroup=\"$consumergroup\""));
        }
        JsonNode table = panel(d, "Per-Partition Lag");
        assertEquals("short", table.path("fieldConfig").path("defaults").path("unit").asText());
        assertEquals("{{topic}}/{{partition}}", table.path("targets").get(0).path("legendFormat").asText());
        assertEquals("table", table.path("targets").get(0).path("format").asText());
        assertEquals("red, yellow 1, green 2", steps(panel(d, "Consumer Group Size")));
        assertEquals(0, panel(d, "Consumer Group Size").path("fieldConfig").path("defaults").path("min").asInt());
        // Declared as the seed draws it: green, yellow from 2, red from the alert's $skew_threshold (4).
        JsonNode skew = panel(d, "Hot-Key Skew Ratio");
        assertEquals("green, yellow 2, red 4", steps(skew));
        assertEquals("suffix:x", skew.path("fieldConfig").path("defaults").path("unit").asText());
        assertEquals("line", skew.path("fieldConfig").path("defaults").path("custom").path("thresholdsStyle")
                .path("mode").asText());
    }

    @Test
    void everyPanelTypeIsEmittedWithItsGrafanaType() {
        JsonNode d = dashboard(emit(GrafanaFixtures.allPanels()), "shop-overview");
        Set<String> types = new HashSet<>();
        panels(d).forEach(p -> types.add(p.path("type").asText()));
        assertEquals(Set.of("timeseries", "stat", "gauge", "table", "bargauge", "heatmap", "text"), types);

        JsonNode text = panel(d, "About");
        assertEquals("markdown", text.path("options").path("mode").asText());
        assertEquals("Owned by **web**. Ünïcödé and µs stay as written.", text.path("options").path("content").asText());
        assertTrue(text.path("targets").isMissingNode() && text.path("datasource").isMissingNode());

        JsonNode heatmap = panel(d, "Latency");
        assertEquals("s", heatmap.path("options").path("yAxis").path("unit").asText());
        assertEquals(2, heatmap.path("options").path("yAxis").path("decimals").asInt());
        assertEquals("heatmap", heatmap.path("targets").get(0).path("format").asText());
        assertEquals("{{le}}", heatmap.path("targets").get(0).path("legendFormat").asText());

        JsonNode stat = panel(d, "Requests now");
        assertEquals("reqps", stat.path("fieldConfig").path("defaults").path("unit").asText());
        assertEquals(1, stat.path("fieldConfig").path("defaults").path("decimals").asInt());
        assertEquals("__auto", stat.path("targets").get(0).path("legendFormat").asText());

        JsonNode ratio = panel(d, "Error ratio");
        assertEquals("Share of requests that failed.", ratio.path("description").asText());
        assertEquals("https://runbooks.example.com/shop#errors", ratio.path("links").get(0).path("url").asText());
        assertEquals(1, ratio.path("fieldConfig").path("defaults").path("max").asInt());
        // Dashboard links come from the service's links, except the Grafana base URL itself.
        List<String> links = new ArrayList<>();
        d.path("links").forEach(l -> links.add(l.path("title").asText() + " " + l.path("url").asText()));
        assertEquals(List.of("Repo https://git.example.com/web/shop", "Runbooks https://runbooks.example.com/shop"),
                links);
    }

    @Test
    void panelsAreLaidOutInRowsOfTwentyFourColumns() {
        JsonNode d = dashboard(emit(GrafanaFixtures.allPanels()), "shop-overview");
        List<String> grid = new ArrayList<>();
        for (JsonNode p : d.path("panels")) {
            JsonNode g = p.path("gridPos");
            grid.add(p.path("title").asText() + " x" + g.path("x").asInt() + " y" + g.path("y").asInt() + " w"
                    + g.path("w").asInt() + " h" + g.path("h").asInt());
        }
        assertEquals(List.of(
                // The panels declared outside a row come first, with no row header.
                "Requests now x0 y0 w9 h8", "About x9 y0 w15 h8",
                "Errors x0 y8 w24 h1",
                "Error ratio x0 y9 w12 h8", "Requests by status x12 y9 w12 h8",
                "Requests by tenant x0 y17 w24 h8",
                "Cache and latency x0 y25 w24 h1",
                "Cache hit ratio x0 y26 w9 h6", "Latency x9 y26 w15 h8",
                "p99 latency x0 y34 w8 h10"), grid);
    }

    @Test
    void thresholdsComeFromAlertsAboveAndBelow() {
        JsonNode d = dashboard(emit(GrafanaFixtures.allPanels()), "shop-overview");
        // `> $error_ceiling` (a project constant, 0.05), critical: red from 0.05.
        assertEquals("green, red 0.05", steps(panel(d, "Error ratio")));
        // `> $latency_max` (0.25), info, the third level: yellow, below the declared red at 1.
        assertEquals("green, yellow 0.25, red 1", steps(panel(d, "p99 latency")));
        // `< $cache_floor` (0.3), warning: orange just below 0.3, back to the declared yellow at 0.3.
        assertEquals("red, orange 0.2, yellow 0.3, green 0.5", steps(panel(d, "Cache hit ratio")));
        // Without thresholds only Grafana's base step remains.
        assertEquals("green", steps(panel(d, "Requests by status")));
    }

    @Test
    void constantsAreSubstitutedAndGrafanaVariablesKept() {
        JsonNode d = dashboard(emit(GrafanaFixtures.allPanels()), "shop-overview");
        String all = String.join("\n", exprs(d)) + "\n" + d.path("templating").toString();
        assertFalse(all.contains("$job_name"), all);
        assertTrue(all.contains("job=\\\"shop-api\\\"") || all.contains("job=\"shop-api\""), all);
        assertEquals("label_values(shop_requests_total{job=\"shop-api\"}, tenant)",
                d.path("templating").path("list").get(1).path("query").asText());
        assertTrue(exprs(d).contains(
                "sum(rate(shop_requests_total{job=\"shop-api\", tenant=~\"$tenant\"}[$__rate_interval]))"));
        assertTrue(exprs(d).contains("sum(rate(shop_requests_total{job=\"shop-api\", status=~\"5..\"}[$interval]))"
                + " / sum(rate(shop_requests_total{job=\"shop-api\"}[$interval]))"));
    }

    @Test
    void variablesOfEveryKind() {
        JsonNode vars = dashboard(emit(GrafanaFixtures.allPanels()), "shop-overview").path("templating").path("list");
        assertEquals(5, vars.size());
        JsonNode tenant = vars.get(1);
        assertTrue(tenant.path("multi").asBoolean() && tenant.path("includeAll").asBoolean());
        assertEquals("label_values(status)", vars.get(2).path("query").asText());
        JsonNode env = vars.get(3);
        assertEquals("custom", env.path("type").asText());
        assertEquals("prod,staging", env.path("query").asText());
        assertEquals("prod", env.path("current").path("value").asText());
        JsonNode interval = vars.get(4);
        assertEquals("interval", interval.path("type").asText());
        assertEquals("1m,5m,1h", interval.path("query").asText());
        assertEquals(3, interval.path("options").size());
    }

    @Test
    void panelIdsAreUniqueAndDoNotDependOnPosition() {
        Project before = GrafanaFixtures.allPanels();
        JsonNode d = dashboard(emit(before), "shop-overview");
        Set<Integer> ids = new HashSet<>();
        d.path("panels").forEach(p -> assertTrue(ids.add(p.path("id").asInt()), "duplicate id " + p));
        Dashboard model = before.services().get(0).dashboards().get(0);
        Map<String, Integer> byName = PanelIds.of(model);
        assertEquals(byName.get("p99"), panel(d, "p99 latency").path("id").asInt());

        // A new panel at the top moves every other panel, but changes no id.
        String source = GrafanaFixtures.resource("all-panels/all-panels.vigil").replace("    stat requests_now",
                "    stat extra \"Extra\" { query up }\n    stat requests_now");
        JsonNode moved = dashboard(emit(GrafanaFixtures.compile(source)), "shop-overview");
        for (JsonNode p : d.path("panels")) {
            JsonNode same = panel(moved, p.path("title").asText());
            assertEquals(p.path("id").asInt(), same.path("id").asInt(), p.path("title").asText());
        }
        assertNotEquals(panel(d, "About").path("gridPos"), panel(moved, "About").path("gridPos"));
    }

    @Test
    void outputIsByteIdenticalAcrossRunsUtf8WithUnixLineEnds() {
        OutputManifest first = emit(GrafanaFixtures.allPanels());
        OutputManifest second = emit(GrafanaFixtures.allPanels());
        assertEquals(first.files().keySet(), second.files().keySet());
        for (String path : first.files().keySet()) {
            byte[] bytes = first.read(path);
            assertArrayEquals(bytes, second.read(path), path);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertArrayEquals(bytes, text.getBytes(StandardCharsets.UTF_8), path + " is not UTF-8");
            assertFalse(text.contains("\r"), path);
            assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), path);
        }
    }

    @Test
    void theConfigMapCarriesTheDashboardForTheSidecar() {
        OutputManifest out = emit(GrafanaFixtures.crmEvents());
        Map<String, Object> cm = new Yaml().load(new String(
                out.read("kubernetes/grafana-dashboard-crm-events-pipeline.yaml"), StandardCharsets.UTF_8));
        assertEquals("v1", cm.get("apiVersion"));
        assertEquals("ConfigMap", cm.get("kind"));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) cm.get("metadata");
        assertEquals("grafana-dashboard-crm-events-pipeline", metadata.get("name"));
        // A string, not the number 1: the sidecar matches the label's value as text.
        assertEquals(Map.of("grafana_dashboard", "1", "app.kubernetes.io/managed-by", "vigil"), metadata.get("labels"));
        assertEquals(Map.of("crm-events-pipeline.json",
                new String(out.read("grafana/dashboards/crm-events-pipeline.json"), StandardCharsets.UTF_8)),
                cm.get("data"));
    }

    @Test
    void theProviderLoadsTheDashboardFolder() {
        OutputManifest out = emit(GrafanaFixtures.crmEvents());
        Map<String, Object> yml = new Yaml().load(new String(out.read(GrafanaEmitter.PROVISIONING),
                StandardCharsets.UTF_8));
        assertEquals(1, yml.get("apiVersion"));
        @SuppressWarnings("unchecked")
        Map<String, Object> provider = ((List<Map<String, Object>>) yml.get("providers")).get(0);
        assertEquals("file", provider.get("type"));
        assertEquals(Map.of("path", GrafanaEmitter.CONTAINER_PATH, "foldersFromFilesStructure", false),
                provider.get("options"));
    }

    @Test
    void aProjectWithoutDashboardsWritesNothing() {
        Project p = GrafanaFixtures.compile("service s {\n  team \"t\"\n}\n");
        assertEquals(Set.of(), emit(p).files().keySet());
    }

    @Test
    void namesAndDurationsInGrafanasForms() {
        assertEquals("90m", DashboardBuilder.interval("1h30m"));
        assertEquals("1d", DashboardBuilder.interval("1d"));
        assertEquals("2d", DashboardBuilder.interval("48h"));
        assertEquals("30s", DashboardBuilder.interval("30s"));
        assertEquals("2s", DashboardBuilder.interval("1500ms"));
        assertEquals(List.of("A", "Z", "AA", "AB", "BA"), List.of(DashboardBuilder.refId(0), DashboardBuilder.refId(25),
                DashboardBuilder.refId(26), DashboardBuilder.refId(27), DashboardBuilder.refId(52)));
        assertEquals("grafana-dashboard-my-dash", GrafanaEmitter.configMapName("My_Dash"));
        assertEquals("grafana-dashboard-x", GrafanaEmitter.configMapName("x_-"));
    }
}
