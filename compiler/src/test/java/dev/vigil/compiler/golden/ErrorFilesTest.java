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
 * Runs every {@code src/test/resources/errors/X.vigil} and compares its diagnostics with
 * {@code X.errors}. Unexpected diagnostics fail the test. Run with {@code -Dvigil.golden.update=true}
 * (or {@code VIGIL_UPDATE_GOLDEN=1}) to rewrite the expectations from what the compiler says now.
 */
class ErrorFilesTest {
    private static final Path DIR = Path.of("src/test/resources/errors");

    static boolean updating() {
        return Boolean.getBoolean("vigil.golden.update") || "1".equals(System.getenv("VIGIL_UPDATE_GOLDEN"));
    }

    @TestFactory
    Stream<DynamicTest> errorFiles() throws IOException {
        List<Path> snippets;
        try (Stream<Path> files = Files.list(DIR)) {
            snippets = files.filter(p -> p.toString().endsWith(".vigil")).sorted().toList();
        }
        assertTrue(snippets.size() >= 40, "expected at least 40 golden snippets, found " + snippets.size());
        return snippets.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
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
        if (name.startsWith("ok-")) {
            assertFalse(result.hasErrors(), name + " is a passing look-alike and must compile");
        }
    }
}
