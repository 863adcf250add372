package dev.vigil.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.io.FaultyFileOps;
import dev.vigil.compiler.io.FileOps;
import dev.vigil.targets.OutputDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil:generate} with a disk that fails mid-write: the previous output stays, and so does the goal's state. */
class GenerationFaultsTest {
    private static final String SOURCE = """
            service api {
              group api_alerts {
                alert ApiDown { when up{job="api"} == 0  for 5m  severity warning  summary "%s" }
              }
            }
            """;

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : OutputDirectory.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    @Test
    void aFailingWriteLeavesThePreviousOutputAndIsNotTakenForUpToDate(@TempDir Path tmp) throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("src/main/vigil"));
        Files.writeString(sources.resolve("api.vigil"), SOURCE.formatted("The API is down"));
        Path target = tmp.resolve("target");
        GenerateRequest request = new GenerateRequest(new CompileRequest(tmp, sources, Optional.empty(), false, Map.of()),
                target.resolve("vigil"), Optional.empty(), "test", target.resolve("vigil-state.properties"));
        assertEquals(Generation.Status.WRITTEN, Generation.run(request).status());
        Files.writeString(sources.resolve("api.vigil"), SOURCE.formatted("The API is gone"));
        Map<String, String> before = tree(target);
        int failures = 0;
        for (int k = 1; ; k++) {
            FaultyFileOps faults = FaultyFileOps.failingChange(k, "No space left on device");
            try {
                Generation.Outcome outcome = FileOps.using(faults, () -> Generation.run(request));
                assertEquals(Generation.Status.WRITTEN, outcome.status());
                break;
            } catch (IOException e) {
                failures++;
                assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
                assertEquals(before, tree(target), "after a failure at write " + k + " of the goal");
                // The state was not promoted: the next run must write, not say the output is up to date.
            }
        }
        assertTrue(failures >= 4, "the goal's commit was failed at each of its writes: " + failures);
        assertTrue(Files.readString(target.resolve("vigil/runbooks/api/ApiDown.md")).contains("The API is gone"));
    }
}
