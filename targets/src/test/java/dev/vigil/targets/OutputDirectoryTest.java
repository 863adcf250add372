package dev.vigil.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.io.FaultyFileOps;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.build.Build;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", "", "a\\b", "a/", "c:x", "a\u0000b",
                "runbooks/CON", "runbooks/api/nul.md", "Com1.rules.yml", "a/lpt9", "a/b.", "a/b ")) {
            assertThrows(IllegalArgumentException.class, () -> m.writeText(bad, "x"), bad);
        }
        m.writeText("prometheus/rules/crm.rules.yml", "x");
        assertThrows(IllegalArgumentException.class, () -> m.writeText("prometheus/rules/crm.rules.yml", "y"));
        // A last defence behind Name.OutputPath: paths one on macOS and Windows, as files or as folders.
        assertThrows(IllegalArgumentException.class, () -> m.writeText("prometheus/rules/CRM.rules.yml", "y"));
        assertThrows(IllegalArgumentException.class, () -> m.writeText("Prometheus/tests/crm.test.yml", "y"));
        m.writeText("runbooks/console/CONSOLE.md", "allowed: only the whole name is a device");
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
        OutputDirectory.Result r = OutputDirectory.commit(files("a.yml", "a\n"), out);
        assertEquals("precious", Files.readString(victim));
        assertTrue(r.untrusted().orElseThrow().contains("../victim.txt"), r.untrusted().toString());
    }

    /** Every file and folder below {@code root} with the sha256 of each file: the whole tree, byte for byte. */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String key = root.relativize(p).toString();
                out.put(key, Files.isDirectory(p) ? "dir" : OutputDirectory.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static OutputManifest sample() {
        Path sources = Repo.root().resolve("samples/crm-events/src/main/vigil");
        try {
            Project project = Compiler.fromWorkingDirectory().check(List.of(sources)).project().orElseThrow();
            return Build.emit(project, EmitSettings.DEFAULT);
        } catch (dev.vigil.compiler.InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * A previous output unlike the sample's in every way a commit can change one: files the new build
     * creates, replaces, keeps and removes, in folders it creates and empties, beside a user's own files.
     */
    private static Path previousOutput(Path tmp, OutputManifest next) throws IOException {
        OutputManifest previous = new OutputManifest();
        int i = 0;
        for (Map.Entry<String, byte[]> e : next.files().entrySet()) {
            switch (i++ % 3) {
                case 0 -> { } // created by the new build
                case 1 -> previous.writeText(e.getKey(), "an older version\n");
                default -> previous.write(e.getKey(), e.getValue());
            }
        }
        previous.writeText("prometheus/rules/retired.rules.yml", "groups: []\n");
        previous.writeText("retired/only/file.md", "a folder the new build no longer has\n");
        Path out = tmp.resolve("out");
        OutputDirectory.commit(previous, out);
        Files.writeString(out.resolve("NOTES.md"), "the user's own file");
        Files.writeString(out.resolve("runbooks/local.md"), "the user's own runbook");
        return out;
    }

    @Test
    void aFailureAtAnyWriteOfABuildLeavesThePreviousOutputByteForByte(@TempDir Path tmp) throws IOException {
        OutputManifest next = sample();
        Path out = previousOutput(tmp, next);
        Map<String, String> before = tree(tmp);
        int failed = 0;
        for (int k = 1; ; k++) {
            FaultyFileOps faults = FaultyFileOps.failingChange(k, "No space left on device");
            try {
                OutputDirectory.commit(next, out, faults);
            } catch (IOException e) {
                failed++;
                String failedAt = faults.changes().get(k - 1);
                assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains(tmp.toString())
                        && e.getMessage().contains("the previous output is as it was"), failedAt + ": " + e.getMessage());
                // The whole parent: the previous files, the user's, and no staging or backup directory left.
                assertEquals(before, tree(tmp), "after a failure at write " + k + " (" + failedAt + ")");
                continue;
            }
            // Past the last write: the commit went through.
            assertEquals(faults.changes().size(), k - 1, "every write was failed once");
            break;
        }
        assertTrue(failed > next.files().size(), "a commit writes each changed file at least twice, got " + failed);
        for (Map.Entry<String, byte[]> e : next.files().entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve(e.getKey())), e.getKey());
        }
        assertFalse(Files.exists(out.resolve("prometheus/rules/retired.rules.yml")));
        assertFalse(Files.exists(out.resolve("retired")), "the folder the removed file leaves empty is removed");
        assertEquals("the user's own file", Files.readString(out.resolve("NOTES.md")));
        assertEquals("the user's own runbook", Files.readString(out.resolve("runbooks/local.md")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(out), left.toList(), "no staging or backup directory is left");
        }
    }

    @Test
    void aReadOnlyOutputDirectoryChangesNothing(@TempDir Path tmp) throws IOException {
        OutputManifest next = sample();
        Path out = previousOutput(tmp, next);
        Map<String, String> before = tree(tmp);
        IOException e = assertThrows(IOException.class, () -> OutputDirectory.commit(next, out, FaultyFileOps.readOnly()));
        assertTrue(e.getMessage().contains("Read-only file system"), e.getMessage());
        assertEquals(before, tree(tmp));
    }

    @Test
    void aStaleOutputEditedSinceIsKeptAndReported(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        OutputDirectory.commit(files("a/old.yml", "old\n", "b/gone.yml", "gone\n", "keep.yml", "k\n"), out);
        Files.writeString(out.resolve("a/old.yml"), "old, with the user's fix\n");
        OutputDirectory.Result r = OutputDirectory.commit(files("keep.yml", "k\n"), out);
        assertEquals(List.of("a/old.yml"), r.kept());
        assertEquals(1, r.removed());
        assertEquals("old, with the user's fix\n", Files.readString(out.resolve("a/old.yml")));
        assertFalse(Files.exists(out.resolve("b/gone.yml")));
        assertFalse(OutputDirectory.readManifest(out).containsKey("a/old.yml"), "no longer Vigil's to remove");
    }

    @Test
    void aManifestEditedByHandRemovesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        OutputDirectory.commit(files("a.yml", "a\n", "b.yml", "b\n"), out);
        Files.writeString(out.resolve("mine.txt"), "precious");
        // Listing the user's file with its true hash is still an edit: the integrity hash no longer matches.
        String manifest = Files.readString(out.resolve("manifest.json")).replace("\"a.yml\"",
                "\"mine.txt\" : \"" + OutputDirectory.sha256("precious".getBytes(StandardCharsets.UTF_8)) + "\",\n    \"a.yml\"");
        Files.writeString(out.resolve("manifest.json"), manifest);
        OutputDirectory.Result r = OutputDirectory.commit(files("c.yml", "c\n"), out);
        assertEquals(0, r.removed());
        assertTrue(r.untrusted().orElseThrow().contains("edited"), r.untrusted().toString());
        assertEquals("precious", Files.readString(out.resolve("mine.txt")));
        assertTrue(Files.exists(out.resolve("a.yml")) && Files.exists(out.resolve("b.yml")), "nothing listed is removed");
        // The new manifest is Vigil's again, and trusted by the next build.
        assertTrue(OutputDirectory.commit(files("c.yml", "c\n"), out).untrusted().isEmpty());
    }

    @Test
    void aManifestThatIsNotJsonIsNotTrustedAndDoesNotStopTheBuild(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("manifest.json"), "{ not json");
        Files.writeString(out.resolve("a.yml"), "the user's");
        OutputDirectory.Result r = OutputDirectory.commit(files("b.yml", "b\n"), out);
        assertTrue(r.untrusted().isPresent());
        assertEquals("the user's", Files.readString(out.resolve("a.yml")));
    }

    @Test
    void aDirectoryWhereAnOutputGoesIsAnErrorThatChangesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        OutputDirectory.commit(files("a.yml", "a\n"), out);
        Files.createDirectories(out.resolve("b.yml/inside"));
        Map<String, String> before = tree(tmp);
        IOException e = assertThrows(IOException.class, () -> OutputDirectory.commit(files("a.yml", "A\n", "b.yml", "b\n"), out));
        assertTrue(e.getMessage().contains("b.yml"), e.getMessage());
        assertEquals(before, tree(tmp));
    }
}
