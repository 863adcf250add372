package dev.vigil.compiler.validate.matching;

import dev.vigil.compiler.analysis.Matches;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.validate.Validator;

/** Reports {@link Matches.Kind#MISSING} findings; the rule and its severity are described in {@code docs/checks/Matching.MissingLabel.md}. */
public final class MissingLabel implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        analysis.matches(Matches.Kind.MISSING).forEach(f -> sink.warning(id(), f.span(), f.message(), f.hint()));
    }
}
