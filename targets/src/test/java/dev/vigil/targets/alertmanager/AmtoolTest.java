package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import dev.vigil.compiler.target.Version;
import dev.vigil.targets.tools.Tool;
import dev.vigil.targets.tools.ToolMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The emitted configuration judged by the real {@code amtool}: {@code check-config} must accept it
 * (as a file tree and as the ConfigMap's data), and every DSL routing test runs as
 * {@code amtool config routes test --verify.receivers}. A wrong route fails the build here. Every
 * test runs with the amtool of each entry of the tool matrix, on output compiled for its releases.
 */
class AmtoolTest {
    @TempDir
    Path temp;

    /** A test on one matrix entry. */
    private interface OnEntry {
        void run(ToolMatrix.Entry entry, Path dir) throws Exception;
    }

    /** The single cases below, on every matrix entry, each in a directory of its own. */
    @TestFactory
    Stream<DynamicContainer> casesOnEveryEntry() {
        Map<String, OnEntry> cases = new LinkedHashMap<>();
        cases.put("a wrong expectation fails", this::aWrongExpectationFails);
        cases.put("quoted labels and receiver order", this::quotedLabelsAndReceiverOrder);
        cases.put("webhook url_file loads from Alertmanager 0.26 on", this::webhookUrlFileLoadsFromAlertmanager026On);
        cases.put("default route with time intervals", this::defaultRouteWithTimeIntervals);
        cases.put("templates render", this::templatesRender);
        return ToolMatrix.entries().stream().map(e -> DynamicContainer.dynamicContainer(e.label(),
                cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), (Executable) () ->
                        c.getValue().run(e, Files.createDirectories(temp.resolve(e.name()).resolve(c.getKey().replace(' ', '-'))))))));
    }

    /** The output committed to a directory below {@code parent}, as a deployment would see it. */
    private static Path write(Path parent, String name, OutputManifest out) throws IOException {
        Path dir = parent.resolve(name);
        OutputDirectory.commit(out, dir);
        return dir;
    }

    static void assertChecks(Tool amtool, Path config) {
        Tool.Result r = amtool.run(List.of("check-config", config.toString()));
        assertTrue(r.ok(), r.report());
        assertTrue(r.stdout().contains("SUCCESS"), r.report());
    }

    @TestFactory
    Stream<DynamicNode> samplesPassCheckConfigAndTheirRoutingTests() throws IOException {
        List<DynamicNode> entries = new ArrayList<>();
        for (ToolMatrix.Entry entry : ToolMatrix.entries()) {
            entries.add(DynamicContainer.dynamicContainer(entry.label(), samples(entry, temp.resolve(entry.name()))));
        }
        return entries.stream();
    }

    private static List<DynamicNode> samples(ToolMatrix.Entry entry, Path temp) throws IOException {
        Tool amtool = entry.amtool();
        List<DynamicNode> projects = new ArrayList<>();
        for (String name : Projects.ROUTED) {
            Project project = Projects.compile(Projects.sources(name), entry);
            OutputManifest out = Projects.emit(project);
            Path config = write(temp, name, out).resolve(AlertmanagerEmitter.CONFIG);
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

    /**
     * Lets a project with deliberately wrong routing tests compile, after proving that `vigil check`
     * reports exactly the cases amtool is to fail, at their lines.
     */
    private static Project wrongOnPurpose(ToolMatrix.Entry entry, List<Integer> wrongLines, String... lines) {
        List<Integer> reported = entry.compile(List.of(new SourceFile("t.vigil", String.join("\n", lines) + "\n")))
                .diagnostics().stream().filter(d -> d.code().equals("Test.RoutingExpectation"))
                .map(d -> d.span().line()).toList();
        assertEquals(wrongLines, reported, "vigil check and amtool must find the same wrong cases");
        List<String> off = new ArrayList<>(List.of(lines));
        off.add(0, "checks { Test.RoutingExpectation off \"amtool is to find these cases itself\" }");
        return Projects.compileText(entry, off.toArray(String[]::new));
    }

    /** Proves the routing tests can fail: a deliberately wrong expectation is reported by amtool. */
    private void aWrongExpectationFails(ToolMatrix.Entry entry, Path temp) throws IOException {
        Tool amtool = entry.amtool();
        Project project = wrongOnPurpose(entry, List.of(7),
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
        Path config = write(temp, "wrong", Projects.emit(project)).resolve(AlertmanagerEmitter.CONFIG);
        List<RoutingTestCase> cases = AlertmanagerEmitter.routingTests(project);
        assertEquals(2, cases.size());
        Tool.Result wrong = amtool.run(cases.get(0).amtoolArguments(config));
        assertFalse(wrong.ok(), "a critical alert routed to the pager must not pass `expect chat`:\n" + wrong.report());
        assertTrue(wrong.stdout().contains("pager"), wrong.report());
        Tool.Result right = amtool.run(cases.get(1).amtoolArguments(config));
        assertTrue(right.ok(), right.report());
    }

    /** Label values that need quoting reach amtool intact, and the order of receivers is checked. */
    private void quotedLabelsAndReceiverOrder(ToolMatrix.Entry entry, Path temp) throws IOException {
        Tool amtool = entry.amtool();
        Project project = wrongOnPurpose(entry, List.of(9),
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
        Path config = write(temp, "quoted", Projects.emit(project)).resolve(AlertmanagerEmitter.CONFIG);
        assertChecks(amtool, config);
        List<RoutingTestCase> cases = AlertmanagerEmitter.routingTests(project);
        Tool.Result inOrder = amtool.run(cases.get(0).amtoolArguments(config));
        assertTrue(inOrder.ok(), inOrder.report());
        Tool.Result reversed = amtool.run(cases.get(1).amtoolArguments(config));
        assertFalse(reversed.ok(), "amtool compares receivers in routing-tree order:\n" + reversed.report());
    }

    /**
     * The version gate is real: Alertmanager before 0.26 rejects the webhook {@code url_file} Vigil
     * writes for a 0.26 target, and 0.26 and later accept it.
     */
    private void webhookUrlFileLoadsFromAlertmanager026On(ToolMatrix.Entry entry, Path temp) throws IOException {
        Project project = Projects.compileText(
                "settings { alertmanager_version \"0.26\" }",
                "routing {",
                "  receiver hook webhook { url_file \"/etc/am/hook-url\" }",
                "  route default to hook",
                "}");
        OutputManifest out = Projects.emit(project);
        Tool.Result r = entry.amtool().run(List.of("check-config",
                write(temp, "url-file", out).resolve(AlertmanagerEmitter.CONFIG).toString()));
        if (entry.alertmanager().atLeast(Version.of(0, 26))) {
            assertTrue(r.ok(), r.report());
        } else {
            assertFalse(r.ok(), r.report());
            assertTrue((r.stdout() + r.stderr()).contains("url_file"), r.report());
        }
    }

    /** A default route with time intervals becomes a catch-all child, which Alertmanager accepts. */
    private void defaultRouteWithTimeIntervals(ToolMatrix.Entry entry, Path temp) throws IOException {
        Tool amtool = entry.amtool();
        Project project = Projects.compileText(entry,
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
        Path config = write(temp, "timed-default", Projects.emit(project)).resolve(AlertmanagerEmitter.CONFIG);
        assertChecks(amtool, config);
        for (RoutingTestCase c : AlertmanagerEmitter.routingTests(project)) {
            Tool.Result r = amtool.run(c.amtoolArguments(config));
            assertTrue(r.ok(), r.report());
        }
    }

    /** Vigil's templates render an alert's labels and annotations (amtool's own template engine). */
    private void templatesRender(ToolMatrix.Entry entry, Path temp) throws IOException {
        Tool amtool = entry.amtool();
        Path dir = write(temp, "templates", Projects.emit(Projects.compile(Projects.sources("rich"), entry)));
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
