package dev.vigil.targets.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.targets.tools.KnownFailures;
import dev.vigil.targets.tools.Tool;
import dev.vigil.targets.tools.ToolBatch;
import dev.vigil.targets.tools.ToolMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The principle on every project the suite knows (the samples, the golden snippets that compile
 * without errors, the documentation's examples): if {@code vigil check} reports no error, the build
 * succeeds, promtool accepts the rule files and passes the unit tests, amtool accepts the
 * configuration, {@code vigil lint} finds nothing new in the output, and the labels label inference
 * gives the samples' alerts are the labels Prometheus attaches. Each tool runs once over all of them.
 * All of this on every entry of the tool matrix, each project compiled for that entry's releases.
 */
class KnownProjectsOracleTest {
    private static final long SEED = Long.getLong("vigil.oracle.seed", 1L);
    /** Synthetic worlds per sample for the label probe, besides the samples' own DSL tests. */
    private static final int WORLDS = 6;
    /** Projects whose output a matrix entry's tools refuse for a known reason (none today); see {@link KnownFailures}. */
    private static final List<KnownFailures.Known> KNOWN_FAILURES = List.of();

    @TempDir
    static Path root;
    private static final List<BuildOracle.Report> REPORTS = new ArrayList<>();

    @BeforeAll
    static void runTheOracle() {
        Path dir = BuildOracle.directory(root);
        for (ToolMatrix.Entry entry : ToolMatrix.entries()) {
            BuildOracle.Report report = BuildOracle.run(KnownProjects.all(), dir.resolve(entry.name()),
                    new BuildOracle.Probing(c -> c.name.startsWith("samples/"), WORLDS, true, SEED, -1), entry);
            REPORTS.add(report);
            System.out.println("KnownProjectsOracleTest on " + entry.label() + ": " + report.cases().size() + " projects, "
                    + report.built().size() + " without errors and built; " + report.verdicts().timing() + "; "
                    + report.millis() + " ms in all (" + report.phases() + ")");
            report.cases().stream().filter(c -> !c.builds() && c.failures.isEmpty())
                    .forEach(c -> System.out.println("  not built (has errors): " + c.name));
        }
    }

    /** A container per matrix entry, with the tests {@code perEntry} makes from its report. */
    private static Stream<DynamicContainer> onEveryEntry(Function<BuildOracle.Report, Stream<DynamicTest>> perEntry) {
        return REPORTS.stream().map(r -> DynamicContainer.dynamicContainer(r.entry().label(), perEntry.apply(r)));
    }

    @TestFactory
    Stream<DynamicContainer> everySampleAndManyExamplesBuild() {
        return onEveryEntry(report -> Stream.of(DynamicTest.dynamicTest("built", () -> {
            assertTrue(report.built().stream().filter(c -> c.name.startsWith("samples/")).count() >= 5, "a sample has errors");
            assertTrue(report.built().size() >= 100, "only " + report.built().size() + " known projects built");
        })));
    }

    @TestFactory
    Stream<DynamicContainer> toolsAcceptTheOutput() {
        return onEveryEntry(report -> report.cases().stream().filter(c -> c.builds() || !c.failures.isEmpty())
                .map(c -> DynamicTest.dynamicTest(c.name, () -> {
                    c.notes.forEach(n -> System.out.println("NOTE " + report.entry().name() + " " + c.name + ": " + n));
                    KnownFailures.check(KNOWN_FAILURES, report.entry(), c.name, c.failures);
                })));
    }

    @TestFactory
    Stream<DynamicContainer> lintFindsNothingNewInTheOutput() {
        return onEveryEntry(report -> report.built().stream().map(c -> DynamicTest.dynamicTest(c.name,
                () -> assertTrue(c.lint.isEmpty(), c.name + ": vigil lint on the output reports what vigil check did not:\n"
                        + String.join("\n", c.lint)))));
    }

    @TestFactory
    Stream<DynamicContainer> inferredLabelsAreTheLabelsPrometheusAttaches() {
        return onEveryEntry(report -> inferredLabels(report));
    }

    private static Stream<DynamicTest> inferredLabels(BuildOracle.Report report) {
        System.out.println(LabelProbe.summary("samples on " + report.entry().name(), report.probes()));
        return report.probes().stream().map(p -> DynamicTest.dynamicTest(p.project(), () -> {
            assertTrue(p.problems().isEmpty(), p.project() + ":\n" + String.join("\n", p.problems()));
            BuildOracle.Case c = report.cases().stream().filter(x -> x.probe == p).findFirst().orElseThrow();
            assertTrue(c.labelDisagreements.isEmpty(), String.join("\n", c.labelDisagreements));
            List<String> unprobed = p.targets().stream().filter(t -> t.simple && t.fired.isEmpty())
                    .map(t -> t.alert.name() + (t.skipped != null ? " (" + t.skipped + ")" : " (did not fire)")).toList();
            assertTrue(unprobed.isEmpty(), p.project() + ": alerts of a simple shape the probe did not cover: " + unprobed);
        }));
    }

    /** The oracle can fail: a file a tool refuses among files it accepts is mapped to itself, with every entry's tools. */
    @TestFactory
    Stream<DynamicTest> eachToolVerdictIsMappedToItsFile(@TempDir Path dir) {
        return ToolMatrix.entries().stream().map(e -> DynamicTest.dynamicTest(e.label(),
                () -> eachToolVerdictIsMappedToItsFile(e.promtool(), e.amtool(), dir.resolve(e.name()))));
    }

    private static void eachToolVerdictIsMappedToItsFile(Tool promtool, Tool amtool, Path dir) throws IOException {
        String good = "groups:\n- name: g\n  rules:\n  - record: job:x:sum\n    expr: sum(x)\n";
        write(dir, "a/good.yml", good);
        write(dir, "b/bad.yml", "groups:\n- name: g\n  rules:\n  - record: job:x:sum\n    expr: sum(x\n");
        write(dir, "c/good.yml", good);
        ToolBatch.Run check = ToolBatch.promtoolCheckRules(promtool, dir, List.of("a/good.yml", "b/bad.yml", "c/good.yml"));
        assertEquals(List.of(true, false, true), check.verdicts().values().stream().map(ToolBatch.Verdict::ok).toList());
        assertTrue(check.verdicts().get("b/bad.yml").output().contains("b/bad.yml"), check.verdicts().toString());

        String test = "rule_files: [good.yml]\ntests:\n- interval: 1m\n  input_series:\n  - series: x{a=\"1\"}\n    values: 1x5\n"
                + "  promql_expr_test:\n  - expr: job:x:sum\n    eval_time: 2m\n    exp_samples:\n    - labels: job:x:sum\n      value: %s\n";
        write(dir, "a/pass.test.yml", test.formatted("1"));
        write(dir, "c/fail.test.yml", test.formatted("2"));
        ToolBatch.Run run = ToolBatch.promtoolTestRules(promtool, dir, List.of("c/fail.test.yml", "a/pass.test.yml"));
        assertFalse(run.verdicts().get("c/fail.test.yml").ok(), run.verdicts().toString());
        assertTrue(run.verdicts().get("c/fail.test.yml").output().contains("exp:"), run.verdicts().toString());
        assertTrue(run.verdicts().get("a/pass.test.yml").ok(), run.verdicts().toString());

        write(dir, "am/good.yml", "route:\n  receiver: r\nreceivers:\n- name: r\n");
        write(dir, "am/bad.yml", "route:\n  receiver: nobody\nreceivers:\n- name: r\n");
        ToolBatch.Run am = ToolBatch.amtoolCheckConfig(amtool, dir, List.of("am/bad.yml", "am/good.yml"));
        assertEquals(List.of(false, true), am.verdicts().values().stream().map(ToolBatch.Verdict::ok).toList());
    }

    private static void write(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
