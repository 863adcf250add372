package dev.vigil.benchmarks;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.analysis.Inferred;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.Matches;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.lint.Linter;
import dev.vigil.compiler.lowering.Lowering;
import dev.vigil.compiler.lowering.TemplateExpansion;
import dev.vigil.compiler.model.ExpressionChecks;
import dev.vigil.compiler.model.ModelBuilder;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.Validators;
import dev.vigil.compiler.yaml.ExprSpans;
import dev.vigil.compiler.yaml.PrometheusRulesReader;
import dev.vigil.compiler.yaml.YamlDocument;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.build.Emitters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each hot stage of the compiler on its own, on the generated fleet: every input a stage reads is made
 * in the trial's set-up, so a benchmark times its stage alone. The compiler's stages in their order
 * (parse, template expansion, model, lowering, expression checks), label inference and the analysis the
 * validators share, each validator family, each emitter, the linter's YAML reading and the whole lint,
 * and the commit of a build's output.
 * {@code benchmarks/stages.sh} runs them all and writes the results to {@code benchmarks/results/}.
 *
 * <p>A stage's input comes from the stages before it, through states that depend on each other, so a
 * trial builds only what its benchmark reads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class StageBenchmark {

    /** The generated fleet, in both forms. */
    @State(Scope.Benchmark)
    public static class Fleet {
        @Param({"100"})
        public int services;

        List<SourceFile> handWritten;
        List<SourceFile> templated;

        @Setup(Level.Trial)
        public void setUp() {
            ProjectGenerator.Project p = ProjectGenerator.generate(services, ProjectGenerator.SEED);
            handWritten = p.handWritten();
            templated = p.templated();
        }
    }

    /** The templated form parsed, as the compiler hands it on: sorted by path. */
    @State(Scope.Benchmark)
    public static class Parsed {
        List<VigilFile> templated;

        @Setup(Level.Trial)
        public void setUp(Fleet fleet) {
            templated = parseSources(fleet.templated);
        }
    }

    /** The templated form expanded, and its model before lowering. */
    @State(Scope.Benchmark)
    public static class Modelled {
        List<VigilFile> expanded;
        Project model;

        @Setup(Level.Trial)
        public void setUp(Parsed parsed) {
            expanded = expandFiles(parsed.templated);
            model = buildModel(expanded);
        }
    }

    /** The lowered project, with every query in it (the SLIs as their rules read them, built once here). */
    @State(Scope.Benchmark)
    public static class Lowered {
        Project project;
        List<Expr> queries;

        @Setup(Level.Trial)
        public void setUp(Modelled modelled) {
            project = lowerModel(modelled.model);
            queries = Queries.of(project).stream().map(Queries.Use::expr).toList();
        }
    }

    /** A project that compiles without errors, as the validators and emitters of a build see it. */
    @State(Scope.Benchmark)
    public static class Compiled {
        Project project;

        @Setup(Level.Trial)
        public void setUp(Fleet fleet) {
            // With a catalogue, as a build that publishes one: its emitter writes nothing otherwise.
            project = Inputs.compileClean(fleet.templated, CompileOptions.DEFAULT.withCatalogue(CatalogueTiming.BASE_URL))
                    .project().orElseThrow();
        }
    }

    /**
     * The validators of one family (the id before the dot), with the project analysis they share already
     * computed: it is timed by {@link #projectAnalysis}, not charged to whichever family asks first, so the
     * families that only report its findings ({@code Matching}, {@code Grouping}) take next to nothing.
     * The list of families is checked against the registered validators by the test.
     */
    @State(Scope.Benchmark)
    public static class Validating {
        @Param({"Absent", "Alert", "Alertmanager", "Dashboard", "Division", "Duplicate", "Group", "Grouping",
                "Histogram", "Kubernetes", "Link", "Matching", "Name", "Naming", "Rate", "Reference", "Regex", "Routing",
                "Selector", "Slo", "Target", "Template", "Test"})
        public String family;

        List<Validator> validators;
        Project project;
        ProjectAnalysis analysis;

        @Setup(Level.Trial)
        public void setUp(Compiled compiled) {
            project = compiled.project;
            validators = family(family);
            if (validators.isEmpty()) {
                throw new IllegalArgumentException("no validator of the family " + family);
            }
        }

        /**
         * A new analysis each iteration: inference memoises by node, and a few checks infer nodes they
         * build themselves, so one analysis kept for the whole trial would grow.
         */
        @Setup(Level.Iteration)
        public void analyse() {
            analysis = analysed(project);
        }
    }

    /** One emitter, by its name; the list is checked against {@link Emitters#all()} by the test. */
    @State(Scope.Benchmark)
    public static class Emitting {
        @Param({"prometheus-rules", "prometheus-tests", "kubernetes-rules", "mimir-rules", "alertmanager", "grafana",
                "runbooks", "slo-runbooks", "catalogue"})
        public String emitter;

        Emitter chosen;
        Project project;

        @Setup(Level.Trial)
        public void setUp(Compiled compiled) {
            project = compiled.project;
            chosen = Emitters.all().stream().filter(e -> e.name().equals(emitter)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no emitter named " + emitter));
        }
    }

    /** The plain rule file {@code vigil lint} reads: per service a group of its 10 recording rules and 10 alerts. */
    @State(Scope.Benchmark)
    public static class LintInput {
        SourceFile rules;

        @Setup(Level.Trial)
        public void setUp(Fleet fleet) {
            rules = new SourceFile("rules.yml", RuleFiles.lintInput(RuleFiles.built(fleet.handWritten)));
        }
    }

    /** Every file of a full build, and a directory that already holds them as written. */
    @State(Scope.Benchmark)
    public static class Output {
        OutputManifest files;
        Path root;
        Path committed;

        @Setup(Level.Trial)
        public void setUp(Compiled compiled) throws IOException {
            files = Build.emit(compiled.project, EmitSettings.DEFAULT);
            root = Files.createTempDirectory("vigil-stage-bench");
            committed = root.resolve("committed");
            OutputDirectory.commit(files, committed);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            OutputDirectory.deleteTree(root);
        }
    }

    /** A directory that does not exist yet, for each invocation; removed after it, outside the timing. */
    @State(Scope.Benchmark)
    public static class FreshDirectory {
        Path root;
        Path directory;
        int next;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            root = Files.createTempDirectory("vigil-stage-bench-fresh");
        }

        @Setup(Level.Invocation)
        public void choose() {
            directory = root.resolve("out-" + next++);
        }

        @TearDown(Level.Invocation)
        public void remove() throws IOException {
            if (Files.exists(directory)) {
                OutputDirectory.deleteTree(directory);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            OutputDirectory.deleteTree(root);
        }
    }

    /** Lexing and parsing the hand-written form (326 lines per service), as {@code Compiler.compile} does. */
    @Benchmark
    public List<VigilFile> parse(Fleet fleet) {
        return parseSources(fleet.handWritten);
    }

    /** Template expansion of the templated form: one blueprint, one {@code use} per service. */
    @Benchmark
    public List<VigilFile> templateExpansion(Parsed parsed) {
        return expandFiles(parsed.templated);
    }

    /** Building the model of the expanded files: names resolved, properties read, queries parsed. */
    @Benchmark
    public Project model(Modelled modelled) {
        return buildModel(modelled.expanded);
    }

    /** Lowering: each SLO into its recording rules, burn-rate alerts, dashboard and tests. */
    @Benchmark
    public Project lowering(Modelled modelled) {
        return lowerModel(modelled.model);
    }

    /** The type and constant checks of every query. */
    @Benchmark
    public DiagnosticSink expressionChecks(Lowered lowered) {
        DiagnosticSink sink = new DiagnosticSink();
        ExpressionChecks.run(lowered.project, sink);
        return requireClean(sink, "check");
    }

    /**
     * The analysis the validators of a run share: label inference over every query, the vector-matching
     * findings, and the grouping and matching labels no input can have.
     */
    @Benchmark
    public ProjectAnalysis projectAnalysis(Compiled compiled) {
        return analysed(compiled.project);
    }

    /** Label inference over the project, and the labels of every query in it. */
    @Benchmark
    public List<Inferred> labelInference(Lowered lowered) {
        LabelInference li = LabelInference.forProject(lowered.project);
        List<Inferred> out = new ArrayList<>(lowered.queries.size());
        for (Expr q : lowered.queries) {
            out.add(li.infer(q));
        }
        return out;
    }

    /** One validator family on the compiled project. */
    @Benchmark
    public DiagnosticSink validators(Validating v) {
        DiagnosticSink sink = new DiagnosticSink();
        v.validators.forEach(validator -> validator.validate(v.project, v.analysis, sink));
        return sink;
    }

    /** One emitter's files, in memory. */
    @Benchmark
    public OutputManifest emit(Emitting e) {
        OutputManifest out = new OutputManifest();
        e.chosen.emit(e.project, EmitSettings.DEFAULT, out);
        return out;
    }

    /** The linter's reading of a rule file: YAML composed with positions, then its groups, rules and queries. */
    @Benchmark
    public PrometheusRulesReader.Result yamlRead(LintInput input) {
        DiagnosticSink sink = new DiagnosticSink();
        YamlDocument doc = YamlDocument.compose(input.rules, sink).orElseThrow();
        PrometheusRulesReader.Result read = PrometheusRulesReader.read(doc, new ExprSpans(), sink);
        requireClean(sink, "read");
        return read;
    }

    /** The whole of {@code vigil lint} on the rule file, without the file system: reading, model, checks. */
    @Benchmark
    public CompileResult lint(LintInput input) {
        return Linter.lint(List.of(input.rules), Linter.Options.DEFAULT);
    }

    /** Writing a full build into a directory that does not exist yet: every file staged, moved in, and the manifest. */
    @Benchmark
    public OutputDirectory.Result commitFresh(Output output, FreshDirectory fresh) throws IOException {
        return OutputDirectory.commit(output.files, fresh.directory);
    }

    /** Writing the same build again: every file read back and hashed, nothing written but the manifest. */
    @Benchmark
    public OutputDirectory.Result commitUnchanged(Output output) throws IOException {
        return OutputDirectory.commit(output.files, output.committed);
    }

    // ------------------------------------------------------------------ the stages, as the compiler runs them

    static List<VigilFile> parseSources(List<SourceFile> sources) {
        DiagnosticSink sink = new DiagnosticSink();
        List<VigilFile> files = new ArrayList<>(sources.size());
        for (SourceFile s : sources) {
            VigilSourceParser.parse(s, sink).ifPresent(files::add);
        }
        files.sort(Comparator.comparing(VigilFile::path));
        requireClean(sink, "parse");
        return files;
    }

    static List<VigilFile> expandFiles(List<VigilFile> parsed) {
        DiagnosticSink sink = new DiagnosticSink();
        List<VigilFile> expanded = TemplateExpansion.expand(parsed, sink);
        requireClean(sink, "expand");
        return expanded;
    }

    static Project buildModel(List<VigilFile> files) {
        DiagnosticSink sink = new DiagnosticSink();
        Project project = ModelBuilder.build(files, sink);
        requireClean(sink, "build a model");
        return project;
    }

    static Project lowerModel(Project model) {
        DiagnosticSink sink = new DiagnosticSink();
        Project project = Lowering.lower(model, sink);
        requireClean(sink, "lower");
        return project;
    }

    /** A new analysis of {@code project}, with everything in it computed, as a whole validation run leaves it. */
    static ProjectAnalysis analysed(Project project) {
        ProjectAnalysis analysis = new ProjectAnalysis(project);
        for (Queries.Use use : Queries.of(project)) {
            analysis.labels().infer(use.expr());
        }
        for (Matches.Kind kind : Matches.Kind.values()) {
            analysis.matches(kind);
        }
        analysis.clauseLabels();
        return analysis;
    }

    /** The registered validators whose id starts with {@code family} and a dot, in id order. */
    static List<Validator> family(String family) {
        return Validators.builtIn().all().stream().filter(v -> v.id().startsWith(family + ".")).toList();
    }

    /** A benchmark of error reporting would measure something else: the input of every stage must be clean. */
    private static DiagnosticSink requireClean(DiagnosticSink sink, String stage) {
        if (sink.hasErrors()) {
            throw new IllegalStateException("the benchmark input must " + stage + " without errors: " + sink.sorted().get(0));
        }
        return sink;
    }
}
