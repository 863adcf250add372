package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;

/**
 * A duration inside {@code [...]} or after {@code offset}: a literal, a constant, or (Prometheus's
 * experimental duration expressions) arithmetic over them with {@code step()}, {@code range()},
 * {@code min_of} and {@code max_of}.
 */
public sealed interface DurationExpr
        permits DurationLiteral, DurationRef, DurationUnary, DurationBinary, DurationCall, DurationParen {

    Span span();
}
