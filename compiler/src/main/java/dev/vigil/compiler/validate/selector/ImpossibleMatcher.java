package dev.vigil.compiler.validate.selector;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.regex.LabelValues;
import dev.vigil.compiler.regex.Re2;
import dev.vigil.compiler.validate.Validator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A matcher that needs a label the selected series cannot have: {@code {pod="x"}} on a recording
 * rule that aggregated {@code pod} away, or on a declared metric without it. The selector never
 * matches anything. An error for recording rules (their labels are known exactly), a warning for
 * declared metrics (the declaration may be incomplete). Also matchers on one label that no value
 * satisfies together ({@code code="200", code=~"5.."}, decided on regex automata), or that exclude
 * the one value a recording rule gives the label: errors, since the selector never matches.
 */
public final class ImpossibleMatcher implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        LabelInference li = analysis.labels();
        for (Queries.Use use : Queries.of(project)) {
            DiagnosticSink found = new DiagnosticSink();
            Expr.walk(use.expr(), e -> {
                if (e instanceof VectorSelector v) {
                    check(li, v, found);
                }
            });
            // One finding per message and query: a ratio repeats its selector's matchers on both sides.
            Set<String> reported = new HashSet<>();
            for (Diagnostic d : found.sorted()) {
                if (reported.add(d.severity() + d.message())) {
                    sink.report(d);
                }
            }
        }
    }

    /** Matchers on one label that no value satisfies together, or that exclude the label's one known value. */
    private void contradictions(LabelSet base, VectorSelector v, DiagnosticSink sink) {
        Map<String, LabelValues> seen = new HashMap<>();
        for (LabelMatcher m : v.matchers()) {
            if (m.isConstRef() || m.value() == null || m.name().equals("__name__")) {
                continue;
            }
            LabelValues one = LabelValues.of(LabelValues.Op.valueOf(m.op().name()), m.value());
            LabelSet.Label known = base.get(m.name());
            LabelValues before = seen.get(m.name());
            if (m.op() == MatchOp.NRE && Re2.PROMETHEUS.matchesEveryLine(m.value())) {
                sink.error(id(), m.span(), "This selector never matches: `" + text(m) + "` excludes every value of `"
                                + m.name() + "`, and series without it too.",
                        "To select series without `" + m.name() + "`, write `" + m.name() + "=\"\"`; otherwise drop this matcher.");
            } else if (before != null && before.disjoint(one, Re2.PROMETHEUS)) {
                sink.error(id(), m.span(), "This selector never matches: no value of `" + m.name()
                                + "` satisfies both `" + text(m) + "` and the matcher before it.",
                        "Keep one of the matchers on `" + m.name() + "`, or write one regex that means what both should.");
            } else if (known != null && known.value() != null
                    && one.disjoint(LabelValues.of(LabelValues.Op.EQ, known.value()), Re2.PROMETHEUS)) {
                sink.error(id(), m.span(), "This selector never matches: every series of `" + v.name().orElse("")
                                + "` has `" + m.name() + "=\"" + known.value() + "\"`, which `" + text(m)
                                + "` excludes.",
                        "Drop this matcher, or select the series that carry the value you want.");
            }
            seen.merge(m.name(), one, LabelValues::and);
        }
    }

    private void check(LabelInference li, VectorSelector v, DiagnosticSink sink) {
        String name = v.name().orElse(null);
        if (name == null) {
            return;
        }
        LabelSet base = li.selectorBase(v);
        contradictions(base, v, sink);
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

    private static String text(LabelMatcher m) {
        return m.name() + m.op().symbol() + Strings.quote(m.value());
    }
}
