package dev.vigil.compiler.validate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
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

    public void run(Project project, DiagnosticSink sink) {
        ProjectAnalysis analysis = new ProjectAnalysis(project);
        for (Validator v : validators) {
            v.validate(project, analysis, sink);
        }
    }
}
