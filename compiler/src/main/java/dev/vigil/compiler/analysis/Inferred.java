package dev.vigil.compiler.analysis;

import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.promql.ValueType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What inference knows about one expression: its value type (as {@link
 * dev.vigil.compiler.promql.PromqlChecker#typeOf} gives it), the labels of its series, the metric
 * type of the series it passes through unchanged ({@code kind}: a counter for {@code x} and
 * {@code x[5m]}, null once a function or operator computes new values), and the declared metric
 * types of every selector it reads ({@code reads}).
 */
public record Inferred(ValueType type, LabelSet labels, MetricType kind, Set<MetricType> reads) {
    public Inferred {
        reads = reads.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reads));
    }

    public static Inferred scalar() {
        return new Inferred(ValueType.SCALAR, LabelSet.EMPTY, null, Set.of());
    }

    public boolean readsCounter() {
        return reads.contains(MetricType.COUNTER);
    }

    public boolean readsHistogram() {
        return reads.contains(MetricType.HISTOGRAM);
    }
}
