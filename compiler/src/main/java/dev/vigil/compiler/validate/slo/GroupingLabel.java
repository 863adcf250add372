package dev.vigil.compiler.validate.slo;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.validate.Validator;
import java.util.Map;

/**
 * {@code by [label]} makes one SLO per value of the label, so every query of the SLI must carry it.
 * When label inference knows a query's series cannot have the label (a declared metric without
 * it, or an aggregation that drops it), the per-label SLO would be empty or a single series
 * without the label.
 */
public final class GroupingLabel implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        LabelInference inference = analysis.labels();
        for (Service s : project.services()) {
            for (Slo slo : s.slos()) {
                if (slo.sli() == null || slo.groupBy().isEmpty()) {
                    continue;
                }
                for (Map.Entry<String, Expr> q : slo.sli().queries().entrySet()) {
                    LabelSet labels = inference.infer(q.getValue()).labels();
                    for (String label : slo.groupBy()) {
                        if (labels.cannotHave(label)) {
                            sink.error(id(), q.getValue().span(), "SLO `" + slo.name() + "` is grouped by `" + label
                                    + "`, but `" + q.getKey() + "` has no `" + label + "` label.",
                                    "Group by labels every query of the SLI carries"
                                            + (labels.open() ? "." : "; it has " + names(labels) + "."));
                        }
                    }
                }
            }
        }
    }

    private static String names(LabelSet labels) {
        return labels.names().isEmpty() ? "none"
                : String.join(", ", labels.names().stream().map(n -> "`" + n + "`").toList());
    }
}
