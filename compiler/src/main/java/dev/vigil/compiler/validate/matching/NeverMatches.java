package dev.vigil.compiler.validate.matching;

import dev.vigil.compiler.analysis.Matches;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.validate.Validator;

/** Reports {@link Matches.Kind#NEVER} findings; the rule and its severity are described in {@code docs/checks/Matching.NeverMatches.md}. */
public final class NeverMatches implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        analysis.matches(Matches.Kind.NEVER).forEach(f -> sink.error(id(), f.span(), f.message(), f.hint()));
    }
}
