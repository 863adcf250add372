package dev.vigil.compiler.validate.rate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.AtExpr;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.RangeModifierExpr;
import dev.vigil.compiler.promql.Subquery;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.support.Models;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

/**
 * A declared counter read as a raw value. A counter's value depends on when the process last
 * restarted; only its rate of change, resets and changes mean something. Counting its series
 * ({@code count}, {@code group}, {@code absent}) is fine, and so are dashboard variables and test
 * expectations, which look at series rather than values.
 */
public final class CounterWithoutRate implements Validator {
    /** Functions whose result does not depend on a counter's absolute value. */
    private static final Set<String> RANGE_SAFE = Set.of("rate", "irate", "increase", "resets", "changes",
            "absent_over_time", "present_over_time", "count_over_time", "xrate", "xincrease", "histogram_count",
            "histogram_sum");
    private static final Set<String> INSTANT_SAFE = Set.of("absent", "timestamp");
    private static final Set<String> SKIPPED_SLOTS = Set.of("variable", "expect value");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Map<String, MetricType> types = Models.metricTypes(project);
        if (!types.containsValue(MetricType.COUNTER)) {
            return;
        }
        for (Queries.Use use : Queries.of(project)) {
            if (SKIPPED_SLOTS.contains(use.slot())) {
                continue;
            }
            record Item(Expr expr, boolean safe) {
            }
            Deque<Item> stack = new ArrayDeque<>();
            stack.push(new Item(use.expr(), false));
            while (!stack.isEmpty()) {
                Item it = stack.pop();
                Expr e = it.expr();
                boolean passThrough = e instanceof Paren || e instanceof OffsetExpr || e instanceof AtExpr
                        || e instanceof RangeModifierExpr || e instanceof MatrixSelector || e instanceof Subquery;
                boolean safeChildren;
                if (e instanceof Call c) {
                    safeChildren = RANGE_SAFE.contains(c.function()) || INSTANT_SAFE.contains(c.function());
                } else if (e instanceof Aggregation a) {
                    safeChildren = a.op() == AggregateOp.COUNT || a.op() == AggregateOp.GROUP;
                } else {
                    safeChildren = passThrough && it.safe();
                }
                if (e instanceof VectorSelector v && !it.safe()) {
                    String name = v.name().orElse(null);
                    if (name != null && types.get(name) == MetricType.COUNTER) {
                        sink.warning(id(), v.span(), "Counter `" + name + "` is read as a raw value.",
                                "A counter only grows and restarts from zero when its process does; use `rate(" + name
                                        + "[5m])` or `increase(" + name + "[1h])`.");
                    }
                }
                for (Expr child : e.children()) {
                    if (child != null) {
                        // Only the vector argument is safe: topk's k or quantile's phi are not series.
                        boolean safe = safeChildren && !(e instanceof Aggregation a && child == a.param());
                        stack.push(new Item(child, safe));
                    }
                }
            }
        }
    }
}
