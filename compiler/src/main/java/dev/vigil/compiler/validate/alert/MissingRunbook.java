package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.validate.Validator;

/**
 * An alert of the most urgent declared severity without a runbook: neither a {@code runbook} block nor
 * a {@code runbook_url} label or annotation (which a {@code runbooks} link on its service gives every
 * alert). Whoever is paged first has to find out what the alert means.
 */
public final class MissingRunbook implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Rule.Alert a : Pages.of(project)) {
            if (!a.annotations().containsKey("runbook_url") && !a.labels().containsKey("runbook_url")
                    && !hasRunbook(a.runbook())) {
                sink.warning(id(), a.span(), "`" + a.severity().name() + "` alert `" + a.name() + "` has no runbook.",
                        project.fromVigilSources()
                                ? "Add a `runbook { triage ... remediate ... }` block, or a `runbooks` link to the service."
                                : "Add a `runbook_url` annotation pointing at its runbook.");
            }
        }
    }

    private static boolean hasRunbook(Rule.Runbook rb) {
        // A `runbook_url` annotation in a rule file is a runbook kept elsewhere.
        return rb != null && (rb.url() != null || rb.meaning() != null || !rb.triage().isEmpty()
                || !rb.diagnoses().isEmpty() || !rb.remediations().isEmpty() || !rb.escalation().isEmpty());
    }
}
