package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
    private static LintCommandTest.Run run(String... args) {
        return LintCommandTest.run(args);
    }

    private static final String MESSY = "service api {\n team \"platform\"\n\n\n\n  // the API's own metric\n"
            + "metric up gauge { labels [job] help \"Whether the target is up.\" }\n}\n";

    private static final String TIDY = "service api {\n  team \"platform\"\n\n  // the API's own metric\n"
            + "  metric up gauge {\n    labels [job]\n    help   \"Whether the target is up.\"\n  }\n}\n";

    @Test
    void rewritesOnlyFilesThatChangeAndSaysWhich(@TempDir Path dir) throws IOException {
        Path messy = dir.resolve("a.vigil");
        Path tidy = dir.resolve("b.vigil");
        Files.writeString(messy, MESSY);
        Files.writeString(tidy, TIDY);
        FileTime untouched = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(tidy, untouched);
        LintCommandTest.Run r = run("fmt", dir.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals(TIDY, Files.readString(messy));
        assertEquals(untouched, Files.getLastModifiedTime(tidy), "an unchanged file is not rewritten");
        assertTrue(r.out().contains("formatted ") && r.out().contains("a.vigil"), r.out());
        assertFalse(r.out().contains("b.vigil"), r.out());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "no temporary file is left behind");
        }
        assertEquals(0, run("fmt", "--check", dir.toString()).status());
    }

    @Test
    void checkListsTheFilesAndTheDiffAndChangesNothing(@TempDir Path dir) throws IOException {
        Path messy = dir.resolve("a.vigil");
        Files.writeString(messy, MESSY);
        LintCommandTest.Run r = run("fmt", "--check", "--diff", dir.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertEquals(MESSY, Files.readString(messy));
        assertTrue(r.out().contains("would format "), r.out());
        assertTrue(r.out().contains("--- a/") && r.out().contains("+++ b/"), r.out());
        assertTrue(r.out().contains("\n- team \"platform\"\n+  team \"platform\"\n"), r.out());
        assertTrue(r.out().contains("1 file needs formatting; run `vigil fmt "), r.out());
    }

    @Test
    void aFileThatDoesNotParseIsReportedAndLeftAlone(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.vigil");
        String text = "service api {\n  team \"platform\"\n  metric up gauge {\n";
        Files.writeString(broken, text);
        LintCommandTest.Run r = run("fmt", broken.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertEquals(text, Files.readString(broken));
        assertTrue(r.out().contains("error[Syntax."), r.out());
        assertTrue(r.out().contains("left unchanged"), r.out());
    }

    @Test
    void hiddenAndBuildDirectoriesAreSkipped(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("target"));
        Files.createDirectories(dir.resolve(".cache"));
        Files.writeString(dir.resolve("target/a.vigil"), MESSY);
        Files.writeString(dir.resolve(".cache/a.vigil"), MESSY);
        Files.writeString(dir.resolve("ok.vigil"), TIDY);
        LintCommandTest.Run r = run("fmt", "--check", dir.toString());
        assertEquals(0, r.status(), r.out() + r.err());
    }

    @Test
    void aMissingPathIsAUsageError(@TempDir Path dir) {
        LintCommandTest.Run r = run("fmt", dir.resolve("nope").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("No such file or directory"), r.err());
        assertEquals(2, run("fmt").status());
    }
}
