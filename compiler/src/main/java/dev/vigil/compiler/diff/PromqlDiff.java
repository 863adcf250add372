package dev.vigil.compiler.diff;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.DurationLiteral;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.Subquery;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * PromQL compared as parsed trees, not as text: constants are substituted, parentheses dropped
 * (the tree already says what they grouped), and literals spelled canonically ({@code 1h} and
 * {@code 60m} are one window). What differs is reported as the smallest differing subexpressions,
 * such as {@code rate(x[5m]) → rate(x[10m])}.
 */
public final class PromqlDiff {
    /** Stands for an unchanged operand when only the operator around it changed. */
    private static final VectorSelector HOLE = new VectorSelector("…", List.of(), Span.NONE);

    private PromqlDiff() {
    }

    /** One changed subexpression, as text. */
    public record Piece(String before, String after) {
        @Override
        public String toString() {
            return before + " → " + after;
        }
    }

    /**
     * {@code expr} with its constants substituted and in canonical form; null stays null. Grafana
     * variables ({@code dashboardVariables}) stay as written.
     */
    public static Expr normalize(Expr expr, Map<String, Constant> constants, Set<String> dashboardVariables) {
        if (expr == null) {
            return null;
        }
        Expr substituted = expr;
        try {
            String text = QueryText.of(expr, constants, dashboardVariables);
            substituted = PromqlParser.parse(text, new DiagnosticSink()).orElse(expr);
        } catch (IllegalStateException unresolved) {
            // A constant the other side lacks cannot be here (both sides compiled); keep the tree as it is.
        }
        return canonical(substituted);
    }

    private static Expr canonical(Expr e) {
        return Structural.transform(e, v -> {
            if (v instanceof Paren p) {
                return canonical(p.expr());
            }
            if (v instanceof NumberLiteral n) {
                return NumberLiteral.of(n.value(), Span.NONE);
            }
            if (v instanceof DurationLiteral d) {
                return DurationLiteral.of(d.millis(), Span.NONE);
            }
            return v instanceof Span ? Span.NONE : null;
        });
    }

    /** The changed subexpressions between two normalized trees, in source order; empty when equal. */
    public static List<Piece> diff(Expr before, Expr after) {
        List<Piece> out = new ArrayList<>();
        if (before == null || after == null) {
            if (before != after) {
                out.add(new Piece(print(before), print(after)));
            }
            return out;
        }
        walk(before, after, null, null, out);
        return out;
    }

    private static void walk(Expr a, Expr b, Expr parentA, Expr parentB, List<Piece> out) {
        if (a.equals(b)) {
            return;
        }
        List<Expr> ca = a.children();
        List<Expr> cb = b.children();
        boolean sameShape = a.getClass() == b.getClass() && ca.size() == cb.size();
        if (sameShape && elided(a).equals(elided(b))) {
            for (int i = 0; i < ca.size(); i++) {
                walk(ca.get(i), cb.get(i), a, b, out);
            }
            return;
        }
        if ((a instanceof MatrixSelector || a instanceof Subquery) && parentA instanceof Call
                && parentB instanceof Call) {
            // A window reads best in its function: `rate(x[5m]) → rate(x[10m])`.
            out.add(new Piece(print(parentA), print(parentB)));
        } else if (sameShape && ca.equals(cb) && !ca.isEmpty()) {
            out.add(new Piece(holes(print(elided(a))), holes(print(elided(b)))));
        } else {
            out.add(new Piece(print(a), print(b)));
        }
    }

    /** {@code e} with each direct operand replaced by {@code …}: the node's own part. */
    private static Expr elided(Expr e) {
        List<Expr> children = e.children();
        if (children.isEmpty()) {
            return e;
        }
        return Structural.transform(e, v -> v != e && children.stream().anyMatch(c -> c == v) ? HOLE : null);
    }

    /** The printer quotes the hole's name as it would any name that is no identifier. */
    private static String holes(String text) {
        return text.replace("{\"…\"}", "…");
    }

    /** The tree as PromQL text; null is {@code none}. */
    public static String print(Expr e) {
        return e == null ? "none" : PromqlPrinter.print(e);
    }

    /**
     * {@code alert} with the comparison its threshold is read from (through {@code and}/{@code
     * unless} left sides, as {@link dev.vigil.compiler.model.AlertThreshold} reads it) rebuilt by
     * {@code rebuild}; other trees unchanged.
     */
    static Expr withComparison(Expr alert, UnaryOperator<Binary> rebuild) {
        if (alert instanceof Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.UNLESS)) {
            return new Binary(b.op(), withComparison(b.lhs(), rebuild), b.rhs(), b.returnBool(), b.matching(),
                    b.span());
        }
        if (alert instanceof Binary b && b.op().isComparison() && !b.returnBool()) {
            return rebuild.apply(b);
        }
        return alert;
    }

    /** The comparison an alert's threshold is read from, or null. */
    static Binary comparison(Expr alert) {
        Binary[] found = new Binary[1];
        withComparison(alert, b -> {
            found[0] = b;
            return b;
        });
        return found[0];
    }

    /** Whether {@code e} holds no series: a number, or arithmetic over numbers. */
    static boolean scalarOnly(Expr e) {
        boolean[] series = new boolean[1];
        Expr.walk(e, x -> series[0] |= x instanceof VectorSelector || x instanceof Call);
        return !series[0];
    }
}
