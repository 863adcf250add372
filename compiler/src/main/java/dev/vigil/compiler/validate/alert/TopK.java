package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.validate.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code topk}/{@code bottomk} in an alert's condition where the alert's series can change as values
 * move: which series are in the top k changes as values cross each other, and an alert whose series
 * leaves the set resolves and fires again under {@code for}: the alert flaps. Uses whose outcome
 * cannot change that way are not reported: the deduplication idiom {@code topk by (<labels>) (1, x)}
 * where only those labels reach the alert (an enclosing {@code max by (<labels>)}, an {@code on
 * (<labels>)} match) or where each group holds a single series; and {@code limitk}, which picks
 * series by their labels, not their values.
 */
public final class TopK implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.expr() != null) {
                        visit(a, a.expr(), null, analysis.labels(), sink, 0);
                    }
                }
            }
        }
    }

    /**
     * Walks {@code e}; {@code kept} is the set of labels of {@code e}'s series that can still reach
     * the alert, or null when all can.
     */
    private void visit(Rule.Alert a, Expr e, Set<String> kept, LabelInference li, DiagnosticSink sink, int depth) {
        if (e == null || depth > 64) {
            return;
        }
        if (e instanceof Aggregation agg) {
            boolean selects = agg.op() == AggregateOp.TOPK || agg.op() == AggregateOp.BOTTOMK;
            if (selects && flaps(agg, kept, li)) {
                sink.warning(id(), agg.span(), "Alert `" + a.name() + "` uses `" + agg.op().keyword()
                                + "`, so its series change as values overtake each other and the alert flaps.",
                        "Alert on every series above a threshold instead, and show the top ones in the summary or a dashboard;"
                                + " to keep one series per group, aggregate it to the group's labels (`max by (...)`).");
            }
            Set<String> inner = kept;
            if (!selects && agg.op() != AggregateOp.LIMITK && agg.op() != AggregateOp.LIMIT_RATIO) {
                if (agg.grouping() == null) {
                    inner = Set.of();
                } else if (!agg.grouping().without()) {
                    inner = meet(kept, Set.copyOf(agg.grouping().labels()));
                }
            }
            visit(a, agg.expr(), inner, li, sink, depth + 1);
            visit(a, agg.param(), Set.of(), li, sink, depth + 1);
            return;
        }
        if (e instanceof Binary b && b.matching() != null && b.matching().kind() == VectorMatching.Kind.ON) {
            VectorMatching vm = b.matching();
            Set<String> on = new HashSet<>(vm.labels());
            if (b.op().isSetOperator() && b.op() != dev.vigil.compiler.promql.BinaryOp.OR) {
                // `and on (...)` / `unless on (...)`: the right side only decides which groups match.
                visit(a, b.lhs(), kept, li, sink, depth + 1);
                visit(a, b.rhs(), on, li, sink, depth + 1);
                return;
            }
            if (vm.cardinality() == VectorMatching.Cardinality.ONE_TO_ONE) {
                visit(a, b.lhs(), meet(kept, on), li, sink, depth + 1);
                visit(a, b.rhs(), meet(kept, on), li, sink, depth + 1);
                return;
            }
            on.addAll(vm.include());
            boolean left = vm.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE;
            visit(a, b.lhs(), left ? kept : meet(kept, on), li, sink, depth + 1);
            visit(a, b.rhs(), left ? meet(kept, on) : kept, li, sink, depth + 1);
            return;
        }
        for (Expr c : e.children()) {
            visit(a, c, kept, li, sink, depth + 1);
        }
    }

    /**
     * Whether the series this selection passes on can change as values move: some label that
     * reaches the alert is not one of its groups' labels, and a group can hold several series.
     */
    private static boolean flaps(Aggregation agg, Set<String> kept, LabelInference li) {
        if (agg.grouping() != null && agg.grouping().without()) {
            return true;
        }
        List<String> groups = agg.grouping() == null ? List.of() : agg.grouping().labels();
        if (kept != null && groups.containsAll(kept)) {
            return false; // only the group's own labels reach the alert
        }
        LabelSet in = li.infer(agg.expr()).labels();
        return in.open() || !groups.containsAll(in.names()); // a closed set within the groups: one series each
    }

    private static Set<String> meet(Set<String> kept, Set<String> labels) {
        if (kept == null) {
            return labels;
        }
        Set<String> out = new HashSet<>(kept);
        out.retainAll(labels);
        return out;
    }
}
