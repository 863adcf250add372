package dev.vigil.targets.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.OutputManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every emitted dashboard validates against Grafana's generated schemas, and every unit is Grafana's. */
class GrafanaSchemaTest {
    private static GrafanaSchemas schemas;

    @BeforeAll
    static void load() {
        schemas = GrafanaSchemas.load();
    }

    static Stream<Arguments> projects() throws IOException {
        return Stream.of(
                Arguments.of("crm-events sample", GrafanaFixtures.crmEvents()),
                Arguments.of("all panel types", GrafanaFixtures.allPanels()),
                Arguments.of("panel options and field config", GrafanaFixtures.panelJson()),
                Arguments.of("data sources, links and alert periods", GrafanaFixtures.linksAlerts()),
                Arguments.of("docs/language.md", languageDoc()));
    }

    /** The language reference's examples, compiled together as its own test does. */
    private static Project languageDoc() throws IOException {
        String text = Files.readString(GrafanaFixtures.repo().resolve("docs/language.md"));
        List<SourceFile> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```vigil\\n(.*?)```", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            blocks.add(new SourceFile("language.md#" + blocks.size(), m.group(1)));
        }
        CompileResult r = Compiler.compile(blocks);
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void everyEmittedDashboardIsValid(String name, Project project) {
        OutputManifest out = GrafanaFixtures.emit(project);
        int dashboards = 0;
        for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
            if (e.getKey().startsWith(GrafanaEmitter.DASHBOARDS)) {
                JsonNode dashboard = readJson(e.getValue());
                List<String> problems = schemas.problems(dashboard);
                assertEquals(List.of(), problems, e.getKey() + " is not a valid Grafana dashboard");
                dashboards++;
            }
        }
        assertTrue(dashboards > 0, name + " emitted no dashboard");
    }

    @Test
    void theValidatorRejectsWhatGrafanaSchemasReject() {
        ObjectNode dashboard = (ObjectNode) readJson(GrafanaFixtures.emit(GrafanaFixtures.allPanels())
                .read(GrafanaEmitter.DASHBOARDS + "shop-overview.json"));
        assertEquals(List.of(), schemas.problems(dashboard));

        ObjectNode timeseries = (ObjectNode) GrafanaFixtures.panel(dashboard, "Error ratio");
        ((ObjectNode) timeseries.path("options").path("legend")).remove("displayMode");
        ((ObjectNode) timeseries.path("fieldConfig").path("defaults")).put("unit", "percent_unit");
        ((ObjectNode) GrafanaFixtures.panel(dashboard, "About").path("options")).remove("mode");
        dashboard.remove("annotations");

        String problems = String.join("\n", schemas.problems(dashboard));
        assertTrue(problems.contains("displayMode"), problems);
        assertTrue(problems.contains("`percent_unit` is not a Grafana unit id"), problems);
        assertTrue(problems.contains("\"About\").options") && problems.contains("mode"), problems);
        assertTrue(problems.contains("annotations"), problems);
    }

    @Test
    void unitsAreComparedByCodePoint() {
        // µs is MICRO SIGN U+00B5 in Grafana's list; the Greek mu U+03BC is a different id.
        assertTrue(schemas.isKnownUnit("\u00b5s"));
        assertFalse(schemas.isKnownUnit("\u03bcs"));
        assertTrue(schemas.isKnownUnit("con\u03bcgm3"));
        assertFalse(schemas.isKnownUnit("con\u00b5gm3"));
        assertTrue(schemas.isKnownUnit("suffix:x"));
        assertFalse(schemas.isKnownUnit("seconds"));
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return GrafanaFixtures.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
