package dev.vigil.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.JsonRenderer;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Lint golden pairs: each {@code lint/<Check.Id>/X.yml} is linted alone and its JSON output compared,
 * by meaning and in any order, with {@code X.json}. {@code fail-*} cases must report the folder's
 * id and {@code pass-*} look-alikes must not. Run with {@code -Dvigil.golden.update=true} (or
 * {@code VIGIL_UPDATE_GOLDEN=1}) to rewrite the expectations; a missing one is written and fails.
 */
class LintGoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/lint");
    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean updating() {
        return Boolean.getBoolean("vigil.golden.update") || "1".equals(System.getenv("VIGIL_UPDATE_GOLDEN"));
    }

    @TestFactory
    Stream<DynamicTest> goldenLintCases() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.walk(ROOT)) {
            cases = files.filter(p -> !p.startsWith(ROOT.resolve("seeds")))
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(cases.size() >= 14, "expected lint cases for at least seven checks");
        return cases.stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> check(p)));
    }

    private static void check(Path file) throws IOException {
        String name = file.getFileName().toString();
        String id = file.getParent().getFileName().toString();
        Path expected = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".json");
        CompileResult result = Linter.lint(List.of(new SourceFile(name, Files.readString(file, StandardCharsets.UTF_8))),
                Linter.Options.DEFAULT);
        String actual = JsonRenderer.render(result.diagnostics());
        if (updating() || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            if (!updating()) {
                fail("No " + expected.getFileName() + " existed; it was written from the current output. Review it.");
            }
            return;
        }
        List<JsonNode> want = entries(Files.readString(expected));
        List<JsonNode> got = entries(actual);
        List<JsonNode> missing = new ArrayList<>(want);
        got.forEach(missing::remove);
        List<JsonNode> unexpected = new ArrayList<>(got);
        want.forEach(unexpected::remove);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            fail(name + " does not match " + expected.getFileName() + ":\n  missing: " + missing + "\n  unexpected: "
                    + unexpected);
        }
        boolean reports = got.stream().anyMatch(n -> n.get("code").asText().equals(id));
        if (name.startsWith("fail-")) {
            assertTrue(reports, name + " must report " + id);
        } else if (name.startsWith("pass-")) {
            assertEquals(false, reports, name + " must not report " + id);
            assertTrue(got.stream().noneMatch(n -> n.get("severity").asText().equals("error")), name + " must lint cleanly");
        }
    }

    private static List<JsonNode> entries(String json) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(json).forEach(out::add);
        return out;
    }
}
