package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.Unary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;

/**
 * Where an alert fires, read from the top-level comparison of its {@code when} query: {@code X > 4}
 * fires {@link Direction#ABOVE} 4, {@code X < $floor} {@link Direction#BELOW} the constant's value.
 * {@code 4 < X} is read as {@code X > 4}. Parentheses are looked through, and so is the left side of
 * {@code and}/{@code unless}, whose values are what the alert fires with ({@code (X > 4) and on() guard}).
 * {@code ==} and {@code !=} give a threshold with no direction; {@code bool}, {@code or} or no scalar
 * side give none.
 */
public record AlertThreshold(BigDecimal value, BinaryOp op) {
    public enum Direction {
        /** {@code >} and {@code >=}: the alert fires at high values. */
        ABOVE,
        /** {@code <} and {@code <=}: the alert fires at low values. */
        BELOW
    }

    /** Which side of the value fires; empty for {@code ==} and {@code !=}, which mark no region. */
    public Optional<Direction> direction() {
        return direction(op);
    }

    /** The comparison as read from the query's side, e.g. {@code > 4}: runbooks print this. */
    public String text() {
        return op.symbol() + " " + QueryText.number(value);
    }

    public static Optional<AlertThreshold> of(Expr when, Map<String, Constant> constants) {
        Expr e = when;
        while (true) {
            if (e instanceof Paren p) {
                e = p.expr();
            } else if (e instanceof Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.UNLESS)) {
                e = b.lhs();
            } else {
                break;
            }
        }
        if (!(e instanceof Binary b) || !b.op().isComparison() || b.returnBool()) {
            return Optional.empty();
        }
        Optional<BigDecimal> right = scalar(b.rhs(), constants);
        Optional<BigDecimal> left = scalar(b.lhs(), constants);
        if (right.isPresent() == left.isPresent()) {
            return Optional.empty();
        }
        if (right.isPresent()) {
            return Optional.of(new AlertThreshold(right.get(), b.op()));
        }
        // The scalar is on the left: `4 < X` is `X > 4`.
        return Optional.of(new AlertThreshold(left.get(), b.op().mirrored()));
    }

    /**
     * The threshold a panel's {@code thresholds from} draws: one with a direction, since {@code ==} and
     * {@code !=} mark no region of the scale. Empty when the alert's condition has none.
     */
    public static Optional<AlertThreshold> drawable(Expr when, Map<String, Constant> constants) {
        return of(when, constants).filter(t -> t.direction().isPresent());
    }

    private static Optional<Direction> direction(BinaryOp op) {
        return switch (op) {
            case GTR, GTE -> Optional.of(Direction.ABOVE);
            case LSS, LTE -> Optional.of(Direction.BELOW);
            default -> Optional.empty();
        };
    }

    /** The value of a side that is a number: literals, constants, and arithmetic over them. */
    static Optional<BigDecimal> scalar(Expr e, Map<String, Constant> constants) {
        if (e instanceof NumberLiteral n) {
            return literal(n);
        }
        if (e instanceof ConstRef c) {
            Constant constant = constants.get(c.name());
            if (constant == null) {
                return Optional.empty();
            }
            // Only numbers can be operands; the compiler rejects other constants there.
            return constant.value() instanceof Value.NumberValue v ? Optional.of(v.value()) : Optional.empty();
        }
        if (e instanceof Paren p) {
            return scalar(p.expr(), constants);
        }
        if (e instanceof Unary u) {
            return scalar(u.expr(), constants).map(v -> u.negative() ? v.negate() : v);
        }
        if (e instanceof Binary b) {
            Optional<BigDecimal> l = scalar(b.lhs(), constants);
            Optional<BigDecimal> r = scalar(b.rhs(), constants);
            if (l.isEmpty() || r.isEmpty()) {
                return Optional.empty();
            }
            return switch (b.op()) {
                case ADD -> Optional.of(l.get().add(r.get()));
                case SUB -> Optional.of(l.get().subtract(r.get()));
                case MUL -> Optional.of(l.get().multiply(r.get()));
                case DIV -> r.get().signum() == 0 ? Optional.empty()
                        : Optional.of(l.get().divide(r.get(), MathContext.DECIMAL64));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** The literal as written when that is a decimal ({@code 0.1} stays exact), else its double value. */
    private static Optional<BigDecimal> literal(NumberLiteral n) {
        try {
            return Optional.of(new BigDecimal(n.text()));
        } catch (NumberFormatException notDecimal) {
            // Hex, durations (`5m` is 300) and Inf/NaN; the last have no place on a scale.
            return Double.isFinite(n.value()) ? Optional.of(BigDecimal.valueOf(n.value())) : Optional.empty();
        }
    }
}
