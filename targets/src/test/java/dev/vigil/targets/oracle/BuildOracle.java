package dev.vigil.targets.oracle;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.target.FeatureFlag;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.validate.test.WindowEdge;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.build.Build;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

        /**
         * Whether Vigil warns that a written test's verdict depends on the Prometheus release: an
         * inexact float expected ({@code Test.FloatRounding}), or a sample on a window's start that
         * changes the result between 2.x and 3.x ({@code Test.WindowEdge}, asked of the project as if
         * it targeted both). Such a test may fail on some entry; its failure is a note, not a finding.
         */
        boolean releaseSensitiveTests() {
            if (compiled.diagnostics().stream().anyMatch(d -> d.code().equals("Test.FloatRounding"))) {
                return true;
            }
            Project p = project();
            Project.Settings s = p.settings();
            Project both = new Project(p.services(), p.constants(), p.severities(), new Project.Settings(
                    s.scrapeIntervalMillis(), s.evaluationIntervalMillis(), s.prometheusUrl(),
                    s.targets().withRange(TargetVersions.Tool.PROMETHEUS, Version.of(2, 42), Version.of(3, 5)),
                    s.targetLabels()),
                    p.routing(), p.files());
            DiagnosticSink sink = new DiagnosticSink();
            new WindowEdge().validate(both, null, sink);
            return sink.size() > 0;
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
                c.labelDisagreements = LabelProbe.compare(c.probe,
                        // promtool's input series carry only the labels the test wrote: no target labels.
                        LabelInference.forProject(c.project(), List.of()));
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
            // A project may target releases other than the entry's (newer ones, or an older major line).
            boolean newerPrometheus = !entry.runsPrometheus(c.project().settings().targets());
            boolean newerAlertmanager = !entry.alertmanager().atLeast(c.project().settings().targets().alertmanager());
            // The server reads what its flags enable; a promtool that cannot enable them cannot check it.
            boolean flagsPromtoolLacks = c.project().settings().targets().prometheusFlags().stream()
                    .anyMatch(flag -> !promtoolEnables(flag, entry.prometheus()));
            for (String f : c.output.files().keySet()) {
                String path = c.dir + "/" + f;
                if ((newerPrometheus || flagsPromtoolLacks) && f.startsWith("prometheus/")
                        || newerAlertmanager && f.equals(AlertmanagerEmitter.CONFIG)) {
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
        // promtool enables what a project's Prometheus runs with (`prometheus_features`), and no more.
        ToolBatch.Run testRun = byFlags(allTests, tests, (files, options) ->
                ToolBatch.promtoolTestRules(entry.promtool(), root, files, options));
        Map<String, ToolBatch.Verdict> testVerdicts = new LinkedHashMap<>(testRun.verdicts());
        sameAs.forEach((file, first) -> testVerdicts.put(file, testVerdicts.get(first)));
        ToolBatch.Run checkRun = byFlags(List.copyOf(rules.keySet()), rules, (files, options) ->
                ToolBatch.promtoolCheckRules(entry.promtool(), root, files, options));
        Verdicts v = new Verdicts(checkRun,
                new ToolBatch.Run(testVerdicts, testRun.millis(), testRun.command()),
                ToolBatch.amtoolCheckConfig(entry.amtool(), root, List.copyOf(configs.keySet())));
        record(v.checkRules(), rules, "promtool check rules", false);
        record(v.testRules(), tests, "promtool test rules", true);
        record(v.checkConfig(), configs, "amtool check-config", false);
        return v;
    }

    /**
     * Whether the promtool of {@code release} takes {@code flag}: promtool 2.x enables no PromQL
     * flag (its {@code --enable-feature} warns "Unknown option" and refuses the functions), promtool
     * 3.5 enables the experimental functions and no other (measured on 2.53.3 and 3.5.3).
     */
    static boolean promtoolEnables(FeatureFlag flag, dev.vigil.compiler.target.Version release) {
        return flag == FeatureFlag.EXPERIMENTAL_FUNCTIONS && release.atLeast(dev.vigil.compiler.target.Version.of(3, 0));
    }

    /** One promtool run per set of feature flags the files' projects declare; the verdicts together. */
    private static ToolBatch.Run byFlags(List<String> files, Map<String, Case> owners,
            java.util.function.BiFunction<List<String>, List<String>, ToolBatch.Run> run) {
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        for (String f : files) {
            Case c = owners.get(f);
            List<String> options = c == null || c.project().settings().targets().prometheusFlags().isEmpty() ? List.of()
                    : List.of("--enable-feature=" + c.project().settings().targets().prometheusFlags().stream()
                            .map(FeatureFlag::flag).sorted().collect(java.util.stream.Collectors.joining(",")));
            groups.computeIfAbsent(options, o -> new ArrayList<>()).add(f);
        }
        if (groups.size() <= 1) {
            return run.apply(files, groups.isEmpty() ? List.of() : groups.keySet().iterator().next());
        }
        Map<String, ToolBatch.Verdict> verdicts = new LinkedHashMap<>();
        long millis = 0;
        List<String> commands = new ArrayList<>();
        for (Map.Entry<List<String>, List<String>> g : groups.entrySet()) {
            ToolBatch.Run r = run.apply(g.getValue(), g.getKey());
            verdicts.putAll(r.verdicts());
            millis += r.millis();
            commands.add(r.command());
        }
        Map<String, ToolBatch.Verdict> ordered = new LinkedHashMap<>();
        files.forEach(f -> ordered.put(f, verdicts.get(f)));
        return new ToolBatch.Run(ordered, millis, String.join(" ; ", commands));
    }

    private static void record(ToolBatch.Run run, Map<String, Case> owners, String tool, boolean writtenTests) {
        owners.forEach((file, c) -> {
            ToolBatch.Verdict verdict = run.verdicts().get(file);
            String relative = file.substring(c.dir.length() + 1);
            if (verdict.lintOnly()) {
                c.notes.add(tool + " lint on " + relative + ":\n" + verdict.output());
            }
            if (verdict.ok()) {
                return;
            }
            if (writtenTests && !relative.endsWith(".slo.test.yml") && c.releaseSensitiveTests()) {
                c.notes.add(tool + " fails " + relative + ", whose tests Vigil warns depend on the release:\n"
                        + verdict.output());
                return;
            }
            c.failures.add(tool + " refuses " + relative + ":\n" + verdict.output());
        });
    }
}
