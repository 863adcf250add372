package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.AtExpr;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.Unary;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An alert whose condition never filters: no comparison (without {@code bool}), no {@code absent},
 * no {@code and}/{@code unless}, and no recording rule or {@code ALERTS} series that filters. Every
 * series the query returns is an alert, so it fires as long as the metric exists.
 */
public final class AlwaysFires implements Validator {
    /** Functions whose output has a series exactly where their first vector argument has one. */
    private static final Set<String> PASS_THROUGH = Set.of("abs", "ceil", "floor", "round", "clamp", "clamp_min",
            "clamp_max", "exp", "ln", "log2", "log10", "sqrt", "sgn", "sort", "sort_desc", "sort_by_label",
            "sort_by_label_desc", "label_replace", "label_join", "histogram_quantile", "histogram_fraction",
            "last_over_time", "max_over_time", "min_over_time", "avg_over_time", "sum_over_time",
            "quantile_over_time", "scalar", "timestamp", "deg", "rad", "sin", "cos", "tan", "asin", "acos", "atan",
            "sinh", "cosh", "tanh", "asinh", "acosh", "atanh");
    /** Functions that return a series only when something is missing, or that keep only some series. */
    private static final Set<String> FILTERING = Set.of("absent", "absent_over_time");
    private static final int MAX_DEPTH = 32;
    private static final Set<String> TARGET_LABELS = Set.of("__name__", "job", "instance");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Map<String, Expr> recordings = new HashMap<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Recording rec && rec.expr() != null) {
                        recordings.putIfAbsent(rec.name(), rec.expr());
                    }
                }
            }
        }
        Map<String, Boolean> memo = new HashMap<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    // A query that is not an instant vector is already an error of its own.
                    if (r instanceof Rule.Alert a && a.expr() != null
                            && dev.vigil.compiler.promql.PromqlChecker.typeOf(a.expr()) == dev.vigil.compiler.promql.ValueType.VECTOR
                            && !new Filter(recordings, memo).filters(a.expr(), 0, new HashSet<>())) {
                        sink.warning(id(), a.expr().span(),
                                "Alert `" + a.name() + "` has no comparison or filter, so it fires for every series its query returns.",
                                "Compare the value with a threshold (`> $threshold`), or use `absent(...)`; a heartbeat alert that"
                                        + " fires on purpose can be suppressed with a reason.");
                    }
                }
            }
        }
    }

    private record Filter(Map<String, Expr> recordings, Map<String, Boolean> memo) {
        boolean filters(Expr e, int depth, Set<String> visiting) {
            if (e == null || depth > MAX_DEPTH) {
                return true; // unknown: do not report
            }
            if (e instanceof Binary b) {
                if (b.op().isComparison()) {
                    return !b.returnBool() || filters(b.lhs(), depth + 1, visiting) || filters(b.rhs(), depth + 1, visiting);
                }
                if (b.op() == BinaryOp.AND || b.op() == BinaryOp.UNLESS) {
                    return true;
                }
                if (b.op() == BinaryOp.OR) {
                    return filters(b.lhs(), depth + 1, visiting) && filters(b.rhs(), depth + 1, visiting);
                }
                return filters(b.lhs(), depth + 1, visiting) || filters(b.rhs(), depth + 1, visiting);
            }
            if (e instanceof Paren p) {
                return filters(p.expr(), depth + 1, visiting);
            }
            if (e instanceof Unary u) {
                return filters(u.expr(), depth + 1, visiting);
            }
            if (e instanceof OffsetExpr o) {
                return filters(o.expr(), depth + 1, visiting);
            }
            if (e instanceof AtExpr at) {
                return filters(at.expr(), depth + 1, visiting);
            }
            if (e instanceof Aggregation agg) {
                // topk, bottomk and limitk keep some series, but always some: they do not filter.
                if (agg.op() == AggregateOp.TOPK || agg.op() == AggregateOp.BOTTOMK || agg.op() == AggregateOp.LIMITK
                        || agg.op() == AggregateOp.LIMIT_RATIO) {
                    return filters(agg.expr(), depth + 1, visiting);
                }
                return filters(agg.expr(), depth + 1, visiting);
            }
            if (e instanceof Call c) {
                if (FILTERING.contains(c.function())) {
                    return true;
                }
                if (PASS_THROUGH.contains(c.function())) {
                    for (Expr arg : c.args()) {
                        if (!(arg instanceof dev.vigil.compiler.promql.NumberLiteral) && filters(arg, depth + 1, visiting)) {
                            return true;
                        }
                    }
                    return false;
                }
                if (!dev.vigil.compiler.promql.Functions.get(c.function()).isPresent()) {
                    return true; // unknown function: already reported elsewhere
                }
                return false;
            }
            if (e instanceof dev.vigil.compiler.promql.MatrixSelector m) {
                return filters(m.selector(), depth + 1, visiting);
            }
            if (e instanceof dev.vigil.compiler.promql.Subquery sq) {
                return filters(sq.expr(), depth + 1, visiting);
            }
            if (e instanceof VectorSelector v) {
                String name = v.name().orElse(null);
                if (name == null) {
                    return false;
                }
                if (name.equals("ALERTS") || name.equals("ALERTS_FOR_STATE")) {
                    return true; // only present while an alert is pending or firing
                }
                // `pg_index_info{indexrelname=~".*ccnew.*"}` or `kube_pod_status_phase{phase="Failed"}`: the
                // series exists only in the state the alert is about, so existence is the condition.
                // Matchers on `job` or `instance` only say which target, so they do not count.
                for (dev.vigil.compiler.promql.LabelMatcher m : v.matchers()) {
                    if (!TARGET_LABELS.contains(m.name()) && !m.matchesEmpty()) {
                        return true;
                    }
                }
                Expr rec = recordings.get(name);
                if (rec == null) {
                    return false;
                }
                Boolean known = memo.get(name);
                if (known != null) {
                    return known;
                }
                if (!visiting.add(name)) {
                    return true; // a cycle: reported elsewhere, do not guess
                }
                boolean result = filters(rec, depth + 1, visiting);
                visiting.remove(name);
                memo.put(name, result);
                return result;
            }
            if (e instanceof dev.vigil.compiler.promql.ConstRef) {
                return true; // unknown value: do not report
            }
            return false; // numbers, strings
        }
    }
}
