package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.io.FaultyFileOps;
import dev.vigil.compiler.io.FileOps;
import dev.vigil.targets.OutputDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file system failing under the commands: a symbolic link loop in the project, a file that cannot
 * be read, an output directory that cannot be written, a disk that fills up mid-build. Each case, as
 * text and as JSON, gives its exit status, a message naming the path and no Java exception, and leaves
 * the previous output byte for byte. The faults are injected through {@link FileOps#using}: the tests
 * run as root, for whom neither `chmod 000` nor a read-only directory stops anything.
 */
class FileSystemFaultsTest {
    private static final Pattern TRACE = JavaTrace.PATTERN;

    private static final String PROJECT = """
            service api {
              group api_alerts {
                alert ApiDown { when up{job="api"} == 0  for 5m  severity warning  summary "The API is down" }
                alert ApiSlow { when up{job="api-slow"} == 0  for 5m  severity warning  summary "The API is slow" }
              }

              dashboard overview "API" {}
            }
            """;

    private static LintCommandTest.Run run(FileOps ops, String... args) {
        try {
            return FileOps.using(ops, () -> LintCommandTest.run(args));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void noTrace(LintCommandTest.Run r) {
        String all = r.out() + r.err();
        assertFalse(TRACE.matcher(all).find(), "Java exception text in:\n" + all);
    }

    private static Path project(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve("api.vigil"), PROJECT);
        return dir;
    }

    /** Every file and folder below {@code root}, with each file's bytes. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Files.readString(p));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void aSymbolicLinkLoopInTheProjectIsAnInputErrorNamingIt(String format, @TempDir Path tmp) throws IOException {
        Path dir = project(tmp);
        Files.createDirectories(dir.resolve("shared"));
        Files.createSymbolicLink(dir.resolve("shared/loop"), dir);
        for (String command : List.of("check", "build")) {
            LintCommandTest.Run r = run(FileOps.REAL, command, "--format", format, dir.toString());
            assertEquals(2, r.status(), command + ": " + r.out() + r.err());
            assertTrue(r.err().contains("Symbolic link loop") && r.err().contains("shared/loop"), r.err());
            noTrace(r);
        }
        LintCommandTest.Run fmt = run(FileOps.REAL, "fmt", dir.toString());
        assertEquals(2, fmt.status(), fmt.out() + fmt.err());
        noTrace(fmt);
    }

    @Test
    void aSymbolicLinkToSharedSourcesIsFollowed(@TempDir Path tmp) throws IOException {
        Path dir = project(tmp);
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("edge.vigil"), PROJECT.replace("api", "edge").replace("Api", "Edge"));
        Files.createSymbolicLink(dir.resolve("shared"), shared);
        LintCommandTest.Run r = run(FileOps.REAL, "build", "--out", tmp.resolve("out").toString(), dir.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(Files.exists(tmp.resolve("out/prometheus/rules/edge.rules.yml")), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void anUnreadableFileIsReportedAtItsPath(String format, @TempDir Path tmp) throws IOException {
        Path dir = project(tmp);
        Files.writeString(dir.resolve("secret.vigil"), "service secret {}\n");
        FaultyFileOps unreadable = FaultyFileOps.unreadable(p -> p.getFileName().toString().equals("secret.vigil"));
        for (String command : List.of("check", "build")) {
            LintCommandTest.Run r = run(unreadable, command, "--format", format, "--out", tmp.resolve("out").toString(),
                    dir.toString());
            if (command.equals("check")) {
                r = run(unreadable, command, "--format", format, dir.toString());
            }
            assertEquals(2, r.status(), command + ": " + r.out() + r.err());
            assertTrue(r.out().contains("Input.Unreadable") && r.out().contains("secret.vigil")
                    && r.out().contains("permission denied"), r.out());
            noTrace(r);
        }
        assertFalse(Files.exists(tmp.resolve("out")), "a build with an unreadable source writes nothing");
        LintCommandTest.Run fmt = run(unreadable, "fmt", dir.toString());
        assertEquals(2, fmt.status(), fmt.out() + fmt.err());
        assertTrue(fmt.out().contains("secret.vigil"), fmt.out());
        noTrace(fmt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void aReadOnlyOutputDirectoryIsAnIoErrorAndKeepsThePreviousOutput(String format, @TempDir Path tmp) throws IOException {
        Path dir = project(tmp);
        Path out = tmp.resolve("out");
        assertEquals(0, run(FileOps.REAL, "build", "--out", out.toString(), dir.toString()).status());
        Files.writeString(dir.resolve("api.vigil"), PROJECT.replace("The API is down", "The API is gone"));
        Map<String, String> before = tree(tmp.resolve("out"));
        LintCommandTest.Run r = run(FaultyFileOps.readOnly(), "build", "--format", format, "--out", out.toString(),
                dir.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("Read-only file system") && r.err().contains(out.toString()), r.err());
        noTrace(r);
        assertEquals(before, tree(out));
        assertEquals(List.of(out, dir), Files.list(tmp).sorted().toList(), "no staging or backup directory left");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void aDiskThatFillsUpMidBuildIsAnIoErrorAndKeepsThePreviousOutput(String format, @TempDir Path tmp) throws IOException {
        Path dir = project(tmp);
        Path out = tmp.resolve("out");
        assertEquals(0, run(FileOps.REAL, "build", "--out", out.toString(), dir.toString()).status());
        Files.writeString(dir.resolve("api.vigil"), PROJECT.replace("The API is down", "The API is gone"));
        Map<String, String> before = tree(out);
        // Early (staging), middle (moving files in) and last (the manifest): OutputDirectoryTest tries every one.
        FaultyFileOps counting = FaultyFileOps.counting();
        Path scratch = tmp.resolve("scratch");
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.toList()) {
                Files.copy(p, scratch.resolve(out.relativize(p).toString()));
            }
        }
        assertEquals(0, run(counting, "build", "--out", scratch.toString(), dir.toString()).status());
        int writes = counting.changes().size();
        OutputDirectory.deleteTree(scratch);
        assertTrue(writes >= 5, "the build changes a few files: " + counting.changes());
        for (int k : new int[] {1, writes / 2, writes}) {
            LintCommandTest.Run r = run(FaultyFileOps.failingChange(k, "No space left on device"), "build", "--format",
                    format, "--out", out.toString(), dir.toString());
            assertEquals(2, r.status(), "write " + k + " of " + writes + ": " + r.out() + r.err());
            assertTrue(r.err().contains("No space left on device") && r.err().contains(tmp.toString())
                    && r.err().contains("previous output is as it was"), r.err());
            noTrace(r);
            assertEquals(before, tree(out), "after a failure at write " + k + " of " + writes);
            assertEquals(List.of(out, dir), Files.list(tmp).sorted().toList(), "no staging or backup left");
        }
    }

    @Test
    void fmtThatCannotWriteLeavesTheFileAsItWas(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("messy.vigil");
        String messy = "service api {\n team \"platform\"\n}\n";
        Files.writeString(file, messy);
        for (int k : new int[] {1, 2}) { // the temporary file, then the move over the original
            LintCommandTest.Run r = run(FaultyFileOps.failingChange(k, "No space left on device"), "fmt", file.toString());
            assertEquals(2, r.status(), r.out() + r.err());
            assertTrue(r.err().contains("messy.vigil") && r.err().contains("No space left on device"), r.err());
            noTrace(r);
            assertEquals(messy, Files.readString(file));
            try (Stream<Path> left = Files.list(tmp)) {
                assertEquals(List.of(file), left.toList(), "no temporary file left");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void namesWhoseFilesWouldClashAreErrorsAtTheirDeclarations(String format, @TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve("api.vigil"), """
                service api {
                  group api_alerts {
                    alert Foo { when up{job="api"} == 0  for 5m  severity warning  summary "Down" }
                    alert foo { when up{job="canary"} == 0  for 5m  severity warning  summary "Down" }
                    alert CON { when up{job="con"} == 0  for 5m  severity warning  summary "Down" }
                  }
                }
                """);
        LintCommandTest.Run r = run(FileOps.REAL, "build", "--format", format, "--out", tmp.resolve("out").toString(),
                dir.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        Pattern at = Pattern.compile(format.equals("json") ? "\"line\"\\s*:\\s*4," : "api\\.vigil:4:");
        assertTrue(r.out().contains("Name.OutputPath") && at.matcher(r.out()).find() && r.out().contains("`CON`"), r.out());
        noTrace(r);
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
