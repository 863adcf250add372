package dev.vigil.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an editor needs of the compiler: unsaved texts over the disk, parses kept between compiles, the model despite errors. */
class EditorCompileTest {
    private static final String RULES = "service api {\n  metric up gauge\n  group g {\n    alert Down {\n"
            + "      when up == 0\n      for 5m\n    }\n  }\n}\n";

    @Test
    void unsavedTextsStandInForFilesAndForFilesNotYetWritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.vigil"), "import \"b.vigil\"\n" + RULES);
        Path unsaved = dir.resolve("b.vigil");
        Map<Path, String> open = Map.of(unsaved, "const threshold = 1\n",
                dir.resolve("a.vigil"), "import \"b.vigil\"\n" + RULES.replace("up == 0", "up == $nope"));
        CompileResult r = new Compiler(new SourceLoader(dir).withOverlay(open)).check(List.of(dir));
        assertTrue(r.sources().keySet().stream().anyMatch(p -> p.endsWith("b.vigil")), r.sources().keySet()::toString);
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().equals(Ids.INPUT_IMPORT_NOT_FOUND)), r::toString);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("$nope")), r::toString);

        CompileResult disk = new Compiler(new SourceLoader(dir)).check(List.of(dir));
        assertTrue(disk.diagnostics().stream().anyMatch(d -> d.code().equals(Ids.INPUT_IMPORT_NOT_FOUND)), disk::toString);
    }

    @Test
    void anUnchangedFileIsNotParsedAgain(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.vigil"), RULES);
        Files.writeString(dir.resolve("b.vigil"), "const threshold = 1\n");
        ParseCache cache = new ParseCache();
        Compiler compiler = new Compiler(new SourceLoader(dir)).withParseCache(cache);
        CompileResult first = compiler.check(List.of(dir));
        Files.writeString(dir.resolve("b.vigil"), "const threshold = 2\n");
        CompileResult second = compiler.check(List.of(dir));
        String a = first.analysed().orElseThrow().files().keySet().stream().filter(p -> p.endsWith("a.vigil"))
                .findFirst().orElseThrow();
        String b = a.replace("a.vigil", "b.vigil");
        assertSame(first.analysed().orElseThrow().files().get(a), second.analysed().orElseThrow().files().get(a));
        assertTrue(first.analysed().orElseThrow().files().get(b) != second.analysed().orElseThrow().files().get(b));
        assertEquals(first.diagnostics(), second.diagnostics());
        assertEquals(2, cache.size());
    }

    @Test
    void theModelIsThereDespiteErrors() {
        CompileResult r = Compiler.compile(List.of(new dev.vigil.compiler.source.SourceFile("a.vigil",
                RULES.replace("    alert Down {", "    alert Broken {\n      when up ==\n    }\n    alert Down {"))));
        assertTrue(r.hasErrors());
        assertTrue(r.project().isEmpty());
        CompileResult.Analysed analysed = r.analysed().orElseThrow();
        VigilFile file = analysed.files().get("a.vigil");
        assertEquals(1, file.broken().size());
        assertTrue(file.broken().get(0).names().contains("Broken"));
        assertEquals(List.of("Down"), analysed.model().services().get(0).groups().get(0).rules().stream()
                .map(rule -> rule.name()).toList());
        assertTrue(r.diagnostics().stream().filter(Diagnostic::isError).count() == 1, r::toString);
    }
}
