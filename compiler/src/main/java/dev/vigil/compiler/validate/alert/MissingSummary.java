package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import java.util.List;

/**
 * An alert of the most urgent declared severity without a {@code summary}, or without a runbook:
 * neither a {@code runbook} block nor a {@code runbook_url} annotation (which a {@code runbooks} link on
 * its service gives every alert). Whoever is paged gets an alert name and nothing else.
 */
public final class MissingSummary implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        List<String> levels = project.severities() == null ? List.of() : project.severities().levels();
        if (levels.isEmpty()) {
            return;
        }
        String top = levels.get(0);
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (!(r instanceof Rule.Alert a) || a.severity() == null || !top.equals(a.severity().name())) {
                        continue;
                    }
                    boolean noSummary = a.summary() == null || a.summary().isBlank();
                    boolean noRunbook = !a.annotations().containsKey("runbook_url") && !a.labels().containsKey("runbook_url")
                            && !hasRunbook(a.runbook());
                    if (noSummary || noRunbook) {
                        String missing = noSummary && noRunbook ? "no `summary` and no runbook"
                                : noSummary ? "no `summary`" : "no runbook";
                        sink.warning(id(), a.span(), "`" + top + "` alert `" + a.name() + "` has " + missing + ".",
                                project.fromVigilSources()
                                        ? (noSummary ? "Add `summary \"...\"` saying what is broken and where, such as `{{ $labels.instance }}`. " : "")
                                                + (noRunbook ? "Add a `runbook { triage ... remediate ... }` block, or a `runbooks` link to the service." : "")
                                        : (noSummary ? "Add a `summary` annotation saying what is broken and where, such as `{{ $labels.instance }}`. " : "")
                                                + (noRunbook ? "Add a `runbook_url` annotation pointing at its runbook." : ""));
                    }
                }
            }
        }
    }

    private static boolean hasRunbook(Rule.Runbook rb) {
        // A `runbook_url` annotation in a rule file is a runbook kept elsewhere.
        return rb != null && (rb.url() != null || rb.meaning() != null || !rb.triage().isEmpty()
                || !rb.diagnoses().isEmpty() || !rb.remediations().isEmpty() || !rb.escalation().isEmpty());
    }
}
