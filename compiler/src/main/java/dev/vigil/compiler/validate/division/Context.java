package dev.vigil.compiler.validate.division;

import dev.vigil.compiler.analysis.Sign;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.Unary;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What becomes of a node's value on its way to the rule's result: which comparison judges it (the
 * nearest one above it), through which affine change ({@code scale * v + shift}, exact while only
 * numbers are added and multiplied), and whether an aggregation that spreads NaN over its group
 * ({@code sum}, {@code avg}) stands between them.
 *
 * @param kind       how the value ends: stored by a recording rule, merely present (an alert without
 *                   comparison fires for every series; {@code count}, {@code and}'s right side and
 *                   {@code bool} look at presence only), or judged by a comparison
 * @param op         the comparison, with the judged value on its left
 * @param threshold  the other side when it is a number, else null
 * @param spreader   the aggregation that makes one NaN the group's, or null
 */
record Context(Kind kind, BinaryOp op, Double threshold, String thresholdText, double scale, double shift,
        boolean exact, String spreader) {

    enum Kind { STORED, PRESENCE, COMPARED }

    private static final Set<AggregateOp> SPREADING = Set.of(AggregateOp.SUM, AggregateOp.AVG, AggregateOp.STDDEV,
            AggregateOp.STDVAR);
    private static final Set<String> PRESENCE_CALLS = Set.of("absent", "absent_over_time", "present_over_time",
            "count_over_time", "timestamp");

    static Context root(boolean stored) {
        return new Context(stored ? Kind.STORED : Kind.PRESENCE, null, null, null, 1, 0, true, null);
    }

    private static Context presence() {
        return root(false);
    }

    /** The context of {@code child}, one of {@code parent}'s children. */
    Context child(Expr parent, Expr child, Map<String, Constant> constants) {
        if (parent instanceof Binary b) {
            return binary(b, child == b.lhs(), constants);
        }
        if (parent instanceof Unary u) {
            return u.negative() ? affine(-scale, shift) : this;
        }
        if (parent instanceof Aggregation a) {
            if (child == a.param() || a.op() == AggregateOp.COUNT || a.op() == AggregateOp.GROUP
                    || a.op() == AggregateOp.COUNT_VALUES) {
                return presence();
            }
            String spreads = SPREADING.contains(a.op()) && spreader == null
                    ? a.op().name().toLowerCase(Locale.ROOT) : spreader;
            return new Context(kind, op, threshold, thresholdText, scale, shift, false, spreads);
        }
        if (parent instanceof Call c) {
            return PRESENCE_CALLS.contains(c.function()) ? presence() : inexact();
        }
        return this;
    }

    private Context binary(Binary b, boolean left, Map<String, Constant> constants) {
        Expr other = left ? b.rhs() : b.lhs();
        Double k = Sign.number(other, constants);
        BinaryOp o = b.op();
        if (o.isComparison()) {
            if (b.returnBool()) {
                return presence();
            }
            // The nearest comparison decides: its kept side is the value, the other side is compared.
            BinaryOp judged = left ? o : o.mirrored();
            String text = k == null ? null : PromqlPrinter.print(Expr.unparen(other));
            return new Context(Kind.COMPARED, judged, k, text, 1, 0, k != null, null);
        }
        if (o == BinaryOp.AND || o == BinaryOp.UNLESS) {
            return left ? this : presence();
        }
        if (o == BinaryOp.OR) {
            return this;
        }
        if (k == null || !exact) {
            boolean flips = !left && (o == BinaryOp.SUB || o == BinaryOp.DIV);
            return new Context(kind, op, threshold, thresholdText, flips ? -scale : scale, shift, false, spreader);
        }
        return switch (o) {
            case ADD -> affine(scale, shift + scale * k);
            case SUB -> left ? affine(scale, shift - scale * k) : affine(-scale, shift + scale * k);
            case MUL -> k == 0 ? inexact() : affine(scale * k, shift);
            case DIV -> left && k != 0 ? affine(scale / k, shift)
                    : new Context(kind, op, threshold, thresholdText, -scale, shift, false, spreader);
            default -> inexact();
        };
    }

    private Context affine(double s, double t) {
        return new Context(kind, op, threshold, thresholdText, s, t, exact, spreader);
    }

    private Context inexact() {
        return new Context(kind, op, threshold, thresholdText, scale, shift, false, spreader);
    }

    /**
     * Whether {@code v} at the node passes the comparison. Without exact numbers, +Inf keeps its
     * direction and 0 (a clamped ratio's floor) stands below any threshold in it.
     */
    boolean passes(double v) {
        if (kind != Kind.COMPARED) {
            return false;
        }
        double value;
        double bound;
        if (exact && threshold != null) {
            value = Double.isInfinite(v) ? Math.copySign(Double.POSITIVE_INFINITY, scale) : scale * v + shift;
            bound = threshold;
        } else {
            value = Double.isNaN(v) ? Double.NaN : Double.isInfinite(v) ? Math.copySign(v, scale) : -Math.signum(scale);
            bound = 0;
        }
        return switch (op) {
            case GTR -> value > bound;
            case GTE -> value >= bound;
            case LSS -> value < bound;
            case LTE -> value <= bound;
            case EQL -> value == bound;
            case NEQ -> value != bound;
            default -> false;
        };
    }

    /** The comparison as the message quotes it: {@code `> 0.9`}, or "the comparison". */
    String comparison() {
        if (thresholdText == null) {
            return "the comparison";
        }
        boolean plain = exact && scale == 1 && shift == 0;
        return plain ? "`" + op.symbol() + " " + thresholdText + "`" : "the comparison with `" + thresholdText + "`";
    }
}
