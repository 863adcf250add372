package dev.vigil.targets.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.alertmanager.RoutingTestCase;
import dev.vigil.targets.tools.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier on the reference sample's output, with the real promtool and amtool. */
class VerifierTest {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", ".."));
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private Project sample() throws Exception {
        CompileResult r = Compiler.fromWorkingDirectory().check(List.of(REPO.resolve("samples/crm-events/src/main/vigil")));
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    private Path output(Project project) throws IOException {
        Path out = tmp.resolve("out");
        OutputDirectory.commit(Build.emit(project, EmitSettings.DEFAULT), out);
        return out;
    }

    private static Verifier.Tools realTools() {
        return new Verifier.Tools(Optional.of(new ToolRunner(Tool.require("promtool").executable(), LIMIT)),
                Optional.of(new ToolRunner(Tool.require("amtool").executable(), LIMIT)));
    }

    @Test
    void theSampleOutputPassesEveryCheck() throws Exception {
        Project project = sample();
        List<RoutingTestCase> routing = AlertmanagerEmitter.routingTests(project);
        Verifier.Report report = Verifier.verify(output(project), routing, realTools());
        assertTrue(report.passed(), () -> report.failures().stream().map(c -> c.run().report()).toList().toString());
        assertTrue(report.skipped().isEmpty());
        List<String> described = report.checks().stream().map(Verifier.Check::description).toList();
        assertTrue(described.contains("promtool check rules prometheus/rules/crm_events.rules.yml"), described::toString);
        assertTrue(described.contains("promtool test rules prometheus/tests/crm_events.test.yml"), described::toString);
        assertTrue(described.contains("amtool check-config alertmanager/alertmanager.yml"), described::toString);
        assertFalse(routing.isEmpty());
        assertEquals(3 + routing.size(), report.checks().size(), described::toString);
    }

    @Test
    void aFailingUnitTestIsReportedWithPromtoolsOutput() throws Exception {
        Path out = output(sample());
        Path tests = out.resolve("prometheus/tests/crm_events.test.yml");
        String text = Files.readString(tests, StandardCharsets.UTF_8);
        // The skew of three partitions is 3; expecting 4 must make promtool fail.
        String broken = text.replaceFirst("(?m)^      value: 3$", "      value: 4");
        assertFalse(broken.equals(text), "the expected sample value was not found in the generated test");
        Files.writeString(tests, broken, StandardCharsets.UTF_8);

        Verifier.Report report = Verifier.verify(out, List.of(), realTools());
        assertFalse(report.passed());
        assertEquals(1, report.failures().size(), report.failures().toString());
        Verifier.Check failed = report.failures().get(0);
        assertEquals("promtool test rules prometheus/tests/crm_events.test.yml", failed.description());
        assertTrue(failed.run().report().contains("FAILED"), failed.run().report());
    }

    @Test
    void missingToolsSkipTheirChecksAndSaySo() throws Exception {
        Project project = sample();
        Verifier.Report report = Verifier.verify(output(project), AlertmanagerEmitter.routingTests(project),
                new Verifier.Tools(Optional.empty(), Optional.empty()));
        assertTrue(report.checks().isEmpty());
        assertEquals(2, report.skipped().size(), report.skipped().toString());
        assertTrue(report.skipped().get(0).startsWith("promtool: rule files not checked: 1, unit test files not run: 1"),
                report.skipped().toString());
        assertTrue(report.skipped().get(1).startsWith("amtool: alertmanager/alertmanager.yml not checked"),
                report.skipped().toString());
    }

    @Test
    void aDirectoryWithoutOutputIsRefused() {
        assertThrows(NoSuchFileException.class,
                () -> Verifier.verify(tmp, List.of(), new Verifier.Tools(Optional.empty(), Optional.empty())));
    }

    @Test
    void aToolThatOverrunsItsLimitIsKilledAndFails() throws IOException {
        Path sleep = ToolRunner.locate("sleep").orElseThrow();
        ToolRunner.Run run = new ToolRunner(sleep, Duration.ofMillis(200)).run(List.of("30"), tmp);
        assertTrue(run.timedOut());
        assertFalse(run.ok());
        assertTrue(run.report().contains("killed after the time limit"), run.report());
    }

    @Test
    void locateTakesPathsAsPathsAndNamesFromThePath() throws IOException {
        assertTrue(ToolRunner.locate("sh").isPresent());
        assertTrue(ToolRunner.locate("vigil-no-such-tool").isEmpty());
        Path notExecutable = Files.writeString(tmp.resolve("tool"), "x");
        assertTrue(ToolRunner.locate(notExecutable.toString()).isEmpty());
        assertEquals(Optional.of(Path.of("/bin/sh")), ToolRunner.locate("/bin/sh"));
    }
}
