package dev.vigil.compiler.analysis;

import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.VectorSelector;

/** Small helpers over PromQL trees that several checks share. */
public final class Exprs {
    private Exprs() {
    }

    /** Whether two expressions are the same query, ignoring positions and outer parentheses. */
    public static boolean same(Expr a, Expr b) {
        return a != null && b != null && Expr.unparen(a).equals(Expr.unparen(b));
    }

    /**
     * Whether {@code narrow} is {@code wide} over a subset of its series: the same shape of
     * {@code sum}, {@code count}, {@code max}, {@code rate}, {@code irate} and {@code increase} over
     * selectors of the same metrics, each with at least the matchers of its counterpart. Over such
     * non-negative values, every group of {@code narrow} is at most that group of {@code wide}, so
     * {@code narrow > 0} proves {@code wide > 0} (5xx responses above zero mean responses above zero).
     */
    public static boolean narrower(Expr narrow, Expr wide) {
        Expr n = Expr.unparen(narrow);
        Expr w = Expr.unparen(wide);
        if (n instanceof VectorSelector ns && w instanceof VectorSelector ws) {
            return ns.name().isPresent() && ns.name().equals(ws.name()) && ns.matchers().containsAll(ws.matchers());
        }
        if (n instanceof MatrixSelector nm && w instanceof MatrixSelector wm) {
            return nm.range().equals(wm.range()) && narrower(nm.selector(), wm.selector());
        }
        if (n instanceof Call nc && w instanceof Call wc) {
            return nc.function().equals(wc.function()) && MONOTONE_CALLS.contains(nc.function())
                    && nc.args().size() == 1 && wc.args().size() == 1 && narrower(nc.args().get(0), wc.args().get(0));
        }
        if (n instanceof Aggregation na && w instanceof Aggregation wa) {
            return na.op() == wa.op() && MONOTONE_AGGREGATIONS.contains(na.op()) && na.param() == null
                    && java.util.Objects.equals(na.grouping(), wa.grouping()) && narrower(na.expr(), wa.expr());
        }
        return false;
    }

    private static final java.util.Set<String> MONOTONE_CALLS = java.util.Set.of("rate", "irate", "increase");
    private static final java.util.Set<AggregateOp> MONOTONE_AGGREGATIONS =
            java.util.EnumSet.of(AggregateOp.SUM, AggregateOp.COUNT, AggregateOp.MAX);
}
