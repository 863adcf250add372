package dev.vigil.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The formatter's two properties over every {@code .vigil} text the repository holds: the samples, the
 * golden snippets and test resources, and the examples in the docs. Formatting twice changes nothing
 * more than formatting once, and the formatted files compile to the same model and findings.
 */
class FormatCorpusTest {
    private static final Pattern BLOCK = Pattern.compile("```vigil\\n(.*?)```", Pattern.DOTALL);

    static Path repo() {
        String configured = System.getProperty("vigil.repo");
        return configured != null ? Path.of(configured) : Path.of("..");
    }

    /** Each unit compiles as one project: a sample, a directory of test resources, or a document's examples. */
    static Stream<Map.Entry<String, List<SourceFile>>> units() throws IOException {
        Map<String, List<SourceFile>> units = new TreeMap<>();
        for (Path root : List.of(repo().resolve("samples"), repo().resolve("compiler/src/test/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".vigil") && !f.toString().contains("/target/"))
                        .sorted()
                        .forEach(f -> units.computeIfAbsent(unitOf(root, f), k -> new ArrayList<>()).add(read(f)));
            }
        }
        for (String doc : documents()) {
            String text = Files.readString(repo().resolve(doc));
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                int line = text.substring(0, m.start()).split("\n", -1).length + 1;
                units.computeIfAbsent(doc, k -> new ArrayList<>()).add(new SourceFile(doc + "@" + line, m.group(1)));
            }
        }
        return units.entrySet().stream();
    }

    private static List<String> documents() throws IOException {
        List<String> out = new ArrayList<>(List.of("README.md"));
        try (Stream<Path> docs = Files.list(repo().resolve("docs"))) {
            docs.filter(d -> d.toString().endsWith(".md")).sorted().forEach(d -> out.add("docs/" + d.getFileName()));
        }
        return out;
    }

    private static String unitOf(Path root, Path file) {
        Path rel = root.relativize(file);
        // samples/NAME/... is one project; a test resource is a project of its own.
        return root.getFileName().toString().equals("samples") ? "samples/" + rel.getName(0) : rel.toString();
    }

    private static SourceFile read(Path f) {
        try {
            return new SourceFile(repo().relativize(f).toString(), Files.readString(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void formattingIsIdempotentAndKeepsTheMeaning(Map.Entry<String, List<SourceFile>> unit) {
        List<SourceFile> formatted = new ArrayList<>();
        boolean allParse = true;
        for (SourceFile file : unit.getValue()) {
            Formatter.Result once = Formatter.format(file);
            if (once.formatted().isEmpty()) {
                // A file that does not parse is left alone, and says why.
                assertFalse(once.diagnostics().isEmpty(), file.path());
                allParse = false;
                formatted.add(file);
                continue;
            }
            String text = once.formatted().get();
            assertEquals(text, Formatter.format(file.path(), text).formatted().orElseThrow(),
                    () -> "formatting " + file.path() + " again changes it");
            formatted.add(new SourceFile(file.path(), text));
        }
        if (allParse) {
            assertEquals(Meaning.of(unit.getValue()), Meaning.of(formatted), "formatting changed the meaning of " + unit.getKey());
        }
    }

    @Test
    void theCorpusIsWhatThisTestClaims() throws IOException {
        List<String> names = units().map(Map.Entry::getKey).toList();
        assertTrue(names.containsAll(List.of("samples/crm-events", "samples/vaultmesh", "samples/dwcp",
                "samples/aetherlink", "samples/aurigraph", "docs/language.md", "README.md")), names.toString());
        assertTrue(names.stream().filter(n -> n.startsWith("checks/")).count() > 50, names.toString());
    }

    /** docs/language.md shows a file before and after formatting; the "after" is what the formatter prints. */
    @Test
    void theDocsShowWhatTheFormatterPrints() throws IOException {
        String doc = Files.readString(repo().resolve("docs/language.md"));
        Matcher before = Pattern.compile("<!-- fmt:before -->\n```text\n(.*?)```", Pattern.DOTALL).matcher(doc);
        Matcher after = Pattern.compile("<!-- fmt:after -->\n```text\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(before.find() && after.find(), "docs/language.md has no fmt:before/fmt:after example");
        Formatter.Result r = Formatter.format("example.vigil", before.group(1));
        assertTrue(r.changed());
        assertEquals(after.group(1), r.formatted().orElseThrow());
    }

    /** The samples are kept formatted, so `vigil fmt --check samples` passes. */
    @Test
    void theSamplesAreFormatted() throws IOException {
        List<String> unformatted = new ArrayList<>();
        units().filter(u -> u.getKey().startsWith("samples/")).flatMap(u -> u.getValue().stream())
                .filter(f -> Formatter.format(f).changed()).forEach(f -> unformatted.add(f.path()));
        assertEquals(List.of(), unformatted, "run `./vigil fmt samples`");
    }
}
