package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.validate.Validator;

/**
 * An alert of the most urgent declared severity without a {@code summary}: whoever is paged gets an
 * alert name and nothing else. A missing runbook is {@code Alert.MissingRunbook}.
 */
public final class MissingSummary implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Rule.Alert a : Pages.of(project)) {
            if (a.summary() == null || a.summary().isBlank()) {
                sink.warning(id(), a.span(), "`" + a.severity().name() + "` alert `" + a.name() + "` has no `summary`.",
                        (project.fromVigilSources() ? "Add `summary \"...\"`" : "Add a `summary` annotation")
                                + " saying what is broken and where, such as `{{ $labels.instance }}`.");
            }
        }
    }
}
