package dev.vigil.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalStateTest {
    @TempDir
    Path dir;

    Path source;
    Path output;
    Path stateFile;

    @BeforeEach
    void build() throws Exception {
        source = Files.writeString(dir.resolve("a.vigil"), "service a {}\n");
        output = dir.resolve("out");
        OutputManifest files = new OutputManifest();
        files.writeText("prometheus/rules/a.rules.yml", "groups: []\n");
        OutputDirectory.commit(files, output);
        stateFile = dir.resolve("target/vigil-state/generate.state");
        IncrementalState.of("config-1", List.of(source), output).promote(stateFile);
    }

    private boolean upToDate(String config, List<Path> inputs) throws Exception {
        return IncrementalState.read(stateFile).orElseThrow().upToDate(config, inputs, output);
    }

    @Test
    void roundTripsAndIsUpToDateWhenNothingChanged() throws Exception {
        IncrementalState read = IncrementalState.read(stateFile).orElseThrow();
        assertEquals(IncrementalState.of("config-1", List.of(source), output), read);
        assertTrue(upToDate("config-1", List.of(source)));
        assertFalse(Files.exists(stateFile.resolveSibling("generate.state.pending")));
    }

    @Test
    void anyChangeMakesItStale() throws Exception {
        assertFalse(upToDate("config-2", List.of(source)), "configuration or plugin changed");
        Path added = Files.writeString(dir.resolve("b.vigil"), "service b {}\n");
        assertFalse(upToDate("config-1", List.of(source, added)), "a new source file");
        Files.writeString(source, "service a { team \"x\" }\n");
        assertFalse(upToDate("config-1", List.of(source)), "an edited source file");
    }

    @Test
    void aTouchedOrMissingOutputMakesItStale() throws Exception {
        Files.writeString(output.resolve("prometheus/rules/a.rules.yml"), "groups: [edited]\n");
        assertFalse(upToDate("config-1", List.of(source)));
        Files.delete(output.resolve("prometheus/rules/a.rules.yml"));
        assertFalse(upToDate("config-1", List.of(source)));
    }

    @Test
    void noOrUnreadableStateMeansRebuild() throws Exception {
        Files.delete(stateFile);
        assertTrue(IncrementalState.read(stateFile).isEmpty());
        Files.writeString(stateFile, "garbage\n");
        assertTrue(IncrementalState.read(stateFile).isEmpty());
    }
}
