package dev.vigil.compiler.model;

import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A rule unit test, compiled to promtool's test format. Times are offsets from the start, in milliseconds. */
public record TestCase(String name, long intervalMillis, List<InputSeries> series, List<Expectation> expectations,
        Origin origin, Span span) {
    public TestCase {
        series = List.copyOf(series);
        expectations = List.copyOf(expectations);
        origin = origin == null ? Origin.WRITTEN : origin;
    }

    /** A test as written. */
    public TestCase(String name, long intervalMillis, List<InputSeries> series, List<Expectation> expectations,
            Span span) {
        this(name, intervalMillis, series, expectations, Origin.WRITTEN, span);
    }

    /** A series and its values in promtool's expanding notation ({@code 0+10x20}). */
    public record InputSeries(VectorSelector selector, String values, Span span) {
    }

    public sealed interface Expectation {
        long atMillis();

        Span span();
    }

    /**
     * The alert fires at that time with these labels and annotations; {@code firing} false means it
     * must not. {@code value} is the query value then (null when not given), which renders `$value`.
     */
    public record AlertExpectation(long atMillis, Ref alert, boolean firing, SortedMap<String, String> labels,
            BigDecimal value, SortedMap<String, String> annotations, Span span) implements Expectation {
        public AlertExpectation {
            labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            annotations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
        }
    }

    /** The expression evaluates to exactly these samples (none for {@code is empty}). */
    public record ValueExpectation(long atMillis, Expr expr, List<ExpectedSample> samples, Span span)
            implements Expectation {
        public ValueExpectation {
            samples = List.copyOf(samples);
        }
    }

    public record ExpectedSample(VectorSelector labels, BigDecimal value, Span span) {
    }
}
