package dev.vigil.compiler.library;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.model.Constant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import "lib:..."}: libraries from jars and directories, their files shown as {@code lib:<library>/<path>}. */
class LibraryImportTest {
    /** A service that uses the library's constant in an alert. */
    private static final String USES_THRESHOLD = """
            service payments {
              metric http_requests_total counter {
                labels [job, code]
              }
              group payments_errors every 1m {
                record job:http_errors:rate5m = sum by (job) (rate(http_requests_total{code="500"}[5m]))
                alert PaymentsErrorsHigh {
                  when     job:http_errors:rate5m > $error_threshold
                  for      10m
                  severity critical
                  summary  "Payments errors"
                }
              }
            }
            """;

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(UTF_8);
    }

    /** A jar of the given entries, built as Maven's jar plugin would lay it out. */
    private Path jar(String name, Map<String, byte[]> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    private Path directory(String name, Map<String, String> files) throws IOException {
        Path root = dir.resolve(name);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = root.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        return root;
    }

    private CompileResult check(String project, Path... libraries) throws Exception {
        Path source = dir.resolve("project/a.vigil");
        Files.createDirectories(source.getParent());
        Files.writeString(source, project);
        return new Compiler(new SourceLoader(dir), CompileOptions.DEFAULT.withLibraryPath(List.of(libraries)))
                .check(List.of(source.getParent()));
    }

    private static List<String> codes(CompileResult r) {
        return r.diagnostics().stream().map(d -> d.code() + "@" + d.span().file() + ":" + d.span().line()).toList();
    }

    private static Diagnostic only(CompileResult r, String code) {
        List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertEquals(1, found.size(), () -> TextRenderer.render(r.diagnostics(), r.sources()));
        return found.get(0);
    }

    private static Constant constant(CompileResult r, String name) {
        return r.project().orElseThrow(() -> new AssertionError(TextRenderer.render(r.diagnostics(), r.sources())))
                .constants().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String number(Constant c) {
        return ((Value.NumberValue) c.value()).text();
    }

    private Path red(String name, String threshold) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", text("Manifest-Version: 1.0\n"));
        entries.put("META-INF/vigil/red/red.vigil", text("const error_threshold = " + threshold + "\n"));
        entries.put("META-INF/vigil/red/windows/slow.vigil", text("const slow_window = 30m\n"));
        entries.put("dev/example/Unrelated.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
        return jar(name, entries);
    }

    @Test
    void aWholeLibraryFromAJarIsImportedAndItsFilesAreShownByLibraryPath() throws Exception {
        CompileResult r = check("import \"lib:red\"\n" + USES_THRESHOLD, red("red-1.0.jar", "0.05"));
        assertFalse(r.hasErrors(), () -> TextRenderer.render(r.diagnostics(), r.sources()));
        assertEquals("0.05", number(constant(r, "error_threshold")));
        assertEquals("lib:red/red.vigil", constant(r, "error_threshold").span().file());
        // Every .vigil file of the library, nested ones too; nothing else of the jar.
        assertEquals(new TreeSet<>(List.of("project/a.vigil", "lib:red/red.vigil", "lib:red/windows/slow.vigil")),
                new TreeSet<>(r.sources().keySet()));
    }

    @Test
    void oneFileOfADirectoryLibraryIsImportedAlone() throws Exception {
        Path lib = directory("lib", Map.of(
                "META-INF/vigil/red/red.vigil", "const error_threshold = 0.2\n",
                "META-INF/vigil/red/windows/slow.vigil", "const slow_window = 30m\n"));
        CompileResult r = check("import \"lib:red/red.vigil\"\n" + USES_THRESHOLD, lib);
        assertFalse(r.hasErrors(), () -> TextRenderer.render(r.diagnostics(), r.sources()));
        assertEquals("0.2", number(constant(r, "error_threshold")));
        assertEquals(new TreeSet<>(List.of("project/a.vigil", "lib:red/red.vigil")), new TreeSet<>(r.sources().keySet()));
    }

    @Test
    void aLibrarysFilesImportEachOtherByRelativePathAndOtherLibrariesByName() throws Exception {
        Path lib = directory("lib", Map.of(
                "META-INF/vigil/red/alerts/errors.vigil", "import \"../shared/thresholds.vigil\"\nimport \"lib:base\"\n",
                "META-INF/vigil/red/shared/thresholds.vigil", "const error_threshold = 0.1\n"));
        Path base = jar("base.jar", Map.of("META-INF/vigil/base/base.vigil", text("const base_window = 5m\n")));
        CompileResult r = check("import \"lib:red/alerts/errors.vigil\"\n" + USES_THRESHOLD, lib, base);
        assertFalse(r.hasErrors(), () -> TextRenderer.render(r.diagnostics(), r.sources()));
        assertEquals(new TreeSet<>(List.of("project/a.vigil", "lib:red/alerts/errors.vigil",
                "lib:red/shared/thresholds.vigil", "lib:base/base.vigil")), new TreeSet<>(r.sources().keySet()));
        assertEquals("lib:base/base.vigil", constant(r, "base_window").span().file());
    }

    @Test
    void pathsThatLeaveTheLibraryAreAbsoluteOrAreNotVigilFilesAreRefusedAtTheImport() throws Exception {
        Files.createDirectories(dir.resolve("secret"));
        Files.writeString(dir.resolve("secret/keys.vigil"), "const key = \"s3cr3t\"\n");
        Path lib = directory("lib", Map.of(
                "META-INF/vigil/red/red.vigil", String.join("\n",
                        "import \"../../../../secret/keys.vigil\"",
                        "import \"" + dir.resolve("secret/keys.vigil").toAbsolutePath() + "\"",
                        "const error_threshold = 0.1", ""),
                "META-INF/vigil/red/notes.txt", "not a source\n"));
        CompileResult r = check("import \"lib:red\"\nimport \"lib:red/../blue/x.vigil\"\nimport \"lib:red/notes.txt\"\n"
                + USES_THRESHOLD, lib);
        assertEquals(List.of("Input.ImportRefused@lib:red/red.vigil:1", "Input.ImportRefused@lib:red/red.vigil:2",
                "Input.ImportRefused@project/a.vigil:2", "Input.ImportRefused@project/a.vigil:3"), codes(r));
        String rendered = TextRenderer.render(r.diagnostics(), r.sources());
        assertTrue(rendered.contains("The import `../../../../secret/keys.vigil` leads out of the library `red`."), rendered);
        assertTrue(rendered.contains("is an absolute path"), rendered);
        assertTrue(rendered.contains("The import `lib:red/../blue/x.vigil` leads out of the library `red`."), rendered);
        assertTrue(rendered.contains("names `notes.txt` in the library `red`, which is not a `.vigil` file"), rendered);
        assertFalse(r.sources().keySet().stream().anyMatch(k -> k.contains("secret")), r.sources().keySet().toString());
    }

    @Test
    void aDiagnosticInALibraryFileShowsItsLineFromTheJarUnderItsLibraryPath() throws Exception {
        Path lib = jar("red.jar", Map.of("META-INF/vigil/red/red.vigil",
                text("// shared thresholds\nconst error_threshold = = 0.1\n")));
        CompileResult r = check("import \"lib:red\"\n" + USES_THRESHOLD, lib);
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("lib:red/red.vigil", d.span().file());
        assertEquals(2, d.span().line());
        String rendered = TextRenderer.render(r.diagnostics(), r.sources());
        assertTrue(rendered.contains("lib:red/red.vigil:2:"), rendered);
        assertTrue(rendered.contains("2 | const error_threshold = = 0.1"), rendered);
        assertTrue(rendered.lines().anyMatch(l -> l.matches(" *\\| +\\^+")), rendered);
    }

    @Test
    void anUnknownLibraryOrFileSuggestsTheClosestName() throws Exception {
        Path lib = red("red.jar", "0.05");
        Diagnostic library = only(check("import \"lib:rde\"\n" + USES_THRESHOLD, lib), "Input.ImportNotFound");
        assertEquals("No library `rde` is on the library path.", library.message());
        assertEquals("Did you mean `lib:red`?", library.hint());
        assertEquals(1, library.span().line());
        assertEquals("project/a.vigil", library.span().file());

        Diagnostic file = only(check("import \"lib:red/windows/slwo.vigil\"\n" + USES_THRESHOLD, lib),
                "Input.ImportNotFound");
        assertEquals("The library `red` has no file `windows/slwo.vigil`.", file.message());
        assertEquals("Did you mean `lib:red/windows/slow.vigil`?", file.hint());

        Diagnostic far = only(check("import \"lib:monitoring\"\n" + USES_THRESHOLD, lib), "Input.ImportNotFound");
        assertEquals("The library path holds `red`.", far.hint());
    }

    @Test
    void withoutALibraryPathTheHintSaysHowToGiveOne() throws Exception {
        Diagnostic d = only(check("import \"lib:red\"\n" + USES_THRESHOLD), "Input.ImportNotFound");
        assertTrue(d.hint().contains("`--library`") && d.hint().contains("dependency of the Maven project"), d.hint());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Diagnostic none = only(check("import \"lib:red\"\n" + USES_THRESHOLD, empty), "Input.ImportNotFound");
        assertEquals("None of its 1 entry holds a library, a folder `META-INF/vigil/<library>/` of `.vigil` files.",
                none.hint());
    }

    @Test
    void theFirstEntryHoldingALibraryWinsAndASecondIsAWarningNamingBoth() throws Exception {
        Path one = red("red-1.0.jar", "0.05");
        Path two = red("red-2.0.jar", "0.01");
        CompileResult r = check("import \"lib:red\"\nimport \"lib:red/red.vigil\"\n" + USES_THRESHOLD, one, two);
        assertEquals("0.05", number(constant(r, "error_threshold")));
        Diagnostic d = only(r, "Input.DuplicateLibrary");
        assertEquals("The library `red` is in both `red-1.0.jar` and `red-2.0.jar`; the files of `red-1.0.jar`, first "
                + "on the library path, are used.", d.message());
        assertEquals(1, d.span().line());
        assertFalse(r.hasErrors());

        CompileResult swapped = check("import \"lib:red\"\n" + USES_THRESHOLD, two, one);
        assertEquals("0.01", number(constant(swapped, "error_threshold")));
        // The same entry named twice is one entry.
        assertEquals(List.of(), codes(check("import \"lib:red\"\n" + USES_THRESHOLD, one, one)).stream()
                .filter(c -> c.startsWith("Input")).toList());
    }

    @Test
    void aLibraryFileIsReadWithTheLimitsOfAnySource() throws Exception {
        byte[] big = new byte[(int) SourceLoader.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] bom = text("\uFEFFconst error_threshold = 0.3\n");
        Path lib = jar("mixed.jar", Map.of(
                "META-INF/vigil/red/red.vigil", bom,
                "META-INF/vigil/latin/latin.vigil", new byte[] {'/', '/', ' ', (byte) 0xE9, '\n'},
                "META-INF/vigil/huge/huge.vigil", big));
        CompileResult fine = check("import \"lib:red\"\n" + USES_THRESHOLD, lib);
        assertEquals("0.3", number(constant(fine, "error_threshold")));
        assertEquals(List.of("Input.TooLarge@lib:huge/huge.vigil:1", "Input.InvalidEncoding@lib:latin/latin.vigil:1"),
                codes(check("import \"lib:red\"\nimport \"lib:latin\"\nimport \"lib:huge\"\n" + USES_THRESHOLD, lib)));
    }

    @Test
    void anEntryOfTheLibraryPathThatIsMissingOrNoJarIsAnInputError() throws Exception {
        Path notAJar = Files.writeString(dir.resolve("notes.jar"), "plain text");
        InputException e = assertThrows(InputException.class,
                () -> check("import \"lib:red\"\n" + USES_THRESHOLD, notAJar));
        assertEquals("The library path entry " + notAJar.toAbsolutePath() + " is neither a directory nor a jar.",
                e.getMessage());
        assertThrows(InputException.class, () -> check("import \"lib:red\"\n" + USES_THRESHOLD, dir.resolve("missing.jar")));
        // A project without `lib:` imports never reads the library path.
        assertFalse(check(USES_THRESHOLD.replace("$error_threshold", "0.1"), notAJar).hasErrors());
    }
}
