package dev.vigil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.analysis.Inferred;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.Validators;
import dev.vigil.compiler.yaml.PrometheusRulesReader;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.build.Emitters;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The small run of {@link StageBenchmark}: each benchmark's body once, on a fleet of two services, with
 * the states set up by hand as JMH would (no timing). It keeps the benchmarks working, and their lists of
 * validator families and emitters in step with the registered ones.
 */
class StageBenchmarkTest {
    private static final int SERVICES = 2;
    private static final StageBenchmark BENCH = new StageBenchmark();

    private static StageBenchmark.Fleet fleet;
    private static StageBenchmark.Parsed parsed;
    private static StageBenchmark.Modelled modelled;
    private static StageBenchmark.Lowered lowered;
    private static StageBenchmark.Compiled compiled;
    private static StageBenchmark.Output output;

    @BeforeAll
    static void setUp() throws Exception {
        fleet = new StageBenchmark.Fleet();
        fleet.services = SERVICES;
        fleet.setUp();
        parsed = new StageBenchmark.Parsed();
        parsed.setUp(fleet);
        modelled = new StageBenchmark.Modelled();
        modelled.setUp(parsed);
        lowered = new StageBenchmark.Lowered();
        lowered.setUp(modelled);
        compiled = new StageBenchmark.Compiled();
        compiled.setUp(fleet);
        output = new StageBenchmark.Output();
        output.setUp(compiled);
    }

    @AfterAll
    static void tearDown() throws Exception {
        output.tearDown();
    }

    @Test
    void compilerStagesTakeTheFleetFromSourcesToTheLoweredProject() {
        assertEquals(fleet.handWritten.size(), BENCH.parse(fleet).size());
        // Expansion keeps one file per source; its services then hold the blueprint's declarations.
        assertEquals(parsed.templated.size(), BENCH.templateExpansion(parsed).size());

        Project model = BENCH.model(modelled);
        assertEquals(SERVICES, model.services().size());
        Project project = BENCH.lowering(modelled);
        assertEquals(SERVICES, project.services().size());
        // Lowering adds each SLO's recording rules and burn-rate alerts.
        assertTrue(rules(project) > rules(model), rules(project) + " rules after lowering, " + rules(model) + " before");

        assertFalse(BENCH.expressionChecks(lowered).hasErrors());
    }

    @Test
    void labelInferenceInfersEveryQuery() {
        List<Inferred> inferred = BENCH.labelInference(lowered);
        assertEquals(lowered.queries.size(), inferred.size());
        // 10 recording rules and 10 alerts per service at least.
        assertTrue(inferred.size() >= 20 * SERVICES, inferred.size() + " queries");
    }

    @Test
    void projectAnalysisKnowsEveryRecordingRule() {
        ProjectAnalysis analysis = BENCH.projectAnalysis(compiled);
        List<Rule.Recording> recordings = compiled.project.services().stream().flatMap(s -> s.groups().stream())
                .flatMap(g -> g.rules().stream()).filter(Rule.Recording.class::isInstance).map(Rule.Recording.class::cast)
                .toList();
        assertFalse(recordings.isEmpty());
        for (Rule.Recording r : recordings) {
            assertTrue(analysis.labels().isRecordingRule(r.name()), r.name());
        }
    }

    @Test
    void everyValidatorFamilyIsBenchmarkedAndRunsWithoutErrors() throws Exception {
        String[] families = params(StageBenchmark.Validating.class, "family");
        TreeSet<String> registered = new TreeSet<>();
        for (Validator v : Validators.builtIn().all()) {
            registered.add(v.id().substring(0, v.id().indexOf('.')));
        }
        assertEquals(registered, new TreeSet<>(Arrays.asList(families)));

        int validators = 0;
        for (String family : families) {
            StageBenchmark.Validating state = new StageBenchmark.Validating();
            state.family = family;
            state.setUp(compiled);
            state.analyse();
            DiagnosticSink sink = BENCH.validators(state);
            assertFalse(sink.hasErrors(), family + ": " + sink.sorted());
            validators += state.validators.size();
        }
        assertEquals(Validators.builtIn().all().size(), validators);
    }

    @Test
    void everyEmitterIsBenchmarkedAndWritesFiles() throws Exception {
        String[] names = params(StageBenchmark.Emitting.class, "emitter");
        assertEquals(Emitters.all().stream().map(Emitter::name).toList(), List.of(names));
        for (String name : names) {
            StageBenchmark.Emitting state = new StageBenchmark.Emitting();
            state.emitter = name;
            state.setUp(compiled);
            OutputManifest files = BENCH.emit(state);
            assertFalse(files.files().isEmpty(), name + " wrote nothing");
        }
    }

    @Test
    void yamlReadingAndLintReadEveryRule() {
        StageBenchmark.LintInput input = new StageBenchmark.LintInput();
        input.setUp(fleet);
        PrometheusRulesReader.Result read = BENCH.yamlRead(input);
        List<Rule> rules = read.service().groups().stream().flatMap(g -> g.rules().stream()).toList();
        assertEquals(SERVICES, read.service().groups().size());
        assertEquals(20 * SERVICES, rules.size());
        assertTrue(BENCH.lint(input).diagnostics().stream().noneMatch(Diagnostic::isError));
    }

    @Test
    void commitsWriteTheWholeBuildThenFindItUnchanged() throws Exception {
        int files = output.files.files().size();
        StageBenchmark.FreshDirectory fresh = new StageBenchmark.FreshDirectory();
        fresh.setUp();
        try {
            fresh.choose();
            OutputDirectory.Result written = BENCH.commitFresh(output, fresh);
            assertEquals(files, written.written());
            assertTrue(Files.isRegularFile(fresh.directory.resolve(OutputDirectory.MANIFEST)));
            fresh.remove();
            assertFalse(Files.exists(fresh.directory));
        } finally {
            fresh.tearDown();
        }

        OutputDirectory.Result again = BENCH.commitUnchanged(output);
        assertEquals(0, again.written());
        assertEquals(files, again.unchanged());
    }

    private static int rules(Project p) {
        int n = 0;
        for (Service s : p.services()) {
            for (RuleGroup g : s.groups()) {
                n += g.rules().size();
            }
        }
        return n;
    }

    private static String[] params(Class<?> state, String field) throws NoSuchFieldException {
        return state.getDeclaredField(field).getAnnotation(Param.class).value();
    }
}
