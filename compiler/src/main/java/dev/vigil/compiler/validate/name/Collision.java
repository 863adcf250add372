package dev.vigil.compiler.validate.name;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import java.util.HashMap;
import java.util.Map;

/**
 * Two different names that the output would write as one: services whose Kubernetes object names
 * coincide (`api` and `Api`, or names alike in their first 63 characters), and an alert called
 * `README`, whose runbook is the file of the service's runbook index. Blocking: the build could
 * write only one of each pair.
 */
public final class Collision implements Validator {
    /** The runbook index beside the alerts' runbooks. */
    static final String RUNBOOK_INDEX = "README";

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        if (!project.fromVigilSources()) {
            return; // `vigil lint` writes no output
        }
        Map<String, Service> byKubernetesName = new HashMap<>();
        for (Service s : project.services()) {
            if (!s.hasRules()) {
                continue;
            }
            Service first = byKubernetesName.putIfAbsent(s.kubernetesName(), s);
            if (first != null) {
                sink.blocking(id(), s.span(), "Services `" + first.name() + "` and `" + s.name()
                        + "` would both be written as the Kubernetes object `" + s.kubernetesName() + "`.",
                        "Rename one: Kubernetes names are lower case, with `-` for other characters, at most 63 long.");
            }
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.name().equals(RUNBOOK_INDEX)) {
                        sink.blocking(id(), a.span(), "The runbook of alert `" + RUNBOOK_INDEX
                                + "` would be the file of the service's runbook index, `README.md`.",
                                "Rename the alert.");
                    }
                }
            }
        }
    }
}
