package dev.vigil.targets;

import dev.vigil.targets.build.Build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden snapshots of every emitter's output for every sample, kept under
 * {@code src/test/resources/golden/<sample>/}. YAML and JSON are compared by meaning, Markdown and
 * everything else by text. Run with {@code -Dvigil.golden.update=true} to rewrite them, then review
 * the diff; a missing snapshot is written and fails.
 */
class GoldenOutputTest {
    private static final Path REPO = Repo.root();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean updating() {
        return Boolean.getBoolean("vigil.golden.update") || "1".equals(System.getenv("VIGIL_UPDATE_GOLDEN"));
    }

    @TestFactory
    Stream<DynamicTest> everySampleMatchesItsSnapshot() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(REPO.resolve("samples"))) {
            samples = s.filter(p -> Files.isDirectory(p.resolve("src/main/vigil"))).sorted().toList();
        }
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> check(s)));
    }

    private static void check(Path sample) throws Exception {
        CompileResult r = Compiler.fromWorkingDirectory().check(List.of(sample.resolve("src/main/vigil")));
        Project project = r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
        Map<String, byte[]> files = Build.emit(project, EmitSettings.DEFAULT).files();
        Path dir = GOLDEN.resolve(sample.getFileName().toString());
        if (updating()) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = dir.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
            return;
        }
        TreeSet<String> expected = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).forEach(p -> expected.add(dir.relativize(p).toString().replace('\\', '/')));
            }
        }
        if (expected.isEmpty()) {
            fail("No snapshot for " + sample.getFileName() + "; run with -Dvigil.golden.update=true and review it.");
        }
        assertEquals(expected, new TreeSet<>(files.keySet()), "the set of emitted files changed");
        for (String path : expected) {
            String want = Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
            String got = new String(files.get(path), StandardCharsets.UTF_8);
            if (path.endsWith(".yml") || path.endsWith(".yaml")) {
                assertEquals(loadAll(want), loadAll(got), path + " differs in meaning");
            } else if (path.endsWith(".json")) {
                assertEquals(JSON.readTree(want), JSON.readTree(got), path + " differs in meaning");
            } else {
                assertEquals(want, got, path + " differs");
            }
        }
    }

    private static List<Object> loadAll(String text) {
        List<Object> docs = new java.util.ArrayList<>();
        new org.yaml.snakeyaml.Yaml().loadAll(text).forEach(docs::add);
        return docs;
    }
}
