package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import java.util.List;

/**
 * An instant vector selector: {@code metric{label="v"}}. {@code metricName} is null when no name was
 * written before the braces; a quoted name inside the braces ({@code {"my.metric"}}) is stored here too.
 * A {@code __name__} matcher stays a matcher.
 */
public record VectorSelector(String metricName, List<LabelMatcher> matchers, Span span) implements Expr {
    public VectorSelector {
        matchers = List.copyOf(matchers);
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }
}
