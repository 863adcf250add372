package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.List;

/** A declared metric. When present, the type checker trusts its type and label names. */
public record Metric(String name, MetricType type, List<String> labels, String unit, String help,
        List<BigDecimal> buckets, Span span) {
    public Metric {
        labels = List.copyOf(labels);
        buckets = List.copyOf(buckets);
    }
}
