package dev.vigil.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormattingTest {
    private static final String MESSY = "service api {\nteam \"platform\"\n}\n";
    private static final String TIDY = "service api {\n  team \"platform\"\n}\n";

    @TempDir
    Path project;

    private Path source(String name, String text) throws Exception {
        Path file = project.resolve("src/main/vigil").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void checkNamesTheFilesAndTheCommandThatFixesThemAndWritesNothing() throws Exception {
        Path file = source("api.vigil", MESSY);
        Formatting.Report r = Formatting.run(project, project.resolve("src/main/vigil"), true);
        assertEquals(List.of("src/main/vigil/api.vigil"), r.changed());
        assertTrue(r.failure().contains("src/main/vigil/api.vigil"), r.failure());
        assertTrue(r.failure().contains("mvn vigil:fmt"), r.failure());
        assertEquals(MESSY, Files.readString(file));
    }

    @Test
    void fmtRewritesAndThenCheckPasses() throws Exception {
        Path file = source("api.vigil", MESSY);
        Formatting.Report r = Formatting.run(project, project.resolve("src/main/vigil"), false);
        assertEquals("", r.failure());
        assertEquals(List.of("src/main/vigil/api.vigil"), r.changed());
        assertEquals(TIDY, Files.readString(file));
        Formatting.Report again = Formatting.run(project, project.resolve("src/main/vigil"), true);
        assertEquals(List.of(), again.changed());
        assertEquals("", again.failure());
    }

    @Test
    void aFileWithSyntaxErrorsFailsWithItsDiagnosticsAndIsLeftAlone() throws Exception {
        Path file = source("broken.vigil", "service api {\n");
        Formatting.Report r = Formatting.run(project, project.resolve("src/main/vigil"), false);
        assertTrue(r.problems().contains("src/main/vigil/broken.vigil:2:1: error[Syntax."), r.problems());
        assertTrue(r.failure().contains("cannot format files with errors"), r.failure());
        assertEquals("service api {\n", Files.readString(file));
    }

    @Test
    void noSourceDirectoryIsNothingToDo() throws Exception {
        Formatting.Report r = Formatting.run(project, project.resolve("src/main/vigil"), true);
        assertEquals(List.of(), r.changed());
        assertEquals("", r.failure());
    }
}
