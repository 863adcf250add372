package dev.vigil.compiler.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code X.vigil} below {@code src/test/resources/errors} (front-end mistakes) and
 * {@code src/test/resources/checks/<Check.Id>/} (one folder per check) and compares its diagnostics
 * with {@code X.errors}. Unexpected diagnostics fail the test. Files named {@code ok-*} or
 * {@code pass-*} are passing look-alikes and must compile without errors; a {@code pass-*} case in a
 * check's folder must not report that check, whatever its expectation file says.
 *
 * <p>Run with {@code -Dvigil.golden.update=true} (or {@code VIGIL_UPDATE_GOLDEN=1}) to rewrite the
 * expectations from what the compiler says now; a missing {@code .errors} file is written and fails.
 */
class GoldenErrorsTest {
    private static final List<Path> ROOTS = List.of(Path.of("src/test/resources/errors"), Path.of("src/test/resources/checks"));

    static boolean updating() {
        return Boolean.getBoolean("vigil.golden.update") || "1".equals(System.getenv("VIGIL_UPDATE_GOLDEN"));
    }

    static List<Path> snippets(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".vigil")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenSnippets() throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (Path root : ROOTS) {
            all.addAll(snippets(root));
        }
        assertTrue(snippets(ROOTS.get(0)).size() >= 40, "expected at least 40 front-end snippets");
        return all.stream().map(p -> DynamicTest.dynamicTest(ROOTS.get(0).getParent().relativize(p).toString(),
                () -> check(p)));
    }

    private static void check(Path snippet) throws IOException {
        String name = snippet.getFileName().toString();
        Path errors = snippet.resolveSibling(name.substring(0, name.length() - ".vigil".length()) + ".errors");
        String text = Files.readString(snippet, StandardCharsets.UTF_8);
        CompileResult result = Compiler.compile(List.of(new SourceFile(name, text)));
        if (updating() || !Files.exists(errors)) {
            Files.writeString(errors, ErrorFile.format(result.diagnostics()), StandardCharsets.UTF_8);
            if (!updating()) {
                fail("No " + errors.getFileName() + " existed; it was written from the current output. Review it.");
            }
            return;
        }
        List<String> problems = ErrorFile.compare(ErrorFile.parse(Files.readString(errors)), result.diagnostics());
        if (!problems.isEmpty()) {
            fail(name + " does not match " + errors.getFileName() + ":\n  " + String.join("\n  ", problems));
        }
        if (name.startsWith("ok-") || name.startsWith("pass-")) {
            assertFalse(result.hasErrors(), name + " is a passing look-alike and must compile");
        }
        String check = snippet.getParent().getFileName().toString();
        if (name.startsWith("pass-") && snippet.getParent().getParent().endsWith("checks")) {
            assertTrue(result.diagnostics().stream().noneMatch(d -> d.code().equals(check)),
                    name + " is a look-alike for " + check + " and must not report it: " + result.diagnostics());
        }
    }
}
