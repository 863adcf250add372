package dev.vigil.targets;

import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.Unary;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The threshold an alert fires at, read from the top-level comparison of its expression:
 * {@code X > 4}, {@code X < $floor}, also inside {@code (X > 4) and on() guard}. Runbooks print it
 * and dashboards draw it, both from the one expression, so neither can drift from the alert.
 */
public record AlertThreshold(BinaryOp op, BigDecimal value, boolean valueOnLeft) {
    /** The comparison as a reader sees it from the query's side, e.g. {@code > 4}. */
    public String text() {
        BinaryOp shown = valueOnLeft ? mirrored(op) : op;
        return shown.symbol() + " " + QueryText.number(value);
    }

    /** True when the alert fires above the threshold (`>`, `>=`), false below (`<`, `<=`). */
    public boolean firesAbove() {
        BinaryOp shown = valueOnLeft ? mirrored(op) : op;
        return shown == BinaryOp.GTR || shown == BinaryOp.GTE;
    }

    public static Optional<AlertThreshold> of(Expr expr, Map<String, Constant> constants) {
        Expr e = unwrap(expr);
        if (e instanceof Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.UNLESS)) {
            return of(b.lhs(), constants);
        }
        if (!(e instanceof Binary b) || !b.op().isComparison() || b.returnBool()) {
            return Optional.empty();
        }
        Optional<BigDecimal> right = scalar(b.rhs(), constants);
        if (right.isPresent()) {
            return Optional.of(new AlertThreshold(b.op(), right.get(), false));
        }
        return scalar(b.lhs(), constants).map(v -> new AlertThreshold(b.op(), v, true));
    }

    private static Expr unwrap(Expr e) {
        Expr cur = e;
        while (cur instanceof Paren p) {
            cur = p.expr();
        }
        return cur;
    }

    private static Optional<BigDecimal> scalar(Expr e, Map<String, Constant> constants) {
        Expr u = unwrap(e);
        if (u instanceof NumberLiteral n && Double.isFinite(n.value())) {
            return Optional.of(new BigDecimal(n.text().toLowerCase().startsWith("0x")
                    ? String.valueOf((long) n.value()) : plain(n)));
        }
        if (u instanceof Unary un && un.negative()) {
            return scalar(un.expr(), constants).map(BigDecimal::negate);
        }
        if (u instanceof ConstRef c && constants.get(c.name()) != null
                && constants.get(c.name()).value() instanceof Value.NumberValue n) {
            return Optional.of(n.value());
        }
        return Optional.empty();
    }

    private static String plain(NumberLiteral n) {
        try {
            return new BigDecimal(n.text()).toPlainString();
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(n.value()).toPlainString();
        }
    }

    private static BinaryOp mirrored(BinaryOp op) {
        return switch (op) {
            case GTR -> BinaryOp.LSS;
            case LSS -> BinaryOp.GTR;
            case GTE -> BinaryOp.LTE;
            case LTE -> BinaryOp.GTE;
            default -> op;
        };
    }
}
