package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Project;
import dev.vigil.targets.OutputManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

class AlertmanagerEmitterTest {
    private static final String RECEIVERS = String.join("\n",
            "  receiver pager pagerduty { routing_key_file \"/s/pd\" }",
            "  receiver chat slack { api_url_file \"/s/slack\" title \"T\" text \"X\" }");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Project p) {
        return (Map<String, Object>) new Yaml(new LoaderOptions()).load(Projects.text(Projects.emit(p), AlertmanagerEmitter.CONFIG));
    }

    @Test
    void outputIsByteIdenticalAcrossRunsWithUnixLinesAndAFinalNewline() {
        for (String name : Projects.NAMES) {
            OutputManifest first = Projects.emit(Projects.compile(name));
            OutputManifest second = Projects.emit(Projects.compile(name));
            assertEquals(first.files().keySet(), second.files().keySet());
            first.files().forEach((path, bytes) -> {
                assertArrayEquals(bytes, second.read(path), path + " differs between two runs");
                String text = new String(bytes, StandardCharsets.UTF_8);
                assertFalse(text.contains("\r"), path);
                assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), path + " must end in exactly one newline");
                assertFalse(text.contains("&id") || text.contains("*id"), path + " has YAML anchors");
            });
        }
    }

    @Test
    void writesConfigTemplatesAndConfigMap() {
        OutputManifest out = Projects.emit(Projects.compile("crm-events"));
        assertEquals(Set.of(AlertmanagerEmitter.CONFIG, AlertmanagerEmitter.TEMPLATES_DIR + "vigil.tmpl",
                AlertmanagerEmitter.CONFIG_MAP), out.files().keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConfigMapHoldsTheSameConfigWithTemplatesBesideIt() {
        OutputManifest out = Projects.emit(Projects.compile("rich"));
        Yaml yaml = new Yaml(new LoaderOptions());
        Map<String, Object> file = yaml.load(Projects.text(out, AlertmanagerEmitter.CONFIG));
        Map<String, Object> doc = yaml.load(Projects.text(out, AlertmanagerEmitter.CONFIG_MAP));
        assertEquals("ConfigMap", doc.get("kind"));
        Map<String, String> data = (Map<String, String>) doc.get("data");
        assertEquals(Set.of("alertmanager.yml", "vigil.tmpl"), data.keySet());
        assertEquals(Projects.text(out, AlertmanagerEmitter.TEMPLATES_DIR + "vigil.tmpl"), data.get("vigil.tmpl"));
        Map<String, Object> embedded = yaml.load(data.get("alertmanager.yml"));
        assertEquals(List.of("templates/*.tmpl"), file.remove("templates"));
        assertEquals(List.of("*.tmpl"), embedded.remove("templates"));
        assertEquals(file, embedded);
    }

    @Test
    void noTemplatesWhenEveryReceiverHasItsOwnText() {
        Project p = Projects.compileText("routing {", RECEIVERS, "  route default to chat", "}");
        OutputManifest out = Projects.emit(p);
        assertEquals(Set.of(AlertmanagerEmitter.CONFIG, AlertmanagerEmitter.CONFIG_MAP), out.files().keySet());
        assertFalse(config(p).containsKey("templates"));
    }

    @Test
    void aProjectWithoutRoutingGetsNoAlertmanagerOutput() {
        Project p = Projects.compileText("severities critical > warning");
        assertTrue(Projects.emit(p).files().isEmpty());
    }

    @Test
    void secretsAreOnlyEverFilePaths() {
        for (String name : Projects.NAMES) {
            OutputManifest out = Projects.emit(Projects.compile(name));
            String text = Projects.text(out, AlertmanagerEmitter.CONFIG);
            for (String inline : List.of("api_url:", "routing_key:", "service_key:", "auth_password:", "api_key:",
                    "smtp_auth_password", "global:")) {
                assertFalse(text.contains(inline), name + " config contains " + inline + "\n" + text);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConventionalSeverityInhibitionIsAddedOnlyWhenTheProjectHasNone() {
        Map<String, Object> sample = config(Projects.compile("crm-events"));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) sample.get("inhibit_rules");
        assertEquals(Map.of("target_matchers", List.of("severity=~\"warning|info\""),
                "source_matchers", List.of("severity=\"critical\""), "equal", List.of("alertname", "service")), rules.get(1));
        assertEquals(Map.of("target_matchers", List.of("severity=\"info\""),
                "source_matchers", List.of("severity=\"warning\""), "equal", List.of("alertname", "service")), rules.get(2));
        assertEquals(3, rules.size());

        Map<String, Object> rich = config(Projects.compile("rich"));
        List<Map<String, Object>> own = (List<Map<String, Object>>) rich.get("inhibit_rules");
        assertEquals(2, own.size(), "the project's own severity inhibition replaces the conventional one: " + own);
        assertEquals(List.of("severity=~\"warning|info\""), own.get(1).get("target_matchers"));
        assertEquals(List.of("severity=~\"page|critical\""), own.get(1).get("source_matchers"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void routesKeepDeclarationOrderUnderTheDefault() {
        Project p = Projects.compileText("routing {", RECEIVERS,
                "  route default to chat { group_by [alertname] group_wait 45s repeat_interval 90m }",
                "  route team = \"b\" to chat { continue }",
                "  route team = \"a\" to pager { route component = \"db\" to chat { group_interval 1m30s } }",
                "}");
        Map<String, Object> route = (Map<String, Object>) config(p).get("route");
        assertEquals("chat", route.get("receiver"));
        assertEquals(List.of("alertname"), route.get("group_by"));
        assertEquals("45s", route.get("group_wait"));
        assertEquals("1h30m", route.get("repeat_interval"));
        List<Map<String, Object>> children = (List<Map<String, Object>>) route.get("routes");
        assertEquals(List.of("team=\"b\""), children.get(0).get("matchers"));
        assertEquals(true, children.get(0).get("continue"));
        assertFalse(children.get(1).containsKey("continue"));
        Map<String, Object> nested = ((List<Map<String, Object>>) children.get(1).get("routes")).get(0);
        assertEquals(Map.of("receiver", "chat", "matchers", List.of("component=\"db\""), "group_interval", "1m30s"), nested);
    }

    @Test
    @SuppressWarnings("unchecked")
    void timeIntervalsUseTheTopLevelKeyAndStartEndTimes() {
        Map<String, Object> rich = config(Projects.compile("rich"));
        List<Map<String, Object>> intervals = (List<Map<String, Object>>) rich.get("time_intervals");
        assertEquals("office_hours", intervals.get(0).get("name"));
        Map<String, Object> spec = ((List<Map<String, Object>>) intervals.get(0).get("time_intervals")).get(0);
        assertEquals(List.of(Map.of("start_time", "09:00", "end_time", "17:00")), spec.get("times"));
        assertEquals(List.of("monday:friday"), spec.get("weekdays"));
        assertEquals("Europe/Berlin", spec.get("location"));
        assertFalse(rich.containsKey("mute_time_intervals"));
    }

    @Test
    void webhookUrlFileIsRefusedAtCheckForTheBaselineAndWrittenForNewerTargets() {
        String routing = "routing {\n  receiver hook webhook { url_file \"/s/hook\" }\n  route default to hook\n}\n";
        var baseline = dev.vigil.compiler.Compiler.compile(List.of(new dev.vigil.compiler.source.SourceFile("t.vigil",
                "settings { alertmanager_version \"0.25\" }\n" + routing)));
        assertTrue(baseline.project().isEmpty());
        assertTrue(baseline.diagnostics().stream().anyMatch(d -> d.code().equals("Target.Unsupported")
                && d.message().contains("url_file") && d.message().contains("0.25")), baseline.diagnostics().toString());
        Project p = Projects.compileText("settings { alertmanager_version \"v0.27.0\" }", routing);
        assertTrue(Projects.text(Projects.emit(p), AlertmanagerEmitter.CONFIG).contains("url_file: /s/hook"));
    }

    @Test
    void routingTestsBecomeAmtoolInvocations() {
        List<RoutingTestCase> cases = AlertmanagerEmitter.routingTests(Projects.compile("crm-events"));
        assertEquals(2, cases.size());
        assertEquals(List.of("config", "routes", "test", "--config.file=/x/am.yml", "--verify.receivers=platform_pager",
                "alertname=\"CrmEventsServiceDown\"", "service=\"crm_events\"", "severity=\"critical\""),
                cases.get(0).amtoolArguments(Path.of("/x/am.yml")));
    }

    @Test
    void durationsUseTheLargestUnits() {
        assertEquals("1d2h", ConfigBuilder.duration(93_600_000L));
        assertEquals("1m30s", ConfigBuilder.duration(90_000L));
        assertEquals("1s500ms", ConfigBuilder.duration(1_500L));
        assertEquals("4h", ConfigBuilder.duration(14_400_000L));
    }
}
