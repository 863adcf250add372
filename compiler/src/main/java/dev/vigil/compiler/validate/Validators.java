package dev.vigil.compiler.validate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.concurrent.Workers;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** The registered validators, in id order so their output is deterministic. */
public final class Validators {
    private final List<Validator> validators;

    private Validators(List<Validator> validators) {
        this.validators = List.copyOf(validators);
    }

    /** The registered validators, loaded once: they keep no state between runs. */
    public static Validators builtIn() {
        return BuiltIn.VALIDATORS;
    }

    private static final class BuiltIn {
        static final Validators VALIDATORS = load();

        private static Validators load() {
            List<Validator> found = new ArrayList<>();
            ServiceLoader.load(Validator.class, Validator.class.getClassLoader()).forEach(found::add);
            found.sort(Comparator.comparing(Validator::id));
            return new Validators(found);
        }
    }

    public List<Validator> all() {
        return validators;
    }

    /**
     * Runs every check. A check that fails is a bug in Vigil: it is reported as
     * {@code Internal.CheckFailed}, and the other checks still run. A large project's checks run on
     * the available cores, in two or more halves with an analysis each; the findings are reported in
     * check order either way, so the result does not depend on the number of cores.
     */
    public void run(Project project, DiagnosticSink sink) {
        int threads = Math.min(Workers.cores(), MAX_THREADS);
        if (threads < 2 || rules(project) < PARALLEL_FROM_RULES) {
            runEach(validators, project, sink);
            return;
        }
        List<List<Validator>> parts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < validators.size(); i++) {
            parts.get(i % threads).add(validators.get(i));
        }
        ExecutorService pool = Workers.pool("vigil-checks", threads);
        Map<Validator, List<Diagnostic>> found = new ConcurrentHashMap<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Validator> part : parts) {
                running.add(pool.submit(() -> {
                    ProjectAnalysis analysis = new ProjectAnalysis(project);
                    for (Validator v : part) {
                        DiagnosticSink own = new DiagnosticSink();
                        analysis = runOne(v, project, analysis, own);
                        found.put(v, own.all());
                    }
                }));
            }
            // runOne catches what a check throws; what a worker ends with is an Error, such as running out of memory.
            running.forEach(Workers::join);
        } finally {
            pool.shutdown();
        }
        for (Validator v : validators) {
            sink.addAll(found.getOrDefault(v, List.of()));
        }
    }

    /** Below this many rules the checks take less time than starting threads and a second analysis. */
    private static final int PARALLEL_FROM_RULES = 2_000;
    private static final int MAX_THREADS = 4;

    private static int rules(Project project) {
        int n = 0;
        for (Service s : project.services()) {
            for (RuleGroup g : s == null || s.groups() == null ? List.<RuleGroup>of() : s.groups()) {
                n += g == null || g.rules() == null ? 0 : g.rules().size();
            }
        }
        return n;
    }

    private static void runEach(List<Validator> validators, Project project, DiagnosticSink sink) {
        ProjectAnalysis analysis = new ProjectAnalysis(project);
        for (Validator v : validators) {
            analysis = runOne(v, project, analysis, sink);
        }
    }

    /** Runs one check; returns the analysis the next check should use (a fresh one after a failure). */
    private static ProjectAnalysis runOne(Validator v, Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        try {
            v.validate(project, analysis, sink);
            return analysis;
        } catch (RuntimeException e) {
            sink.error(Ids.INTERNAL_CHECK_FAILED, Span.point("<vigil>", 1, 1),
                    "The check `" + v.id() + "` failed on this input: " + e + ".",
                    "This is a bug in Vigil; please report it with the files that caused it.");
            // A check that failed half-way may have left the shared analysis half-built.
            return new ProjectAnalysis(project);
        }
    }
}
