package dev.vigil.compiler.validate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

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
     * {@code Internal.CheckFailed}, and the other checks still run.
     */
    public void run(Project project, DiagnosticSink sink) {
        ProjectAnalysis analysis = new ProjectAnalysis(project);
        for (Validator v : validators) {
            try {
                v.validate(project, analysis, sink);
            } catch (RuntimeException e) {
                // A check that failed half-way may have left the shared analysis half-built.
                analysis = new ProjectAnalysis(project);
                sink.error(Ids.INTERNAL_CHECK_FAILED, Span.point("<vigil>", 1, 1),
                        "The check `" + v.id() + "` failed on this input: " + e + ".",
                        "This is a bug in Vigil; please report it with the files that caused it.");
            }
        }
    }
}
