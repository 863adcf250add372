package dev.vigil.targets.grafana;

import static dev.vigil.targets.grafana.GrafanaFixtures.dashboard;
import static dev.vigil.targets.grafana.GrafanaFixtures.emit;
import static dev.vigil.targets.grafana.GrafanaFixtures.panel;
import static dev.vigil.targets.grafana.GrafanaFixtures.panels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.importer.ImportedSource;
import dev.vigil.compiler.importer.grafana.GrafanaImporter;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.yaml.YamlDocument;
import dev.vigil.targets.OutputManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data source a dashboard reads, its links, and the alert periods its panels show. */
class DashboardLinksAndAlertsTest {
    private static OutputManifest out;

    @BeforeAll
    static void emitFixture() {
        out = emit(GrafanaFixtures.linksAlerts());
    }

    /** Every data source reference in a dashboard's JSON, with where it is. */
    private static Map<String, String> datasources(JsonNode node, String path, Map<String, String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("datasource") && e.getValue().isObject()) {
                    found.put(path + ".datasource", e.getValue().path("type").asText() + " "
                            + e.getValue().path("uid").asText());
                } else {
                    datasources(e.getValue(), path + "." + e.getKey(), found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                datasources(node.get(i), path + "[" + i + "]", found);
            }
        }
        return found;
    }

    private static List<String> variableNames(JsonNode d) {
        List<String> out = new ArrayList<>();
        d.path("templating").path("list").forEach(v -> out.add(v.path("name").asText()));
        return out;
    }

    private static JsonNode annotation(JsonNode d, String name) {
        for (JsonNode a : d.path("annotations").path("list")) {
            if (a.path("name").asText().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private static List<Integer> ids(JsonNode annotation) {
        List<Integer> out = new ArrayList<>();
        annotation.path("filter").path("ids").forEach(i -> out.add(i.asInt()));
        return out;
    }

    @Test
    void aDataSourceUidReplacesTheVariableEverywhere() {
        JsonNode overview = dashboard(out, "ledger-ledger-overview");
        Map<String, String> refs = datasources(overview, "", new LinkedHashMap<>());
        refs.entrySet().removeIf(e -> e.getValue().startsWith("grafana "));
        // Panels, their targets, the label_values variable and the alert periods: the project's uid, all of them.
        assertTrue(refs.keySet().stream().anyMatch(k -> k.contains("templating")), refs.toString());
        assertTrue(refs.keySet().stream().anyMatch(k -> k.contains("annotations")), refs.toString());
        assertTrue(refs.keySet().stream().anyMatch(k -> k.contains("targets")), refs.toString());
        refs.forEach((where, ref) -> assertEquals("prometheus prom-main", ref, where));
        assertEquals(List.of("shard"), variableNames(overview));

        Map<String, String> capacity = datasources(dashboard(out, "ledger-ledger-capacity"), "", new LinkedHashMap<>());
        capacity.entrySet().removeIf(e -> e.getValue().startsWith("grafana "));
        assertFalse(capacity.isEmpty());
        capacity.forEach((where, ref) -> assertEquals("prometheus prom-ledger", ref, where));

        // `datasource "${datasource}"` keeps the variable in a project that names a uid.
        JsonNode any = dashboard(out, "ledger-ledger-any");
        assertEquals(List.of("datasource"), variableNames(any));
        assertEquals("datasource", any.path("templating").path("list").get(0).path("type").asText());
        for (JsonNode p : panels(any)) {
            assertEquals("${datasource}", p.path("datasource").path("uid").asText());
        }
    }

    @Test
    void linksOfEachKindComeBeforeTheServicesLinks() {
        JsonNode links = dashboard(out, "ledger-ledger-overview").path("links");
        List<String> summary = new ArrayList<>();
        links.forEach(l -> summary.add(l.path("type").asText() + " " + l.path("title").asText() + " "
                + l.path("url").asText("-") + " " + l.path("tags") + " newTab=" + l.path("targetBlank").asBoolean()
                + " keepTime=" + l.path("keepTime").asBoolean() + " vars=" + l.path("includeVars").asBoolean()
                + " dropdown=" + l.path("asDropdown").asBoolean() + " tooltip=" + l.path("tooltip").asText()));
        assertEquals(List.of(
                "link Wiki https://wiki.example.com/ledger [] newTab=true keepTime=false vars=false dropdown=false "
                        + "tooltip=Design notes",
                "link Capacity /d/ledger-ledger-capacity [] newTab=false keepTime=true vars=false dropdown=false "
                        + "tooltip=",
                "dashboards Platform - [\"platform\",\"ledger\"] newTab=false keepTime=false vars=true dropdown=true "
                        + "tooltip=",
                "link Runbooks https://runbooks.example.com/ledger [] newTab=true keepTime=false vars=false "
                        + "dropdown=false tooltip="), summary);
        assertEquals("dashboard", links.get(1).path("icon").asText());
    }

    @Test
    void eachAlertIsAnAnnotationDrawnOnlyOnThePanelsThatShowIt() {
        JsonNode d = dashboard(out, "ledger-ledger-overview");
        JsonNode list = d.path("annotations").path("list");
        assertEquals(List.of("Annotations & Alerts", "LedgerDiskFull", "LedgerShardDown", "LedgerWriteErrors"),
                names(list));
        int errors = panel(d, "Write errors").path("id").asInt();
        int disk = panel(d, "Disk used").path("id").asInt();
        int up = panel(d, "Shards up").path("id").asInt();

        // The panel the alert names as its `panel`, and a panel that names the alert in `alerts`.
        JsonNode writeErrors = annotation(d, "LedgerWriteErrors");
        assertEquals(List.of(errors, up), ids(writeErrors));
        assertFalse(writeErrors.path("filter").path("exclude").asBoolean());
        assertTrue(writeErrors.path("enable").asBoolean());
        assertEquals("ALERTS{alertname=\"LedgerWriteErrors\", alertstate=\"firing\", service=\"ledger\"}",
                writeErrors.path("expr").asText());
        assertEquals("orange", writeErrors.path("iconColor").asText());
        assertEquals("LedgerWriteErrors", writeErrors.path("titleFormat").asText());
        assertEquals("Write errors above 5/s on {{shard}}", writeErrors.path("textFormat").asText());
        assertEquals("severity", writeErrors.path("tagKeys").asText());

        // `thresholds from` on a timeseries; not on the stat, which draws no annotations, nor where `alerts []`.
        JsonNode diskFull = annotation(d, "LedgerDiskFull");
        assertEquals(List.of(disk), ids(diskFull));
        assertEquals("red", diskFull.path("iconColor").asText());
        assertTrue(diskFull.path("textFormat").isMissingNode(), "a summary with $value is Prometheus's to fill in");

        // The alert takes `service` from its query: the series carries that value, not the service's name.
        JsonNode shardDown = annotation(d, "LedgerShardDown");
        assertEquals(List.of(up), ids(shardDown));
        assertEquals("ALERTS{alertname=\"LedgerShardDown\", alertstate=\"firing\"}", shardDown.path("expr").asText());
    }

    @Test
    void aDashboardWhosePanelsShowNoAlertsKeepsOnlyTheBuiltInAnnotation() {
        JsonNode list = dashboard(out, "ledger-ledger-capacity").path("annotations").path("list");
        assertEquals(List.of("Annotations & Alerts"), names(list));
    }

    @Test
    void summariesBecomeGrafanaTextFormats() {
        assertEquals("{{tenant}} is slow on {{route}}",
                AlertAnnotations.text("{{ $labels.tenant }} is slow on {{$labels.route}}"));
        assertEquals("Plain text", AlertAnnotations.text("Plain text"));
        assertEquals(null, AlertAnnotations.text("At {{ $value }}"));
        assertEquals(null, AlertAnnotations.text(null));
    }

    @Test
    void importReadsBackTheDataSourceAndTheLinksItCanWrite() {
        String json = new String(out.read(GrafanaEmitter.DASHBOARDS + "ledger-ledger-overview.json"),
                java.nio.charset.StandardCharsets.UTF_8);
        DiagnosticSink sink = new DiagnosticSink();
        YamlDocument doc = YamlDocument.compose(new SourceFile("ledger-overview.json", json), sink).orElseThrow();
        List<ImportedSource> sources = new GrafanaImporter().translate(doc, sink);
        assertEquals(1, sources.size(), sink.sorted().toString());
        String text = sources.get(0).text();
        assertTrue(text.contains("datasource \"prom-main\""), text);
        // The link to a dashboard of the project is a relative `/d/uid` in Grafana: reported, not imported.
        assertTrue(sink.sorted().stream().anyMatch(d -> d.message().contains("links[1]")), sink.sorted().toString());

        CompileResult r = Compiler.compile(List.of(new SourceFile("imported.vigil", text)));
        Project project = r.project().orElseThrow(() -> new AssertionError(r.diagnostics() + "\n" + text));
        JsonNode again = dashboard(emit(project), project.services().get(0).dashboards().get(0).uid());
        JsonNode original = dashboard(out, "ledger-ledger-overview");
        List<JsonNode> links = new ArrayList<>();
        original.path("links").forEach(links::add);
        links.remove(1);
        List<JsonNode> reimported = new ArrayList<>();
        // The service's Runbooks link comes back as a link of the dashboard itself.
        again.path("links").forEach(reimported::add);
        assertEquals(links, reimported);
        for (JsonNode p : panels(again)) {
            assertEquals("prom-main", p.path("datasource").path("uid").asText());
        }
        assertEquals(List.of("shard"), variableNames(again));
    }

    /** Three services; `overview` is declared by two, `platform` (a shared overview) by one. */
    private static final String SHARED = """
            service orders {
              group orders_alerts {
                alert OrdersErrors {
                  when     sum(rate(http_requests_total{job="orders", code=~"5.."}[5m])) > 5
                  for      5m
                  severity warning
                  summary  "Orders errors"
                  panel    platform.errors
                }
              }
              dashboard overview "Orders overview" {
                uid "orders-overview"
                link "Platform" to platform
                link "Mine" to overview
                timeseries requests "Requests" {
                  query sum(rate(http_requests_total{job="orders"}[5m]))
                }
              }
            }
            service billing {
              dashboard overview "Billing overview" {
                uid "billing-overview"
                timeseries requests "Requests" {
                  query sum(rate(http_requests_total{job="billing"}[5m]))
                }
              }
            }
            service shared {
              links { dashboards "https://grafana.example.com/d" }
              dashboard platform "Platform" {
                uid "shared-platform"
                timeseries errors "Errors" {
                  query sum(rate(http_requests_total{code=~"5.."}[5m]))
                }
              }
            }
            """;

    @Test
    void anAlertNamingAnotherServicesPanelIsDrawnThere() {
        Project project = GrafanaFixtures.compile(SHARED);
        JsonNode platform = dashboard(emit(project), "shared-platform");
        JsonNode periods = annotation(platform, "OrdersErrors");
        assertTrue(periods != null, platform.path("annotations").toString());
        int errors = panel(platform, "Errors").path("id").asInt();
        assertEquals(List.of(errors), ids(periods));
        // The page links to the same panel, under the Grafana address of the service that has the dashboard.
        dev.vigil.compiler.model.Rule.Alert alert = (dev.vigil.compiler.model.Rule.Alert) project.services().get(0)
                .groups().get(0).rules().get(0);
        assertEquals("https://grafana.example.com/d/shared-platform?viewPanel=" + errors,
                alert.annotations().get("dashboard_url"));
    }

    @Test
    void aLinkNamesTheOwnServicesDashboardFirstElseTheOnlyOtherOne() {
        JsonNode orders = dashboard(emit(GrafanaFixtures.compile(SHARED)), "orders-overview");
        List<String> urls = new ArrayList<>();
        orders.path("links").forEach(l -> urls.add(l.path("title").asText() + " " + l.path("url").asText()));
        assertEquals(List.of("Platform /d/shared-platform", "Mine /d/orders-overview"), urls);
    }

    @Test
    void aNameSeveralOtherServicesShareIsReportedAndNotLinked() {
        String text = SHARED.replace("service shared {", """
                service gateway {
                  dashboard edge "Edge" {
                    uid "gateway-edge"
                    link "Overview" to overview  // vigil:ignore Reference.Ambiguous the test emits what is left
                    timeseries requests "Requests" {
                      query sum(rate(http_requests_total{job="gateway"}[5m]))
                    }
                  }
                }
                service shared {""");
        CompileResult blocked = Compiler.compile(List.of(new SourceFile("test.vigil",
                text.replace("  // vigil:ignore Reference.Ambiguous the test emits what is left", ""))));
        assertEquals(List.of("Reference.Ambiguous"), blocked.diagnostics().stream().map(d -> d.code()).toList(),
                blocked.diagnostics().toString());
        // Excused, the output is written: the link is left out rather than pointing at a guess.
        CompileResult r = Compiler.compile(List.of(new SourceFile("test.vigil", text)));
        Project project = r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
        assertEquals(0, dashboard(emit(project), "gateway-edge").path("links").size());
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(a -> out.add(a.path("name").asText()));
        return out;
    }
}
