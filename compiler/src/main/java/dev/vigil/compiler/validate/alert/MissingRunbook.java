package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.validate.Validator;

/**
 * An alert of the most urgent declared severity whose page carries no link to a runbook: no
 * {@code runbook_url} annotation (which a {@code runbooks} link on its service gives every alert, to
 * the runbook Vigil writes for it) or label. A {@code runbook} block alone is not enough: the runbook
 * is written, but nothing in the notification leads to it. Whoever is paged first has to find out
 * what the alert means.
 */
public final class MissingRunbook implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Rule.Alert a : Pages.of(project)) {
            if (a.annotations().containsKey("runbook_url") || a.labels().containsKey("runbook_url")) {
                continue;
            }
            if (!project.fromVigilSources()) {
                sink.warning(id(), a.span(), "`" + a.severity().name() + "` alert `" + a.name() + "` has no runbook.",
                        "Add a `runbook_url` annotation pointing at its runbook.");
            } else if (hasRunbook(a.runbook())) {
                sink.warning(id(), a.span(), "`" + a.severity().name() + "` alert `" + a.name() + "` has a runbook, but "
                        + "its page carries no link to it: the service has no `runbooks` link.",
                        "Add `links { runbooks \"https://...\" }` to the service; each alert then carries "
                                + "`runbook_url` to its runbook there.");
            } else {
                sink.warning(id(), a.span(), "`" + a.severity().name() + "` alert `" + a.name() + "` has no runbook.",
                        "Add a `runbook { triage ... remediate ... }` block and a `runbooks` link to the service, "
                                + "which gives every alert its `runbook_url`.");
            }
        }
    }

    private static boolean hasRunbook(Rule.Runbook rb) {
        return rb != null && (rb.meaning() != null || !rb.triage().isEmpty()
                || !rb.diagnoses().isEmpty() || !rb.remediations().isEmpty() || !rb.escalation().isEmpty());
    }
}
