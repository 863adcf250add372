package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A PromQL expression. Nodes are immutable records whose {@code equals} is structural: each node
 * delegates to {@link dev.vigil.compiler.source.Structural}, which leaves spans out, so the same
 * query written in two places compares equal.
 *
 * <p>Modifiers are separate wrapper nodes rather than fields of the selectors, so that the tree keeps
 * the order they were written in and prints back the same: {@link OffsetExpr} ({@code offset}),
 * {@link AtExpr} ({@code @}) and {@link RangeModifierExpr} ({@code anchored}, {@code smoothed}).
 * Which operands they may wrap is checked by {@link PromqlChecker}.
 */
public sealed interface Expr
        permits NumberLiteral, StringLiteral, VectorSelector, MatrixSelector, Subquery, OffsetExpr, AtExpr,
        RangeModifierExpr, Call, Aggregation, Binary, Unary, Paren, ConstRef {

    Span span();

    /** The direct sub-expressions, in source order. */
    List<Expr> children();

    /** Visits {@code root} and every sub-expression, parents first and in source order, without recursion. */
    static void walk(Expr root, Consumer<Expr> visit) {
        if (root == null) {
            return;
        }
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            visit.accept(e);
            List<Expr> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                if (children.get(i) != null) {
                    todo.push(children.get(i));
                }
            }
        }
    }

    /** {@code e} without the parentheses around it. */
    static Expr unparen(Expr e) {
        Expr cur = e;
        while (cur instanceof Paren p) {
            cur = p.expr();
        }
        return cur;
    }
}
