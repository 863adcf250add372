package dev.vigil.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    private static OutputManifest files(String... pathsAndContents) {
        OutputManifest m = new OutputManifest();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            m.writeText(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return m;
    }

    @Test
    void pathsThatCouldEscapeAreRefused() {
        OutputManifest m = new OutputManifest();
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", "", "a\\b", "a/", "c:x", "a\u0000b")) {
            assertThrows(IllegalArgumentException.class, () -> m.writeText(bad, "x"), bad);
        }
        m.writeText("prometheus/rules/crm.rules.yml", "x");
        assertThrows(IllegalArgumentException.class, () -> m.writeText("prometheus/rules/crm.rules.yml", "y"));
        assertEquals("_..", OutputManifest.safeSegment(".."));
        assertEquals("a_b_c", OutputManifest.safeSegment("a/b\\c"));
    }

    @Test
    void commitWritesFilesAndAManifestOfHashes(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("build/vigil");
        OutputDirectory.Result r = OutputDirectory.commit(files("a/one.yml", "1\n", "two.json", "{}\n"), out);
        assertEquals(2, r.written());
        assertEquals("1\n", Files.readString(out.resolve("a/one.yml")));
        assertEquals(OutputDirectory.sha256("1\n".getBytes(StandardCharsets.UTF_8)),
                OutputDirectory.readManifest(out).get("a/one.yml"));
        try (Stream<Path> left = Files.list(tmp.resolve("build"))) {
            assertEquals(List.of(out), left.toList(), "the staging directory is removed");
        }
    }

    @Test
    void aRebuildRemovesOnlyFilesVigilWroteBefore(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        OutputDirectory.commit(files("a/old.yml", "old\n", "keep.yml", "k\n"), out);
        Files.writeString(out.resolve("a/notes.txt"), "mine");
        Files.writeString(out.resolve("README.md"), "mine too");
        OutputDirectory.Result r = OutputDirectory.commit(files("keep.yml", "k\n", "b/new.yml", "n\n"), out);
        assertEquals(new OutputDirectory.Result(1, 1, 1), r);
        assertFalse(Files.exists(out.resolve("a/old.yml")));
        assertEquals("mine", Files.readString(out.resolve("a/notes.txt")));
        assertEquals("mine too", Files.readString(out.resolve("README.md")));
        assertTrue(Files.exists(out.resolve("b/new.yml")));
    }

    @Test
    void identicalBuildsGiveIdenticalBytes(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        OutputDirectory.commit(files("z.yml", "z\n", "m/y.yml", "y\n"), a);
        OutputDirectory.commit(files("m/y.yml", "y\n", "z.yml", "z\n"), b);
        assertArrayEquals(Files.readAllBytes(a.resolve("manifest.json")), Files.readAllBytes(b.resolve("manifest.json")));
    }

    @Test
    void aTamperedManifestCannotMakeVigilDeleteOutsideItsDirectory(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Path victim = tmp.resolve("victim.txt");
        Files.writeString(victim, "precious");
        Files.writeString(out.resolve("manifest.json"), "{\"files\": {\"../victim.txt\": \"00\"}}");
        OutputDirectory.commit(files("a.yml", "a\n"), out);
        assertEquals("precious", Files.readString(victim));
    }
}
