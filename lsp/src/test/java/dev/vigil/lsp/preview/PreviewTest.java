package dev.vigil.lsp.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.lsp.LspServer;
import dev.vigil.lsp.features.preview.PreviewItem;
import dev.vigil.lsp.harness.ServerHarness;
import dev.vigil.lsp.harness.StubClient;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.build.Build;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code vigil/preview} on a copy of the crm-events sample, compared with what {@code vigil build} writes for
 * it: the rule entry equal by meaning (both parsed as YAML), the runbook byte for byte.
 */
class PreviewTest {
    private static final Path SAMPLE = Path.of(System.getProperty("vigil.repo", "..")).toAbsolutePath().normalize()
            .resolve("samples/crm-events/src/main/vigil");

    @TempDir
    Path dir;

    private Path project;
    private Path built;

    @BeforeEach
    void copyAndBuild() throws Exception {
        project = dir.resolve("project");
        Files.createDirectories(project);
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, project.resolve(f.getFileName()));
            }
        }
        built = dir.resolve("out");
        Build.Result result = Build.run(project, built, EmitSettings.DEFAULT);
        assertTrue(result.succeeded(), "the sample builds");
    }

    private static Position find(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(needle);
            if (at >= 0) {
                return new Position(i, at);
            }
        }
        throw new AssertionError(needle + " not found");
    }

    private List<PreviewItem> preview(ServerHarness h, String file, Position at) {
        return h.server.preview(new TextDocumentPositionParams(new TextDocumentIdentifier(h.uri(file)), at)).join();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> builtRule(Path ruleFile, String key, String name) throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(ruleFile, StandardCharsets.UTF_8));
        for (Object g : (List<Object>) doc.get("groups")) {
            for (Object r : (List<Object>) ((Map<String, Object>) g).get("rules")) {
                if (name.equals(((Map<String, Object>) r).get(key))) {
                    return (Map<String, Object>) r;
                }
            }
        }
        throw new AssertionError(name + " not in " + ruleFile);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyGroup(PreviewItem item) {
        Map<String, Object> doc = new Yaml().load(item.getText());
        List<Object> groups = (List<Object>) doc.get("groups");
        assertEquals(1, groups.size());
        return (Map<String, Object>) groups.get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAlertShowsItsRuleAsBuildWritesItItsRouteAndItsRunbook() throws Exception {
        try (ServerHarness h = ServerHarness.start(project)) {
            String text = Files.readString(project.resolve("rules.vigil"));
            h.open("rules.vigil", text);
            h.awaitCompiled();
            Position cursor = find(text, "when        up{job=\"crm-events\"} == 0");
            List<PreviewItem> items = preview(h, "rules.vigil", cursor);
            assertEquals(List.of("prometheus/rules/crm_events.rules.yml", "Route of CrmEventsServiceDown",
                    "runbooks/crm_events/CrmEventsServiceDown.md"), items.stream().map(PreviewItem::getTitle).toList(),
                    items.toString());
            assertEquals(List.of("yaml", "markdown", "markdown"), items.stream().map(PreviewItem::getLanguage).toList());

            Map<String, Object> group = onlyGroup(items.get(0));
            assertEquals("crm_events_lag_capacity", group.get("name"));
            assertEquals("30s", group.get("interval"));
            List<Object> rules = (List<Object>) group.get("rules");
            assertEquals(List.of(builtRule(built.resolve("prometheus/rules/crm_events.rules.yml"), "alert",
                    "CrmEventsServiceDown")), rules);

            String route = items.get(1).getText();
            assertTrue(route.contains("**platform_pager**") && route.contains("`route severity >= critical to platform_pager`"),
                    route);
            assertTrue(route.contains("`severity=\"critical\"`"), route);
            assertEquals(Files.readString(built.resolve("runbooks/crm_events/CrmEventsServiceDown.md")), items.get(2).getText());
            h.assertNoInternalErrors();
        }
    }

    @Test
    void aRecordingRuleShowsItsRuleAlone() throws Exception {
        try (ServerHarness h = ServerHarness.start(project)) {
            String text = Files.readString(project.resolve("rules.vigil"));
            h.open("rules.vigil", text);
            h.awaitCompiled();
            List<PreviewItem> items = preview(h, "rules.vigil", find(text, "record kafka:group_lag_sum"));
            assertEquals(1, items.size());
            assertEquals(List.of(builtRule(built.resolve("prometheus/rules/crm_events.rules.yml"), "record",
                    "kafka:group_lag_sum")), onlyGroup(items.get(0)).get("rules"));
            assertEquals(List.of("No preview"), preview(h, "rules.vigil", new Position(0, 0)).stream()
                    .map(PreviewItem::getTitle).toList());
        }
    }

    @Test
    void aProjectWithErrorsGetsAnExplanation() throws Exception {
        try (ServerHarness h = ServerHarness.start(project)) {
            String text = Files.readString(project.resolve("rules.vigil"));
            String broken = text.replace("severity    critical", "severity    urgent");
            h.open("rules.vigil", broken);
            h.awaitCompiled();
            List<PreviewItem> items = preview(h, "rules.vigil", find(broken, "when        up{job=\"crm-events\"} == 0"));
            assertEquals(1, items.size());
            assertEquals("No preview", items.get(0).getTitle());
            assertTrue(items.get(0).getText().startsWith("The project has errors"), items.get(0).getText());
            assertTrue(items.get(0).getText().contains("rules.vigil:"), items.get(0).getText());
        }
    }

    /** The client's view of the server with Vigil's own request, as an editor extension declares it. */
    interface VigilServer extends LanguageServer {
        @JsonRequest("vigil/preview")
        CompletableFuture<List<PreviewItem>> preview(TextDocumentPositionParams params);
    }

    @Test
    void theRequestIsServedOverJsonRpc() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try {
                return LspServer.run(serverIn, serverOut, new PrintWriter(new StringWriter()), dir.resolve(".docs-cache"));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                try {
                    serverOut.close();
                } catch (IOException ignored) {
                    // the client side is gone already
                }
            }
        });
        Launcher<VigilServer> launcher = new LSPLauncher.Builder<VigilServer>().setLocalService(new StubClient())
                .setRemoteInterface(VigilServer.class).setInput(clientIn).setOutput(toServer).create();
        launcher.startListening();
        VigilServer server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(project.toUri().toString(), "crm-events")));
        Object experimental = server.initialize(init).get(60, TimeUnit.SECONDS).getCapabilities().getExperimental();
        assertTrue(String.valueOf(experimental).contains("vigil/preview"), String.valueOf(experimental));
        server.initialized(new InitializedParams());
        String text = Files.readString(project.resolve("rules.vigil"));
        List<PreviewItem> items = server.preview(new TextDocumentPositionParams(new TextDocumentIdentifier(
                project.resolve("rules.vigil").toUri().toString()), find(text, "record kafka:group_lag_sum")))
                .get(120, TimeUnit.SECONDS);
        assertEquals(List.of("prometheus/rules/crm_events.rules.yml"), items.stream().map(PreviewItem::getTitle).toList());
        assertTrue(items.get(0).getText().contains("record: kafka:group_lag_sum"), items.get(0).getText());
        server.shutdown().get(60, TimeUnit.SECONDS);
        server.exit();
        assertEquals(0, status.get(60, TimeUnit.SECONDS));
    }
}
