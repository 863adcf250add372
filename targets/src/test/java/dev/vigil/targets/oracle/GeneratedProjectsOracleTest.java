package dev.vigil.targets.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.tools.ToolMatrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The principle as a property: for random plausible projects ({@link ProjectGenerator}), whenever
 * {@code vigil check} reports no error, the build succeeds, promtool and amtool accept the output,
 * {@code vigil lint} finds nothing new in it, and the alerts fire with the labels label inference
 * gives them. All tries are generated and built first; then each tool runs once over all of them.
 * This runs on every entry of the tool matrix, the projects compiled for the entry's releases: all
 * tries on the first entry (the default targets), the first {@code vigil.oracle.tries.other} of the
 * same tries on each other entry. The seed is printed; {@code -Dvigil.oracle.seed=N} replays a run,
 * {@code -Dvigil.oracle.tries=N} changes its size.
 */
class GeneratedProjectsOracleTest {
    private static final long SEED = Long.getLong("vigil.oracle.seed", new Random().nextLong());
    private static final int TRIES = Integer.getInteger("vigil.oracle.tries", 500);
    /** Tries on each entry but the first; the same projects as the first ones there. */
    private static final int TRIES_OTHER = Math.min(TRIES, Integer.getInteger("vigil.oracle.tries.other", 100));
    /** Below this share of error-free projects the generator no longer exercises the emitters. */
    private static final double MIN_BUILT_SHARE = 0.6;
    /** Generated SLO tests run for hours of series each; this many projects' SLO test files are run. */
    private static final int SLO_TEST_BUDGET = 2;
    /** Label-probe worlds per project: every counter growing and every gauge at 1, then all at 0. */
    private static final int WORLDS = 2;
    /** A probe takes promtool about 0.1-0.5 s, so the labels of this many projects are probed (fewer on other entries). */
    private static final int PROBED = 60;
    /** How many failing tries a message shows in full, with their sources. */
    private static final int SHOWN = 3;

    @TempDir
    static Path root;
    private static final List<BuildOracle.Report> REPORTS = new ArrayList<>();

    @BeforeAll
    static void generateBuildAndVerify() {
        Path dir = BuildOracle.directory(root);
        for (ToolMatrix.Entry entry : ToolMatrix.entries()) {
            int tries = entry == ToolMatrix.byDefault() ? TRIES : TRIES_OTHER;
            System.out.println("GeneratedProjectsOracleTest on " + entry.label() + ": seed " + SEED
                    + " (replay with -Dvigil.oracle.seed=" + SEED + "), " + tries + " tries");
            Random random = new Random(SEED);
            Map<String, List<SourceFile>> projects = new LinkedHashMap<>();
            for (int i = 0; i < tries; i++) {
                projects.put(String.format("try %03d", i), ProjectGenerator.generate(random));
            }
            int[] probed = {0};
            int probes = PROBED * tries / TRIES;
            BuildOracle.Report report = BuildOracle.run(projects, dir.resolve(entry.name()),
                    new BuildOracle.Probing(c -> probed[0]++ < probes, WORLDS, false, SEED, SLO_TEST_BUDGET), entry);
            REPORTS.add(report);
            System.out.println("GeneratedProjectsOracleTest on " + entry.name() + ": " + report.built().size() + " of " + tries
                    + " built; " + report.verdicts().timing() + "; " + report.millis() + " ms in all (" + report.phases() + ")");
        }
    }

    /** A test per matrix entry. */
    private static Stream<DynamicTest> onEveryEntry(Consumer<BuildOracle.Report> test) {
        return REPORTS.stream().map(r -> DynamicTest.dynamicTest(r.entry().label(), () -> test.accept(r)));
    }

    @TestFactory
    Stream<DynamicTest> mostGeneratedProjectsCompileWithoutErrors() {
        return onEveryEntry(report -> {
            Map<String, Integer> errors = new TreeMap<>();
            report.cases().stream().filter(c -> c.compiled.hasErrors())
                    .forEach(c -> c.compiled.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).distinct()
                            .forEach(code -> errors.merge(code, 1, Integer::sum)));
            double share = (double) report.built().size() / report.cases().size();
            System.out.printf("GeneratedProjectsOracleTest on %s: %.0f%% of the projects compile without errors; errors: %s%n",
                    report.entry().name(), share * 100, errors);
            BuildOracle.Case example = report.cases().stream().filter(c -> c.compiled.hasErrors()).findFirst().orElse(null);
            assertTrue(share >= MIN_BUILT_SHARE, "only " + share + " of the projects compile without errors (seed " + SEED
                    + "): " + errors + (example == null ? "" : "\n" + example.compiled.diagnostics() + "\n" + example.sourceText()));
        });
    }

    @TestFactory
    Stream<DynamicTest> toolsAcceptTheOutputOfEveryProjectWithoutErrors() {
        return onEveryEntry(report -> {
            report.cases().stream().flatMap(c -> c.notes.stream().map(n -> c.name + ": " + n)).filter(n -> !n.contains("not run"))
                    .forEach(n -> System.out.println("NOTE " + report.entry().name() + " " + n));
            assertNone(report, "the tools refuse the output", c -> c.failures);
        });
    }

    @TestFactory
    Stream<DynamicTest> lintFindsNothingNewInTheOutput() {
        return onEveryEntry(report -> assertNone(report, "vigil lint on the output reports what vigil check did not", c -> c.lint));
    }

    @TestFactory
    Stream<DynamicTest> inferredLabelsAreTheLabelsPrometheusAttaches() {
        return onEveryEntry(report -> {
            List<LabelProbe.Plan> probes = report.probes();
            System.out.println(LabelProbe.summary("generated on " + report.entry().name(), probes));
            List<String> problems = probes.stream().flatMap(p -> p.problems().stream()).toList();
            assertTrue(problems.isEmpty(), String.join("\n", problems.subList(0, Math.min(SHOWN, problems.size()))));
            assertNone(report, "label inference and Prometheus disagree", c -> c.labelDisagreements);
            long simple = probes.stream().flatMap(p -> p.targets().stream()).filter(t -> t.simple).count();
            long covered = probes.stream().flatMap(p -> p.targets().stream()).filter(t -> t.simple && !t.fired.isEmpty()).count();
            assertTrue(covered >= simple * 0.8, "the probe made only " + covered + " of " + simple
                    + " alerts of a simple shape fire; the generator and the probe no longer fit together");
        });
    }

    /** Fails listing every try with findings, the first few with their sources. */
    private static void assertNone(BuildOracle.Report report, String what, Function<BuildOracle.Case, List<String>> findings) {
        List<BuildOracle.Case> bad = report.cases().stream().filter(c -> !findings.apply(c).isEmpty()).toList();
        if (bad.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (BuildOracle.Case c : bad) {
            lines.add(c.name + ": " + String.join("\n  ", findings.apply(c)));
            if (bad.indexOf(c) < SHOWN) {
                lines.add(c.sourceText());
            }
        }
        throw new AssertionError(what + " on " + report.entry().label() + " in " + bad.size() + " of " + report.built().size()
                + " built projects (seed " + SEED + "):\n" + String.join("\n", lines));
    }
}
