package dev.vigil.targets.grafana;

import dev.vigil.targets.Repo;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The projects the Grafana tests emit: the crm-events sample and a fixture with every panel type. */
final class GrafanaFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private GrafanaFixtures() {
    }

    static Path repo() {
        return Repo.root();
    }

    static Project crmEvents() {
        try {
            CompileResult r = Compiler.fromWorkingDirectory()
                    .check(List.of(repo().resolve("samples/crm-events/src/main/vigil")));
            return r.project().orElseThrow(() -> new AssertionError("the sample does not compile: " + r.diagnostics()));
        } catch (InputException e) {
            throw new AssertionError("the crm-events sample was not found below " + repo().toAbsolutePath(), e);
        }
    }

    static Project allPanels() {
        return compile(resource("all-panels/all-panels.vigil"));
    }

    /** Panels with Grafana's own JSON in {@code options { }} and {@code field_config { }}. */
    static Project panelJson() {
        return compile(resource("panel-json/panel-json.vigil"));
    }

    /** A fixed data source, dashboard links of every kind, and panels that show alert periods. */
    static Project linksAlerts() {
        return compile(resource("links-alerts/links-alerts.vigil"));
    }

    static Project compile(String text) {
        CompileResult r = Compiler.compile(List.of(new SourceFile("test.vigil", text)));
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    static String resource(String name) {
        try (var in = GrafanaFixtures.class.getResourceAsStream("/grafana/" + name)) {
            if (in == null) {
                fail("missing test resource grafana/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OutputManifest emit(Project project) {
        OutputManifest out = new OutputManifest();
        new GrafanaEmitter().emit(project, EmitSettings.DEFAULT, out);
        return out;
    }

    static JsonNode dashboard(OutputManifest out, String uid) {
        byte[] bytes = out.read(GrafanaEmitter.DASHBOARDS + uid + ".json");
        if (bytes == null) {
            fail("no dashboard " + uid + " in " + out.files().keySet());
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel of a dashboard that is not a row header. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            if (!p.path("type").asText().equals("row")) {
                out.add(p);
            }
        });
        return out;
    }

    static JsonNode panel(JsonNode dashboard, String title) {
        for (JsonNode p : dashboard.path("panels")) {
            if (p.path("title").asText().equals(title)) {
                return p;
            }
        }
        throw new AssertionError("no panel titled " + title);
    }

    static void writeOut(OutputManifest out, Path dir) throws IOException {
        for (var e : out.files().entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }
}
