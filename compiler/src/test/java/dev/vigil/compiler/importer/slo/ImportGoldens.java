package dev.vigil.compiler.importer.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.golden.ErrorFile;
import dev.vigil.compiler.importer.ImportedSource;
import dev.vigil.compiler.importer.Importer;
import dev.vigil.compiler.importer.registry.Importers;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden tests of the importers: each {@code CASE.yaml} or {@code CASE.json} below
 * {@code src/test/resources/import/<kind>/} is imported document by document through the
 * {@link Importer} interface; the diagnostics must be those of {@code CASE.errors} (positioned, as
 * {@link ErrorFile} reads them), and the source that of {@code CASE.vigil}, which must compile without
 * errors. An input with errors writes nothing, so it has no {@code CASE.vigil}. Run with
 * {@code -Dvigil.golden.update=true} to rewrite the expectations.
 */
public final class ImportGoldens {
    /** Every registered importer: exactly one of them must recognise each document. */
    static final List<Importer> IMPORTERS = Importers.all();

    private ImportGoldens() {
    }

    static boolean updating() {
        return Boolean.getBoolean("vigil.golden.update") || "1".equals(System.getenv("VIGIL_UPDATE_GOLDEN"));
    }

    public static List<Path> cases(String kind) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/import", kind))) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The result of importing one file: its sources and every diagnostic. */
    public record Imported(List<ImportedSource> sources, List<Diagnostic> diagnostics) {
    }

    public static Imported importFile(Path input) throws IOException {
        SourceFile source = new SourceFile(input.getFileName().toString(), Files.readString(input));
        DiagnosticSink sink = new DiagnosticSink();
        List<ImportedSource> sources = new ArrayList<>();
        for (YamlDocument doc : YamlDocument.composeAll(source, sink)) {
            List<Importer> fit = IMPORTERS.stream().filter(i -> i.recognises(doc)).toList();
            assertEquals(1, fit.size(), input + ": one importer recognises each document, not " + fit);
            sources.addAll(fit.get(0).translate(doc, sink));
        }
        return new Imported(sources, sink.sorted());
    }

    public static void check(Path input) throws IOException {
        Imported imported = importFile(input);
        String base = input.toString().replaceAll("\\.(yaml|json)$", "");
        Path errors = Path.of(base + ".errors");
        Path vigil = Path.of(base + ".vigil");
        String text = String.join("\n", imported.sources().stream().map(ImportedSource::text).toList());
        if (updating()) {
            Files.writeString(errors, ErrorFile.format(imported.diagnostics()));
            if (imported.sources().isEmpty()) {
                Files.deleteIfExists(vigil);
            } else {
                Files.writeString(vigil, text);
            }
        }
        List<String> problems = ErrorFile.compare(ErrorFile.parse(Files.readString(errors)), imported.diagnostics());
        assertTrue(problems.isEmpty(), input + ":\n" + String.join("\n", problems));
        if (imported.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            assertTrue(imported.sources().isEmpty(), input + ": an input with errors writes nothing");
        }
        if (imported.sources().isEmpty()) {
            assertFalse(Files.exists(vigil), input + ": an input that writes nothing has no expected source");
            return;
        }
        assertEquals(normalised(Files.readString(vigil)), normalised(text), input + ": the source differs from " + vigil);
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < imported.sources().size(); i++) {
            files.add(new SourceFile(imported.sources().get(i).service() + "-" + i + ".vigil",
                    imported.sources().get(i).text()));
        }
        // Checks may still find problems the input had (an unsafe division): import keeps them for `vigil check`.
        List<Diagnostic> broken = Compiler.compile(files).diagnostics().stream()
                .filter(d -> d.isError() && Ids.described().containsKey(d.code())).toList();
        assertTrue(broken.isEmpty(), input + ": the imported source is not valid Vigil:\n" + broken + "\n" + text);
    }

    /** Trailing blanks and blank lines do not count. */
    private static String normalised(String text) {
        return text.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
