package dev.vigil.targets.oracle;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.tools.ToolBatch;
import dev.vigil.targets.tools.ToolMatrix;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The principle, checked on many projects at once: a project {@code vigil check} finds no error in
 * builds, and promtool and amtool accept what the build wrote. Every project is compiled for the
 * releases of one entry of the tool matrix and emitted into its own directory below one root; then
 * each of that entry's tools runs once over every project's files, and each verdict is mapped back
 * to its project. Extra promtool test files (the label probes) join
 * the same {@code promtool test rules} run.
 */
final class BuildOracle {
    /** One project through the pipeline, and what went wrong with it. */
    static final class Case {
        final String name;
        final List<SourceFile> sources;
        final CompileResult compiled;
        /** The directory below the root, such as {@code p0007}. */
        final String dir;
        OutputManifest output;
        /** What the tools refused, or the build threw. */
        final List<String> failures = new ArrayList<>();
        /** What a tool remarked without refusing the file: promtool's duplicate-rule lint. */
        final List<String> notes = new ArrayList<>();
        /** What {@code vigil lint} finds in the output that {@code vigil check} did not find in the sources. */
        List<String> lint = List.of();
        /** The label probe, when the case was probed. */
        LabelProbe.Plan probe;
        List<String> labelDisagreements = List.of();

        Case(String name, List<SourceFile> sources, CompileResult compiled, String dir) {
            this.name = name;
            this.sources = sources;
            this.compiled = compiled;
            this.dir = dir;
        }

        boolean builds() {
            return output != null;
        }

        Project project() {
            return compiled.project().orElseThrow();
        }

        /** The source text, for a failure report on a generated project. */
        String sourceText() {
            StringBuilder b = new StringBuilder();
            for (SourceFile s : sources) {
                b.append("// ").append(s.path()).append('\n').append(s.text());
            }
            return b.toString();
        }
    }

    /** The verdict of every tool run, with how long each took. */
    record Verdicts(ToolBatch.Run checkRules, ToolBatch.Run testRules, ToolBatch.Run checkConfig) {
        String timing() {
            return "promtool check rules " + checkRules.verdicts().size() + " files in " + checkRules.millis() + " ms, "
                    + "promtool test rules " + testRules.verdicts().size() + " files in " + testRules.millis() + " ms, "
                    + "amtool check-config " + checkConfig.verdicts().size() + " files in " + checkConfig.millis() + " ms";
        }
    }

    private BuildOracle() {
    }

    /**
     * Compiles each project for the entry's releases; those without errors are emitted and written to
     * {@code root/<dir>}. An emitter that throws is a failure of the case (the principle says the
     * build succeeds).
     */
    static List<Case> build(Map<String, List<SourceFile>> projects, Path root, ToolMatrix.Entry entry) {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, List<SourceFile>> p : projects.entrySet()) {
            Case c = new Case(p.getKey(), p.getValue(), entry.compile(p.getValue()), String.format("p%04d", cases.size()));
            cases.add(c);
            if (c.compiled.hasErrors()) {
                continue;
            }
            try {
                c.output = Build.emit(c.project(), EmitSettings.DEFAULT);
            } catch (RuntimeException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                c.failures.add("Build.emit threw on a project without errors:\n"
                        + String.join("\n", trace.toString().lines().limit(8).toList()));
                continue;
            }
            try {
                OutputDirectory.commit(c.output, root.resolve(c.dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    /** Everything one oracle run on one matrix entry found, and how long it took. */
    record Report(ToolMatrix.Entry entry, List<Case> cases, Verdicts verdicts, long millis, String phases) {
        List<Case> built() {
            return cases.stream().filter(Case::builds).toList();
        }

        List<LabelProbe.Plan> probes() {
            return cases.stream().filter(c -> c.probe != null).map(c -> c.probe).toList();
        }
    }

    /**
     * How a run probes labels: which cases, with how many worlds, and whether their DSL tests become
     * probes too; and how many projects' SLO test files promtool runs (they take about a second per
     * SLO; negative for all).
     */
    record Probing(Predicate<Case> which, int worlds, boolean fromTests, long seed, int sloTestBudget) {
    }

    /**
     * The whole oracle over many projects on one matrix entry: build each for its releases, probe
     * the labels of some, run each tool once over all of them, read the probes back, and relint every
     * output.
     */
    static Report run(Map<String, List<SourceFile>> projects, Path root, Probing probing, ToolMatrix.Entry entry) {
        long start = System.nanoTime();
        List<Case> cases = build(projects, root, entry);
        long built = System.nanoTime();
        Map<String, Case> probeFiles = new LinkedHashMap<>();
        for (Case c : cases) {
            if (c.builds() && probing.which().test(c)) {
                c.probe = LabelProbe.plan(c.name, c.project(), c.output, probing.worlds(), probing.seed(), probing.fromTests());
                c.probe.files().forEach((path, text) -> probeFiles.put(writeExtra(root, c, path, text), c));
            }
        }
        Verdicts verdicts = verify(cases, root, entry, List.copyOf(probeFiles.keySet()), probing.sloTestBudget());
        long verified = System.nanoTime();
        probeFiles.forEach((file, c) -> LabelProbe.read(c.probe, verdicts.testRules().verdicts().get(file)));
        for (Case c : cases) {
            if (c.probe != null) {
                c.labelDisagreements = LabelProbe.compare(c.probe, LabelInference.forProject(c.project()));
            }
            if (c.builds()) {
                c.lint = Relint.newFindings(c);
            }
        }
        long end = System.nanoTime();
        String phases = "compile, emit and write " + (built - start) / 1_000_000 + " ms, probes and tools "
                + (verified - built) / 1_000_000 + " ms, labels and lint " + (end - verified) / 1_000_000 + " ms";
        return new Report(entry, cases, verdicts, (end - start) / 1_000_000, phases);
    }

    /**
     * Where the outputs go: {@code -Dvigil.oracle.dir=DIR} keeps them for a look after the run
     * (each test class below its own name), else the test's temporary directory.
     */
    static Path directory(Path temporary) {
        String kept = System.getProperty("vigil.oracle.dir");
        if (kept == null || kept.isBlank()) {
            return temporary;
        }
        String caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getSimpleName();
        return Path.of(kept).resolve(caller).toAbsolutePath();
    }

    /** Writes an extra file into a case's output directory (beside, not in, the manifest). */
    static String writeExtra(Path root, Case c, String relative, String text) {
        Path file = root.resolve(c.dir).resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c.dir + "/" + relative;
    }

    /**
     * Runs each tool once over every built case: {@code promtool check rules} on the rule files,
     * {@code promtool test rules} on the test files and {@code extraTests}, {@code amtool check-config}
     * on the Alertmanager configurations. A file a tool refuses becomes a failure of its case.
     */
    private static Verdicts verify(List<Case> cases, Path root, ToolMatrix.Entry entry, List<String> extraTests,
            int sloTestBudget) {
        Set<Case> sloTested = new HashSet<>();
        Map<String, Case> rules = new LinkedHashMap<>();
        Map<String, Case> tests = new LinkedHashMap<>();
        Map<String, Case> configs = new LinkedHashMap<>();
        for (Case c : cases) {
            if (!c.builds()) {
                continue;
            }
            // A project may set newer releases than the entry's (the newer entries of the matrix run those).
            boolean newerPrometheus = !entry.prometheus().atLeast(c.project().settings().targets().prometheus());
            boolean newerAlertmanager = !entry.alertmanager().atLeast(c.project().settings().targets().alertmanager());
            for (String f : c.output.files().keySet()) {
                String path = c.dir + "/" + f;
                if (newerPrometheus && f.startsWith("prometheus/") || newerAlertmanager && f.equals(AlertmanagerEmitter.CONFIG)) {
                    c.notes.add("not run through " + entry.label() + ": targets "
                            + c.project().settings().targets() + ": " + f);
                    continue;
                }
                if (f.startsWith("prometheus/rules/") && f.endsWith(".yml")) {
                    rules.put(path, c);
                } else if (f.startsWith("prometheus/tests/") && f.endsWith(".yml")) {
                    if (f.endsWith(".slo.test.yml") && sloTestBudget >= 0 && !sloTested.contains(c)) {
                        if (sloTested.size() >= sloTestBudget) {
                            c.notes.add("SLO tests not run (budget of " + sloTestBudget + " projects spent): " + f);
                            continue;
                        }
                        sloTested.add(c);
                    }
                    tests.put(path, c);
                } else if (f.equals(AlertmanagerEmitter.CONFIG)) {
                    configs.put(path, c);
                }
            }
        }
        // A test file that is byte for byte another one, over the same rule files, is run once.
        Map<String, String> firstOfContent = new HashMap<>();
        Map<String, String> sameAs = new LinkedHashMap<>();
        List<String> allTests = new ArrayList<>();
        tests.forEach((file, c) -> {
            String relative = file.substring(c.dir.length() + 1);
            StringBuilder content = new StringBuilder(new String(c.output.read(relative), StandardCharsets.UTF_8));
            c.output.files().forEach((f, bytes) -> {
                if (f.startsWith("prometheus/rules/")) {
                    content.append('\0').append(f).append('\0').append(new String(bytes, StandardCharsets.UTF_8));
                }
            });
            String first = firstOfContent.putIfAbsent(content.toString(), file);
            if (first == null) {
                allTests.add(file);
            } else {
                sameAs.put(file, first);
            }
        });
        allTests.addAll(extraTests);
        ToolBatch.Run testRun = ToolBatch.promtoolTestRules(entry.promtool(), root, allTests);
        Map<String, ToolBatch.Verdict> testVerdicts = new LinkedHashMap<>(testRun.verdicts());
        sameAs.forEach((file, first) -> testVerdicts.put(file, testVerdicts.get(first)));
        Verdicts v = new Verdicts(ToolBatch.promtoolCheckRules(entry.promtool(), root, List.copyOf(rules.keySet())),
                new ToolBatch.Run(testVerdicts, testRun.millis(), testRun.command()),
                ToolBatch.amtoolCheckConfig(entry.amtool(), root, List.copyOf(configs.keySet())));
        record(v.checkRules(), rules, "promtool check rules");
        record(v.testRules(), tests, "promtool test rules");
        record(v.checkConfig(), configs, "amtool check-config");
        return v;
    }

    private static void record(ToolBatch.Run run, Map<String, Case> owners, String tool) {
        owners.forEach((file, c) -> {
            ToolBatch.Verdict verdict = run.verdicts().get(file);
            String relative = file.substring(c.dir.length() + 1);
            if (verdict.lintOnly()) {
                c.notes.add(tool + " lint on " + relative + ":\n" + verdict.output());
            }
            if (verdict.ok()) {
                return;
            }
            c.failures.add(tool + " refuses " + relative + ":\n" + verdict.output());
        });
    }
}
