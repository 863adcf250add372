package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.target.Version;
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
        for (NewerReceivers.Case c : NewerReceivers.ALL) {
            String text = Projects.text(Projects.emit(Projects.compileText(c.project(""))), AlertmanagerEmitter.CONFIG);
            for (String inline : List.of(" webhook_url:", " bot_token:", " token:", " token_id:", " user_key:",
                    " alert_source_token:", " credentials:", " password:", " api_key:", "global:")) {
                assertFalse(text.contains(inline), c.type() + " config contains " + inline + "\n" + text);
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

    /** The one config of the receiver `r` in a project of the given receiver, as Alertmanager will read it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> receiverConfig(String type, String settings) {
        Project p = Projects.compileText("routing {", "  receiver r " + type + " { " + settings + " }",
                "  route default to r", "}");
        List<Map<String, Object>> receivers = (List<Map<String, Object>>) config(p).get("receivers");
        assertEquals(1, receivers.size());
        assertEquals(Set.of("name", type + "_configs"), receivers.get(0).keySet());
        List<Map<String, Object>> configs = (List<Map<String, Object>>) receivers.get(0).get(type + "_configs");
        assertEquals(1, configs.size());
        return configs.get(0);
    }

    @Test
    void newerReceiversAreWrittenUnderTheirAlertmanagerKeysWithSecretsAsFiles() {
        assertEquals(Map.of("webhook_url_file", "/s/discord", "username", "Vigil", "send_resolved", false),
                receiverConfig("discord", "webhook_url_file \"/s/discord\" username \"Vigil\" send_resolved false"));
        assertEquals(Map.of("webhook_url_file", "/s/teams", "summary", "S"),
                receiverConfig("msteams", "webhook_url_file \"/s/teams\" summary \"S\""));
        assertEquals(Map.of("webhook_url_file", "/s/flows", "title", "T", "text", "X"),
                receiverConfig("msteamsv2", "webhook_url_file \"/s/flows\" title \"T\" text \"X\""));
        assertEquals(Map.of("token_file", "/s/t", "token_id_file", "/s/i", "channel", "#ops"),
                receiverConfig("rocketchat", "token_file \"/s/t\" token_id_file \"/s/i\" channel \"#ops\""));
        assertEquals(Map.of("url_file", "/s/url", "alert_source_token_file", "/s/token", "max_alerts", 3),
                receiverConfig("incidentio", "url_file \"/s/url\" alert_source_token_file \"/s/token\" max_alerts 3"));
        assertEquals(Map.of("api_key_file", "/s/vo", "routing_key", "platform"),
                receiverConfig("victorops", "api_key_file \"/s/vo\" routing_key \"platform\""));
        assertEquals(Map.of("webhook_url_file", "/s/mm", "channel", "ops"),
                receiverConfig("mattermost", "webhook_url_file \"/s/mm\" channel \"ops\""));
    }

    @Test
    void telegramChatIdsAreSixtyFourBitNumbers() {
        Map<String, Object> c = receiverConfig("telegram",
                "bot_token_file \"/s/tg\" chat_id -1001234567890 message_thread_id 7 parse_mode \"\"");
        assertEquals(Map.of("bot_token_file", "/s/tg", "chat_id", -1001234567890L, "message_thread_id", 7,
                "parse_mode", ""), c);
    }

    @Test
    void pushoverDurationsAreWrittenAsAlertmanagerReadsThem() {
        assertEquals(Map.of("user_key_file", "/s/u", "token_file", "/s/t", "retry", "1m30s", "expire", "2h", "html", true),
                receiverConfig("pushover", "user_key_file \"/s/u\" token_file \"/s/t\" retry 90s expire 2h html true"));
    }

    @Test
    void webexAndJiraTakeTheirCredentialsFromTheHttpClientSettings() {
        assertEquals(Map.of("room_id", "ops", "http_config", Map.of("authorization", Map.of("credentials_file", "/s/webex"))),
                receiverConfig("webex", "room_id \"ops\" credentials_file \"/s/webex\""));
        String jira = "api_url \"https://example.atlassian.net/rest/api/2/\" project \"OPS\" issue_type \"Bug\" ";
        Map<String, Object> cloud = receiverConfig("jira", jira + "labels [\"alertmanager\", \"{{ .CommonLabels.severity }}\"] "
                + "reopen_duration 1d basic_auth_username \"a@example.com\" basic_auth_password_file \"/s/jira\"");
        assertEquals(Map.of("api_url", "https://example.atlassian.net/rest/api/2/", "project", "OPS", "issue_type", "Bug",
                "labels", List.of("alertmanager", "{{ .CommonLabels.severity }}"), "reopen_duration", "1d",
                "http_config", Map.of("basic_auth", Map.of("username", "a@example.com", "password_file", "/s/jira"))), cloud);
        assertEquals(Map.of("authorization", Map.of("credentials_file", "/s/pat")),
                receiverConfig("jira", jira + "credentials_file \"/s/pat\"").get("http_config"));
    }

    @Test
    void newerReceiversAreRefusedAtCheckForTheReleaseBeforeTheirs() {
        for (NewerReceivers.Case c : NewerReceivers.ALL) {
            Version before = new Version(c.since().major(), c.since().minor() - 1, 0);
            var r = dev.vigil.compiler.Compiler.compile(List.of(new dev.vigil.compiler.source.SourceFile("t.vigil",
                    c.project("settings { alertmanager_version \"" + before + "\" }\n"))));
            assertTrue(r.project().isEmpty(), c.type() + " compiled for " + before + ": " + r.diagnostics());
            assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("Target.Unsupported")
                    && d.message().contains("Alertmanager " + before + ",") && d.message().endsWith("new in " + c.since() + ".")),
                    c.type() + ": " + r.diagnostics());
            var at = dev.vigil.compiler.Compiler.compile(List.of(new dev.vigil.compiler.source.SourceFile("t.vigil",
                    c.project("settings { alertmanager_version \"" + c.since() + "\" }\n"))));
            assertTrue(at.project().isPresent(), c.type() + " compiled for " + c.since() + ": " + at.diagnostics());
        }
    }

    @Test
    void routingTestsBecomeAmtoolInvocations() {
        // `alert CrmEventsServiceDown expect platform_pager`: the alert's labels (its service's, its
        // query's fixed `job`, `severity`, `alertname`); the inhibition cases are left to `vigil check`.
        List<RoutingTestCase> cases = AlertmanagerEmitter.routingTests(Projects.compile("crm-events"));
        assertEquals(2, cases.size());
        assertEquals(List.of("config", "routes", "test", "--config.file=/x/am.yml", "--verify.receivers=platform_pager",
                "alertname=\"CrmEventsServiceDown\"", "app=\"crm-events\"", "job=\"crm-events\"", "service=\"crm_events\"",
                "severity=\"critical\"", "team=\"platform\""),
                cases.get(0).amtoolArguments(Path.of("/x/am.yml")));
        assertTrue(cases.get(0).span().file().endsWith("routing.vigil"), cases.get(0).span().toString());
    }

    @Test
    void durationsUseTheLargestUnits() {
        assertEquals("1d2h", ConfigBuilder.duration(93_600_000L));
        assertEquals("1m30s", ConfigBuilder.duration(90_000L));
        assertEquals("1s500ms", ConfigBuilder.duration(1_500L));
        assertEquals("4h", ConfigBuilder.duration(14_400_000L));
    }
}
