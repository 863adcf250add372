package dev.vigil.compiler.validate.duplicate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two alerts (not exact copies) that can fire with the same identity: the same name, and labels
 * that can coincide, since no static label, severity, kept matcher with disjoint values, or label
 * one always carries and the other never does tells them apart. Alertmanager sees one alert, so
 * one rule's resolution ends the other's notification. An error when their results have the same
 * known labels; a warning when they collide only if labels nobody declared happen to agree.
 */
public final class AlertIdentity implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Map<String, List<Rule.Alert>> byName = new HashMap<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (!(r instanceof Rule.Alert a) || a.name() == null) {
                        continue;
                    }
                    List<Rule.Alert> earlier = byName.computeIfAbsent(a.name(), k -> new ArrayList<>());
                    for (Rule.Alert e : earlier) {
                        RuleIdentity.Overlap overlap = RuleIdentity.identical(e, a) ? RuleIdentity.Overlap.NONE
                                : RuleIdentity.overlap(e, a, analysis.labels());
                        if (overlap != RuleIdentity.Overlap.NONE) {
                            sink.report(new Diagnostic(id(), overlap == RuleIdentity.Overlap.LIKELY ? Severity.ERROR : Severity.WARNING,
                                    a.span(), "Alert `" + a.name() + "` " + (overlap == RuleIdentity.Overlap.LIKELY ? "can" : "may") + " fire with the same labels as the alert at "
                                            + e.span() + ", so Alertmanager cannot tell them apart.",
                                    project.fromVigilSources()
                                            ? "Rename one, or give each a static label that tells them apart, such as `labels { variant = \"...\" }`."
                                            : "Rename one, or give each a static label that tells them apart under `labels:`.",
                                    null));
                            break;
                        }
                    }
                    earlier.add(a);
                }
            }
        }
    }
}
