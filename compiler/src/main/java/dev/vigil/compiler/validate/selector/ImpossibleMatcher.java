package dev.vigil.compiler.validate.selector;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;

/**
 * A matcher that needs a label the selected series cannot have: {@code {pod="x"}} on a recording
 * rule that aggregated {@code pod} away, or on a declared metric without it. The selector never
 * matches anything. An error for recording rules (their labels are known exactly), a warning for
 * declared metrics (the declaration may be incomplete).
 */
public final class ImpossibleMatcher implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        LabelInference li = analysis.labels();
        for (Queries.Use use : Queries.of(project)) {
            Expr.walk(use.expr(), e -> {
                if (e instanceof VectorSelector v) {
                    check(li, v, sink);
                }
            });
        }
    }

    private void check(LabelInference li, VectorSelector v, DiagnosticSink sink) {
        String name = v.name().orElse(null);
        if (name == null) {
            return;
        }
        LabelSet base = li.selectorBase(v);
        if (base.open()) {
            return;
        }
        boolean rule = li.isRecordingRule(name);
        for (LabelMatcher m : v.matchers()) {
            if (m.name().equals("__name__") || !base.cannotHave(m.name()) || (!m.isConstRef() && m.matchesEmpty())) {
                continue;
            }
            String close = Suggest.closest(m.name(), base.names());
            String known = base.describe();
            String hint = (close != null ? "Did you mean `" + close + "`? " : "")
                    + (rule ? "The recording rule keeps only " + known + "; keep `" + m.name()
                            + "` in its `by (...)` or drop this matcher."
                            : "The metric is declared with " + known + "; declare `" + m.name()
                                    + "` if the metric has it, or drop this matcher.");
            String message = "This selector never matches: " + (rule ? "recording rule `" : "metric `") + name
                    + "` has no `" + m.name() + "` label.";
            if (rule) {
                sink.error(id(), m.span(), message, hint);
            } else {
                sink.warning(id(), m.span(), message, hint);
            }
        }
    }
}
