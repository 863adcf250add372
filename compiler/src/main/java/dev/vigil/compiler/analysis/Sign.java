package dev.vigil.compiler.analysis;

import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.AtExpr;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What can be proven about the sign of a query's values: enough to tell whether a denominator can be
 * zero. {@link #POSITIVE} and {@link #NONZERO} are proofs; {@link #ZERO} is a literal zero;
 * {@link #UNKNOWN} is everything else.
 */
public enum Sign {
    POSITIVE,
    NONZERO,
    ZERO,
    UNKNOWN;

    public boolean nonZero() {
        return this == POSITIVE || this == NONZERO;
    }

    /** The sign of {@code e}, with {@code $constants} read from {@code constants} (may be empty). */
    public static Sign of(Expr e, Map<String, Constant> constants) {
        return new Prover(constants == null ? Map.of() : constants).sign(e, 0);
    }

    /** The number {@code e} stands for when it is a literal or a number constant, else null. */
    public static Double number(Expr e, Map<String, Constant> constants) {
        Expr s = Expr.unparen(e);
        if (s instanceof NumberLiteral n) {
            return n.value();
        }
        if (s instanceof Unary u && Expr.unparen(u.expr()) instanceof NumberLiteral n) {
            return u.negative() ? -n.value() : n.value();
        }
        if (s instanceof ConstRef c && constants != null && constants.get(c.name()) != null
                && constants.get(c.name()).value() instanceof Value.NumberValue v) {
            return v.value().doubleValue();
        }
        if (s instanceof Binary b && !b.op().isComparison()) {
            // Arithmetic of numbers, such as the 2 ^ 16 - 1 of a port range. The left spine of a chain
            // (`x + x + ...`, thousands long) is walked with a loop, not recursion, from its first operand up.
            List<Binary> spine = new ArrayList<>();
            Expr left = s;
            while (left instanceof Binary lb && !lb.op().isComparison()) {
                spine.add(lb);
                left = Expr.unparen(lb.lhs());
            }
            Double value = number(left, constants);
            for (int i = spine.size() - 1; i >= 0 && value != null; i--) {
                value = apply(spine.get(i).op(), value, number(spine.get(i).rhs(), constants));
            }
            return value;
        }
        return null;
    }

    private static Double apply(BinaryOp op, double l, Double r) {
        if (r == null) {
            return null;
        }
        return switch (op) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / r;
            case POW -> Math.pow(l, r);
            default -> null;
        };
    }

    private static Sign ofNumber(double v) {
        if (Double.isNaN(v)) {
            return UNKNOWN;
        }
        return v > 0 ? POSITIVE : v < 0 ? NONZERO : ZERO;
    }

    private record Prover(Map<String, Constant> constants) {
        private static final int MAX_DEPTH = 200;

        Sign sign(Expr e, int depth) {
            if (e == null || depth > MAX_DEPTH) {
                return UNKNOWN;
            }
            Double n = number(e, constants);
            if (n != null) {
                return ofNumber(n);
            }
            if (e instanceof Paren p) {
                return sign(p.expr(), depth + 1);
            }
            if (e instanceof OffsetExpr o) {
                return sign(o.expr(), depth + 1);
            }
            if (e instanceof AtExpr a) {
                return sign(a.expr(), depth + 1);
            }
            if (e instanceof Unary u) {
                Sign s = sign(u.expr(), depth + 1);
                return u.negative() && s == POSITIVE ? NONZERO : s;
            }
            if (e instanceof Call c) {
                return call(c, depth);
            }
            if (e instanceof Aggregation a) {
                Sign in = sign(a.expr(), depth + 1);
                return switch (a.op()) {
                    case COUNT, COUNT_VALUES, GROUP -> POSITIVE; // never 0 for a series that is present
                    case SUM, AVG, QUANTILE -> in == POSITIVE ? POSITIVE : UNKNOWN;
                    case MIN, MAX, TOPK, BOTTOMK, LIMITK, LIMIT_RATIO -> in.nonZero() ? in : UNKNOWN;
                    default -> UNKNOWN;
                };
            }
            if (e instanceof Binary b) {
                return binary(b, depth);
            }
            return UNKNOWN;
        }

        private Sign call(Call c, int depth) {
            java.util.List<Expr> args = c.args();
            Sign first = args.isEmpty() ? UNKNOWN : sign(args.get(0), depth + 1);
            switch (c.function()) {
                case "clamp_min":
                    return args.size() == 2 && sign(args.get(1), depth + 1) == POSITIVE ? POSITIVE : first;
                case "clamp":
                    if (args.size() == 3 && sign(args.get(1), depth + 1) == POSITIVE) {
                        return POSITIVE;
                    }
                    if (args.size() == 3) {
                        Double hi = number(args.get(2), constants);
                        if (hi != null && hi < 0) {
                            return NONZERO;
                        }
                    }
                    return first.nonZero() ? first : UNKNOWN;
                case "clamp_max":
                    if (args.size() == 2) {
                        Double hi = number(args.get(1), constants);
                        if (hi != null && hi < 0) {
                            return NONZERO;
                        }
                    }
                    return first == NONZERO ? NONZERO : UNKNOWN;
                case "abs":
                    return first.nonZero() ? POSITIVE : UNKNOWN;
                case "exp", "time", "absent", "absent_over_time", "count_over_time", "present_over_time", "pi":
                    return POSITIVE;
                case "vector", "sort", "sort_desc", "sort_by_label", "sort_by_label_desc", "label_replace",
                        "label_join", "timestamp":
                    return "timestamp".equals(c.function()) ? POSITIVE : first == ZERO ? UNKNOWN : first;
                default:
                    return UNKNOWN;
            }
        }

        private Sign binary(Binary b, int depth) {
            BinaryOp op = b.op();
            if (op.isComparison()) {
                if (b.returnBool()) {
                    return UNKNOWN;
                }
                // A filter keeps the vector side's values; with a number on the other side, the
                // comparison itself may rule 0 out.
                Double rhs = number(b.rhs(), constants);
                Double lhs = number(b.lhs(), constants);
                if (rhs != null && lhs == null) {
                    return strongest(sign(b.lhs(), depth + 1), filtered(op, rhs));
                }
                if (lhs != null && rhs == null) {
                    return strongest(sign(b.rhs(), depth + 1), filtered(op.mirrored(), lhs));
                }
                return nonZeroOnly(sign(b.lhs(), depth + 1));
            }
            Sign l = sign(b.lhs(), depth + 1);
            if (op == BinaryOp.AND || op == BinaryOp.UNLESS) {
                return nonZeroOnly(l);
            }
            Sign r = sign(b.rhs(), depth + 1);
            return switch (op) {
                case OR -> l == POSITIVE && r == POSITIVE ? POSITIVE : l.nonZero() && r.nonZero() ? NONZERO : UNKNOWN;
                case ADD -> l == POSITIVE && r == POSITIVE ? POSITIVE : UNKNOWN;
                case MUL, DIV -> l == POSITIVE && r == POSITIVE ? POSITIVE : l.nonZero() && r.nonZero() ? NONZERO : UNKNOWN;
                default -> UNKNOWN;
            };
        }

        private static Sign nonZeroOnly(Sign s) {
            return s.nonZero() ? s : UNKNOWN;
        }

        private static Sign strongest(Sign a, Sign b) {
            if (a == POSITIVE || b == POSITIVE) {
                return POSITIVE;
            }
            return a == NONZERO || b == NONZERO ? NONZERO : UNKNOWN;
        }

        /** What {@code x op c} proves about the kept values of {@code x}. */
        private static Sign filtered(BinaryOp op, double c) {
            return switch (op) {
                case GTR -> c >= 0 ? POSITIVE : UNKNOWN;
                case GTE -> c > 0 ? POSITIVE : UNKNOWN;
                case LSS -> c <= 0 ? NONZERO : UNKNOWN;
                case LTE -> c < 0 ? NONZERO : UNKNOWN;
                case NEQ -> c == 0 ? NONZERO : UNKNOWN;
                case EQL -> c > 0 ? POSITIVE : c < 0 ? NONZERO : UNKNOWN;
                default -> UNKNOWN;
            };
        }
    }
}
