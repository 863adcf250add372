package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.validate.Validator;

/**
 * {@code topk}/{@code bottomk} (and {@code limitk}) in an alert's condition. Which series are in the
 * top k changes as values cross each other, and an alert whose series leaves the set resolves and
 * fires again under {@code for}: the alert flaps.
 */
public final class TopK implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        Expr.walk(a.expr(), e -> {
                            if (e instanceof Aggregation agg && (agg.op() == AggregateOp.TOPK
                                    || agg.op() == AggregateOp.BOTTOMK || agg.op() == AggregateOp.LIMITK)) {
                                sink.warning(id(), agg.span(), "Alert `" + a.name() + "` uses `" + agg.op().keyword()
                                                + "`, so its series change as values overtake each other and the alert flaps.",
                                        "Alert on every series above a threshold instead, and show the top ones in the summary or a dashboard.");
                            }
                        });
                    }
                }
            }
        }
    }
}
