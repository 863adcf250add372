package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.targets.OutputManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Golden snapshots of every file the emitter writes, under
 * {@code targets/src/test/resources/alertmanager/golden/PROJECT/}. YAML is compared by meaning
 * (parsed, so formatting changes alone do not fail), including the config embedded in the
 * ConfigMap. Regenerate with {@code -Dvigil.golden.update=true}, then review the diff.
 */
class AlertmanagerGoldenTest {
    static final List<String> PROJECTS = Projects.NAMES;

    private static boolean update() {
        return Boolean.getBoolean("vigil.golden.update");
    }

    private static Path goldenDir(String project) {
        return Projects.repo().resolve("targets/src/test/resources/alertmanager/golden").resolve(project);
    }

    @ParameterizedTest
    @FieldSource("PROJECTS")
    void matchesGolden(String project) throws IOException {
        OutputManifest out = Projects.emit(Projects.compile(project));
        Path dir = goldenDir(project);
        if (update()) {
            rewrite(dir, out);
            System.err.println("Golden files of " + project + " REGENERATED in " + dir + "; review the diff.");
        }
        Map<String, String> expected = read(dir);
        Map<String, String> actual = new TreeMap<>();
        out.files().forEach((path, bytes) -> actual.put(path, new String(bytes, StandardCharsets.UTF_8)));
        assertEquals(expected.keySet(), actual.keySet(), "files written for " + project
                + " (regenerate with -Dvigil.golden.update=true)");
        for (String path : expected.keySet()) {
            assertEquals(meaning(path, expected.get(path)), meaning(path, actual.get(path)),
                    project + "/" + path + " differs from its golden file (regenerate with -Dvigil.golden.update=true)");
        }
    }

    /** YAML as parsed objects, with YAML strings inside a ConfigMap's data parsed too; other files as text. */
    @SuppressWarnings("unchecked")
    static Object meaning(String path, String text) {
        if (!path.endsWith(".yml") && !path.endsWith(".yaml")) {
            return text;
        }
        Object doc = new Yaml(new LoaderOptions()).load(text);
        if (doc instanceof Map<?, ?> m && "ConfigMap".equals(m.get("kind")) && m.get("data") instanceof Map<?, ?> data) {
            Map<String, Object> parsed = new TreeMap<>();
            data.forEach((k, v) -> parsed.put((String) k, meaning((String) k, (String) v)));
            ((Map<String, Object>) doc).put("data", parsed);
        }
        return doc;
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void rewrite(Path dir, OutputManifest out) throws IOException {
        if (Files.isDirectory(dir)) {
            List<Path> old = new ArrayList<>();
            try (Stream<Path> files = Files.walk(dir)) {
                files.forEach(old::add);
            }
            for (Path p : new TreeSet<>(old).descendingSet()) {
                Files.delete(p);
            }
        }
        for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }
}
