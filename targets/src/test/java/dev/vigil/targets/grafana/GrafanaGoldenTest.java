package dev.vigil.targets.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.OutputManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The emitted files of each fixture against snapshots in {@code src/test/resources/grafana/golden/CASE/},
 * compared by meaning: JSON as trees, YAML as data (with a ConfigMap's embedded dashboard as a tree).
 * Run with {@code -Dvigil.golden.update=true} (or {@code VIGIL_UPDATE_GOLDEN=1}) to rewrite them.
 */
class GrafanaGoldenTest {
    private static boolean update() {
        return Boolean.getBoolean("vigil.golden.update") || "1".equals(System.getenv("VIGIL_UPDATE_GOLDEN"));
    }

    private static Path goldenDir(String name) {
        return GrafanaFixtures.repo().resolve("targets/src/test/resources/grafana/golden").resolve(name);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("crm-events", (Supplier<Project>) GrafanaFixtures::crmEvents),
                Arguments.of("all-panels", (Supplier<Project>) GrafanaFixtures::allPanels),
                Arguments.of("links-alerts", (Supplier<Project>) GrafanaFixtures::linksAlerts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void emittedFilesMatchTheSnapshots(String name, Supplier<Project> project) throws IOException {
        OutputManifest out = GrafanaFixtures.emit(project.get());
        Path dir = goldenDir(name);
        if (update()) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    old.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                }
            }
            GrafanaFixtures.writeOut(out, dir);
            System.err.println("Updated the Grafana snapshots in " + dir);
            return;
        }
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> expected.add(dir.relativize(f).toString().replace('\\', '/')));
        }
        assertEquals(expected, new TreeSet<>(out.files().keySet()),
                "the emitted files differ from the snapshot; rerun with -Dvigil.golden.update=true if intended");
        for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
            String actual = new String(e.getValue(), StandardCharsets.UTF_8);
            String golden = Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8);
            assertEquals(meaning(e.getKey(), golden), meaning(e.getKey(), actual),
                    e.getKey() + " differs from its snapshot; rerun with -Dvigil.golden.update=true if intended");
        }
    }

    /** A file's content as a JSON tree, whatever its format. */
    private static JsonNode meaning(String path, String text) throws IOException {
        if (path.endsWith(".json")) {
            return GrafanaFixtures.JSON.readTree(text);
        }
        JsonNode tree = GrafanaFixtures.JSON.valueToTree(new Yaml().load(text));
        if (tree.path("data") instanceof ObjectNode data) {
            for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (key.endsWith(".json")) {
                    data.set(key, GrafanaFixtures.JSON.readTree(data.get(key).asText()));
                }
            }
        }
        return tree;
    }
}
