package dev.vigil.compiler.validate.grouping;

import dev.vigil.compiler.analysis.ClauseLabels;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.validate.Validator;

/**
 * A {@code by}, {@code without}, {@code on} or {@code ignoring} label that no input series can have
 * ({@link ClauseLabels}); the rule and its severities are described in {@code docs/checks/Grouping.UnknownLabel.md}.
 */
public final class UnknownLabel implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (ClauseLabels.Finding f : analysis.clauseLabels()) {
            if (f.error()) {
                sink.error(id(), f.span(), f.message(), f.hint());
            } else {
                sink.warning(id(), f.span(), f.message(), f.hint());
            }
        }
    }
}
