package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Project;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.tools.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The emitted configuration judged by the real {@code amtool}: {@code check-config} must accept it
 * (as a file tree and as the ConfigMap's data), and every DSL routing test runs as
 * {@code amtool config routes test --verify.receivers}. A wrong route fails the build here.
 */
class AmtoolTest {
    @TempDir
    Path temp;

    /** The output committed to a directory, as a deployment would see it. */
    private Path write(String name, OutputManifest out) throws IOException {
        Path dir = temp.resolve(name);
        OutputDirectory.commit(out, dir);
        return dir;
    }

    static void assertChecks(Tool amtool, Path config) {
        Tool.Result r = amtool.run(List.of("check-config", config.toString()));
        assertTrue(r.ok(), r.report());
        assertTrue(r.stdout().contains("SUCCESS"), r.report());
    }

    @TestFactory
    List<DynamicNode> samplesPassCheckConfigAndTheirRoutingTests() throws IOException {
        Tool amtool = Tool.require("amtool");
        List<DynamicNode> projects = new ArrayList<>();
        for (String name : Projects.NAMES) {
            Project project = Projects.compile(name);
            OutputManifest out = Projects.emit(project);
            Path config = write(name, out).resolve(AlertmanagerEmitter.CONFIG);
            Path flat = configMapData(out, temp.resolve(name + "-configmap"));
            List<DynamicNode> nodes = new ArrayList<>();
            nodes.add(DynamicTest.dynamicTest("check-config", () -> assertChecks(amtool, config)));
            nodes.add(DynamicTest.dynamicTest("check-config of the ConfigMap's data",
                    () -> assertChecks(amtool, flat.resolve("alertmanager.yml"))));
            List<RoutingTestCase> cases = AlertmanagerEmitter.routingTests(project);
            assertFalse(cases.isEmpty(), name + " has no routing tests");
            for (RoutingTestCase c : cases) {
                nodes.add(DynamicTest.dynamicTest(c.describe(), () -> {
                    Tool.Result r = amtool.run(c.amtoolArguments(config));
                    assertTrue(r.ok(), "routing test failed: " + c.describe() + "\n" + r.report());
                }));
            }
            projects.add(DynamicContainer.dynamicContainer(name, nodes));
        }
        return projects;
    }

    /** Proves the routing tests can fail: a deliberately wrong expectation is reported by amtool. */
    @Test
    void aWrongExpectationFails() throws IOException {
        Tool amtool = Tool.require("amtool");
        Project project = Projects.compileText(
                "routing {",
                "  receiver pager pagerduty { routing_key_file \"/etc/am/pd\" }",
                "  receiver chat slack { api_url_file \"/etc/am/slack\" }",
                "  route severity >= critical to pager",
                "  route default to chat",
                "  test \"wrong\" {",
                "    {alertname = \"Down\", severity = \"critical\"} expect chat",
                "    {alertname = \"Slow\", severity = \"warning\"} expect chat",
                "  }",
                "}");
        Path config = write("wrong", Projects.emit(project)).resolve(AlertmanagerEmitter.CONFIG);
        List<RoutingTestCase> cases = AlertmanagerEmitter.routingTests(project);
        assertEquals(2, cases.size());
        Tool.Result wrong = amtool.run(cases.get(0).amtoolArguments(config));
        assertFalse(wrong.ok(), "a critical alert routed to the pager must not pass `expect chat`:\n" + wrong.report());
        assertTrue(wrong.stdout().contains("pager"), wrong.report());
        Tool.Result right = amtool.run(cases.get(1).amtoolArguments(config));
        assertTrue(right.ok(), right.report());
    }

    /** Label values that need quoting reach amtool intact, and the order of receivers is checked. */
    @Test
    void quotedLabelsAndReceiverOrder() throws IOException {
        Tool amtool = Tool.require("amtool");
        Project project = Projects.compileText(
                "routing {",
                "  receiver a webhook { url \"http://127.0.0.1:1/a\" }",
                "  receiver b webhook { url \"http://127.0.0.1:1/b\" }",
                "  route msg = \"x, \\\"y\\\" z\" to a { continue }",
                "  route msg =~ \".*z\" to b",
                "  route default to b",
                "  test \"t\" {",
                "    {msg = \"x, \\\"y\\\" z\"} expect a, b",
                "    {msg = \"x, \\\"y\\\" z\"} expect b, a",
                "  }",
                "}");
        Path config = write("quoted", Projects.emit(project)).resolve(AlertmanagerEmitter.CONFIG);
        assertChecks(amtool, config);
        List<RoutingTestCase> cases = AlertmanagerEmitter.routingTests(project);
        Tool.Result inOrder = amtool.run(cases.get(0).amtoolArguments(config));
        assertTrue(inOrder.ok(), inOrder.report());
        Tool.Result reversed = amtool.run(cases.get(1).amtoolArguments(config));
        assertFalse(reversed.ok(), "amtool compares receivers in routing-tree order:\n" + reversed.report());
    }

    /** The version gate is real: 0.25 rejects the webhook `url_file` Vigil writes for newer targets. */
    @Test
    void installedAmtoolRejectsWebhookUrlFile() throws IOException {
        Tool amtool = Tool.require("amtool");
        Tool.Result version = amtool.run(List.of("--version"));
        String text = version.stdout() + version.stderr();
        if (!text.contains("version 0.25.")) {
            System.err.println("WARNING: amtool is not 0.25 (" + text.lines().findFirst().orElse("") + "); "
                    + "the url_file rejection check only applies to 0.25 and is SKIPPED.");
            org.junit.jupiter.api.Assumptions.abort("amtool is not 0.25");
        }
        Project project = Projects.compileText(
                "settings { alertmanager_version \"0.26\" }",
                "routing {",
                "  receiver hook webhook { url_file \"/etc/am/hook-url\" }",
                "  route default to hook",
                "}");
        OutputManifest out = Projects.emit(project);
        Tool.Result r = amtool.run(List.of("check-config",
                write("url-file", out).resolve(AlertmanagerEmitter.CONFIG).toString()));
        assertFalse(r.ok(), r.report());
        assertTrue((r.stdout() + r.stderr()).contains("url_file"), r.report());
    }

    /** A default route with time intervals becomes a catch-all child, which Alertmanager accepts. */
    @Test
    void defaultRouteWithTimeIntervals() throws IOException {
        Tool amtool = Tool.require("amtool");
        Project project = Projects.compileText(
                "routing {",
                "  receiver chat slack { api_url_file \"/etc/am/slack\" }",
                "  receiver night slack { api_url_file \"/etc/am/slack\" }",
                "  time_interval nights { times [\"00:00-06:00\"] }",
                "  route team = \"x\" to chat",
                "  route default to chat {",
                "    mute_time_intervals [nights]",
                "    route severity = critical to night",
                "  }",
                "  test \"t\" {",
                "    {team = \"y\", severity = \"critical\"} expect night",
                "    {team = \"y\", severity = \"info\"} expect chat",
                "  }",
                "}");
        Path config = write("timed-default", Projects.emit(project)).resolve(AlertmanagerEmitter.CONFIG);
        assertChecks(amtool, config);
        for (RoutingTestCase c : AlertmanagerEmitter.routingTests(project)) {
            Tool.Result r = amtool.run(c.amtoolArguments(config));
            assertTrue(r.ok(), r.report());
        }
    }

    /** Vigil's templates render an alert's labels and annotations (amtool's own template engine). */
    @Test
    void templatesRender() throws IOException {
        Tool amtool = Tool.require("amtool");
        Path dir = write("templates", Projects.emit(Projects.compile("rich")));
        Path data = Projects.repo().resolve("targets/src/test/resources/alertmanager/template-data.json");
        Tool.Result r = amtool.run(List.of("template", "render",
                "--template.glob=" + dir.resolve(AlertmanagerEmitter.TEMPLATES_DIR) + "/*.tmpl",
                "--template.data=" + data,
                "--template.text=" + NotificationTemplates.TITLE + "|" + NotificationTemplates.TEXT));
        assertTrue(r.ok(), r.report());
        assertEquals("[FIRING:1] PaymentsDown (payments)|*page* Payments is down\n"
                + "Runbook: https://runbooks.example.com/payments-down\n", r.stdout());
    }

    /** Writes the ConfigMap's data keys as the files a ConfigMap volume mount would show. */
    @SuppressWarnings("unchecked")
    private static Path configMapData(OutputManifest out, Path dir) throws IOException {
        Map<String, Object> doc = new Yaml(new LoaderOptions()).load(Projects.text(out, AlertmanagerEmitter.CONFIG_MAP));
        Map<String, String> data = (Map<String, String>) doc.get("data");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : data.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }
}
