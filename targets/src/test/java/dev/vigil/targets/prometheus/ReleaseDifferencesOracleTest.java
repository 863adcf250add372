package dev.vigil.targets.prometheus;

import dev.vigil.targets.Repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.target.Version;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.tools.Tool;
import dev.vigil.targets.tools.ToolMatrix;
import dev.vigil.targets.verify.ToolRunner;
import dev.vigil.targets.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the checks say about the differences between Prometheus 2 and 3, against what promtool 2.53
 * and 3.5 do with the same output:
 *
 * <ul>
 *   <li>{@code Test.WindowEdge} reports exactly the test expectations whose verdict differs between
 *       the two promtools (its golden cases: those it reports, and those it leaves alone);
 *   <li>PromQL behind a feature flag passes {@code vigil check} exactly when the project declares
 *       the flag, and then promtool 3.5, given the flag as the test goal gives it, accepts the rules
 *       and passes the tests; without the flag promtool refuses the rule file.
 * </ul>
 */
class ReleaseDifferencesOracleTest {
    @TempDir
    Path temp;

    static Path repo() {
        return Repo.root();
    }

    /** The newest 2.x entry and the newest entry of the matrix; the window-edge cases target 2.53 to 3.5. */
    private static List<ToolMatrix.Entry> twoAndThree() {
        Optional<ToolMatrix.Entry> two = ToolMatrix.entries().stream()
                .filter(e -> !e.prometheus().atLeast(Version.of(3, 0)) && e.prometheus().atLeast(Version.of(2, 53)))
                .max((a, b) -> a.prometheus().compareTo(b.prometheus()));
        ToolMatrix.Entry three = ToolMatrix.newest();
        assertTrue(two.isPresent() && three.prometheus().atLeast(Version.of(3, 0)),
                "the tool matrix needs a Prometheus 2.53+ and a 3.x entry: " + ToolMatrix.entries());
        return List.of(two.get(), three);
    }

    @TestFactory
    Stream<DynamicTest> windowEdgeReportsExactlyTheExpectationsTheReleasesDisagreeOn() throws IOException {
        Path dir = repo().resolve("compiler/src/test/resources/checks/Test.WindowEdge");
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(p -> p.toString().endsWith(".vigil") && !p.getFileName().toString().contains("one-side"))
                    .sorted().toList();
        }
        assertTrue(cases.size() >= 2, "expected the fail and pass cases of Test.WindowEdge in " + dir);
        List<ToolMatrix.Entry> entries = twoAndThree();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> windowEdge(c, entries)));
    }

    private void windowEdge(Path source, List<ToolMatrix.Entry> entries) throws IOException {
        CompileResult compiled = Compiler.compile(List.of(new SourceFile(source.getFileName().toString(),
                Files.readString(source))));
        Project project = compiled.project().orElseThrow(() -> new AssertionError(compiled.diagnostics().toString()));
        Set<Integer> flaggedLines = new TreeSet<>();
        for (Diagnostic d : compiled.diagnostics()) {
            assertTrue(d.severity() != Severity.ERROR, d.toString());
            if (d.code().equals("Test.WindowEdge")) {
                flaggedLines.add(d.span().line());
            }
        }
        Path out = temp.resolve(source.getFileName().toString());
        OutputDirectory.commit(Build.emit(project, EmitSettings.DEFAULT), out);
        List<Path> tests;
        try (Stream<Path> s = Files.list(out.resolve("prometheus/tests"))) {
            tests = s.sorted().toList();
        }
        List<String> said = new ArrayList<>();
        for (ToolMatrix.Entry e : entries) {
            StringBuilder b = new StringBuilder();
            for (Path t : tests) {
                Tool.Result r = e.promtool().run(List.of("test", "rules", t.toString()));
                b.append(r.stdout()).append(r.stderr());
            }
            said.add(b.toString());
        }
        Set<Integer> differLines = new TreeSet<>();
        int expectations = 0;
        for (Service s : project.services()) {
            for (TestCase t : s.tests()) {
                for (TestCase.Expectation x : t.expectations()) {
                    expectations++;
                    String key = key(x);
                    boolean failsOnTwo = said.get(0).contains(key);
                    boolean failsOnThree = said.get(1).contains(key);
                    if (failsOnTwo != failsOnThree) {
                        differLines.add(x.span().line());
                    }
                }
            }
        }
        assertTrue(expectations > 0, "no expectations in " + source);
        assertEquals(source.getFileName().toString().startsWith("fail-"), !differLines.isEmpty(),
                "a fail- case has expectations the releases disagree on, a pass- case none: " + source);
        assertEquals(differLines, flaggedLines, "the lines Test.WindowEdge reports, against those where promtool "
                + entries.get(0).label() + " and " + entries.get(1).label() + " disagree, in " + source
                + "\n--- " + entries.get(0).name() + ":\n" + said.get(0) + "\n--- " + entries.get(1).name() + ":\n"
                + said.get(1));
    }

    /** How promtool names an expectation in a failure. */
    private static String key(TestCase.Expectation x) {
        if (x instanceof TestCase.ValueExpectation v) {
            return "expr: \"" + PromqlPrinter.print(v.expr()) + "\", time: " + Durations.format(v.atMillis()) + ",";
        }
        TestCase.AlertExpectation a = (TestCase.AlertExpectation) x;
        return "alertname: " + a.alert().name() + ", time: " + Durations.format(a.atMillis()) + ",";
    }

    private static final String FLAGGED = """
            service batch {
              group batch_latency every 1m {
                record job:batch_duration_seconds:mad5m = mad_over_time(batch_duration_seconds[5m])
              }
              test "steady durations have no spread" {
                every 1m
                series batch_duration_seconds{job="batch"} = "2x10"
                at 5m expect value job:batch_duration_seconds:mad5m is [ {job="batch"} = 0 ]
              }
            }
            """;

    @Test
    void experimentalPromqlLoadsExactlyWhenTheFlagIsDeclared() throws IOException {
        for (ToolMatrix.Entry e : ToolMatrix.entries()) {
            if (!e.prometheus().atLeast(Version.of(3, 0))) {
                continue; // promtool 2.x enables no PromQL flag (docs/versions.md)
            }
            CompileResult without = e.compile(List.of(new SourceFile("b.vigil", FLAGGED)));
            assertTrue(without.diagnostics().stream().anyMatch(d -> d.code().equals("PromQL.ExperimentalFeature")
                    && d.severity() == Severity.ERROR && d.message().contains("--enable-feature=promql-experimental-functions")),
                    without.diagnostics().toString());

            CompileResult with = e.compile(List.of(new SourceFile("b.vigil",
                    "settings { prometheus_features [\"promql-experimental-functions\"] }\n" + FLAGGED)));
            Project project = with.project().orElseThrow(() -> new AssertionError(with.diagnostics().toString()));
            assertFalse(with.hasErrors(), with.diagnostics().toString());
            Path out = temp.resolve("flag-" + e.name());
            OutputDirectory.commit(Build.emit(project, EmitSettings.DEFAULT), out);

            ToolRunner promtool = new ToolRunner(e.promtool().executable(), Duration.ofMinutes(1));
            Verifier.Report report = Verifier.verify(out, List.of(), project.settings().targets().prometheusFlags(),
                    new Verifier.Tools(Optional.of(promtool), Optional.empty()));
            assertTrue(report.passed() && report.checks().size() >= 2, e.label() + ": " + report.checks());

            Tool.Result bare = e.promtool().run(List.of("check", "rules",
                    out.resolve("prometheus/rules/batch.rules.yml").toString()));
            assertFalse(bare.ok(), e.label() + " loads experimental PromQL without the flag:\n" + bare.report());
            assertTrue((bare.stdout() + bare.stderr()).contains("not enabled"), bare.report());
        }
    }
}
