package dev.vigil.compiler.promql;

import java.util.Set;

/**
 * What a query's result does with the metric name ({@code __name__}), which promtool compares with
 * an expected sample's labels like any other label. Measured against promtool: selectors keep it;
 * {@code offset}/{@code @}, comparisons without {@code bool} (the vector side), {@code and} and
 * {@code unless} (the left side), {@code topk}/{@code bottomk}/{@code limitk}, {@code sort*},
 * {@code label_replace}/{@code label_join} and {@code last_over_time} pass it through; arithmetic,
 * {@code bool} comparisons, unary minus, other functions and other aggregations drop it.
 *
 * @param fate whether the result keeps the name
 * @param name the name it keeps, when a single one is known; else null
 */
public record ResultName(Fate fate, String name) {
    public enum Fate {
        KEPT, DROPPED, UNKNOWN
    }

    public static final ResultName DROPPED = new ResultName(Fate.DROPPED, null);
    public static final ResultName UNKNOWN = new ResultName(Fate.UNKNOWN, null);

    private static final Set<String> PASSING_FUNCTIONS = Set.of("sort", "sort_desc", "sort_by_label",
            "sort_by_label_desc", "label_replace", "label_join", "last_over_time", "first_over_time");

    public static ResultName of(Expr e) {
        if (e instanceof VectorSelector v) {
            return new ResultName(Fate.KEPT, v.name().orElse(null));
        }
        if (e instanceof Paren p) {
            return of(p.expr());
        }
        if (e instanceof OffsetExpr o) {
            return of(o.expr());
        }
        if (e instanceof AtExpr a) {
            return of(a.expr());
        }
        if (e instanceof MatrixSelector m) {
            return of(m.selector());
        }
        if (e instanceof NumberLiteral || e instanceof StringLiteral) {
            return DROPPED;
        }
        if (e instanceof Unary u) {
            return u.negative() ? DROPPED : UNKNOWN;
        }
        if (e instanceof Aggregation a) {
            return a.op() == AggregateOp.TOPK || a.op() == AggregateOp.BOTTOMK || a.op() == AggregateOp.LIMITK
                    || a.op() == AggregateOp.LIMIT_RATIO ? of(a.expr())
                    : DROPPED;
        }
        if (e instanceof Call c) {
            if (!PASSING_FUNCTIONS.contains(c.function())) {
                return Functions.get(c.function()).isPresent() ? DROPPED : UNKNOWN;
            }
            return c.args().isEmpty() ? UNKNOWN : of(c.args().get(0));
        }
        if (e instanceof Binary b) {
            return binary(b);
        }
        return UNKNOWN;
    }

    private static ResultName binary(Binary b) {
        if (b.op() == BinaryOp.AND || b.op() == BinaryOp.UNLESS) {
            return of(b.lhs());
        }
        if (b.op() == BinaryOp.OR) {
            ResultName l = of(b.lhs());
            ResultName r = of(b.rhs());
            if (l.fate == Fate.DROPPED && r.fate == Fate.DROPPED) {
                return DROPPED;
            }
            boolean same = l.fate == Fate.KEPT && r.fate == Fate.KEPT && l.name != null && l.name.equals(r.name);
            return same ? l : UNKNOWN;
        }
        if (b.op().isComparison() && !b.returnBool()) {
            ValueType lhs = PromqlChecker.typeOf(b.lhs());
            if (lhs == ValueType.VECTOR) {
                return of(b.lhs());
            }
            return lhs == ValueType.SCALAR && PromqlChecker.typeOf(b.rhs()) == ValueType.SCALAR ? DROPPED : UNKNOWN;
        }
        return DROPPED;
    }
}
