package dev.vigil.compiler.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.importer.registry.Importers;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code X.yaml} below {@code src/test/resources/import} is imported, and what import reports
 * (every diagnostic with its position) and writes (every file, whole) must equal {@code X.expected}.
 * Inputs named {@code error-*} have errors: they must write nothing. Every written file must parse.
 * Run with {@code -Dvigil.golden.update=true} to rewrite the expectations, then review the diff.
 */
class ImportGoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/import");

    @TestFactory
    List<DynamicTest> everyInputImportsAsExpected() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> inputs = Files.list(ROOT)) {
            for (Path input : inputs.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
            }
        }
        assertTrue(tests.size() >= 6, "the golden inputs are there");
        return tests;
    }

    private static void check(Path input) throws IOException {
        String name = input.getFileName().toString();
        SourceFile source = new SourceFile("in/" + name, Files.readString(input));
        ImportRun.Result result = ImportRun.run(Importers.all(), List.of(source), "out/", false);
        String actual = render(result);
        if (name.startsWith("error-")) {
            assertTrue(result.inputHasErrors(), name + " has errors");
            assertTrue(result.files().isEmpty(), name + ": nothing is written when the input has errors");
            assertTrue(result.diagnostics().stream().filter(Diagnostic::isError).allMatch(d -> d.span().line() > 0),
                    name + ": every error has a position");
        } else {
            assertFalse(result.inputHasErrors(), () -> name + ": " + result.diagnostics());
            result.files().forEach((file, text) -> {
                DiagnosticSink sink = new DiagnosticSink();
                VigilSourceParser.parse(new SourceFile(file, text), sink);
                assertEquals(List.of(), sink.sorted(), file + " parses");
            });
            // Deterministic: a second import writes the very same text.
            assertEquals(result.files(), ImportRun.run(Importers.all(), List.of(source), "out/", false).files());
        }
        Path expected = input.resolveSibling(name.replace(".yaml", ".expected"));
        if (Boolean.getBoolean("vigil.golden.update") || "1".equals(System.getenv("VIGIL_UPDATE_GOLDEN"))) {
            Files.writeString(expected, actual);
        }
        assertTrue(Files.exists(expected), expected + " is missing; run with -Dvigil.golden.update=true");
        assertEquals(Files.readString(expected), actual, name);
    }

    static String render(ImportRun.Result result) {
        StringBuilder out = new StringBuilder("== diagnostics\n");
        for (Diagnostic d : result.diagnostics()) {
            out.append(d.span().file()).append(':').append(d.span().line()).append(':').append(d.span().column())
                    .append(' ').append(d.severity().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(d.code()).append(": ").append(d.message()).append('\n');
        }
        out.append("== summary\n").append(result.summary().render());
        result.files().forEach((file, text) -> out.append("== file ").append(file).append('\n').append(text));
        return out.toString();
    }
}
