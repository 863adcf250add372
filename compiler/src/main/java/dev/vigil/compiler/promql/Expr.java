package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import java.util.List;

/**
 * A PromQL expression. Nodes are immutable records; their {@code equals} is structural because
 * {@link Span} compares equal to every span.
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
}
