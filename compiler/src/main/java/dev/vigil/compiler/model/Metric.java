package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.List;

/**
 * A declared metric. When present, the type checker trusts its type and label names: {@code labels}
 * are on every series, {@code optionalLabels} on some only (an exporter writes them empty, which
 * Prometheus stores as absent, or leaves them off some series).
 */
public record Metric(String name, MetricType type, List<String> labels, List<String> optionalLabels, String unit,
        String help, List<BigDecimal> buckets, Span span) {
    public Metric {
        labels = List.copyOf(labels);
        optionalLabels = List.copyOf(optionalLabels);
        buckets = List.copyOf(buckets);
    }

    /** The histogram or summary a series belongs to: {@code x_bucket}, {@code x_count}, {@code x_sum} and {@code x} name {@code x}. */
    public static String baseName(String series) {
        for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
            if (series.endsWith(suffix)) {
                return series.substring(0, series.length() - suffix.length());
            }
        }
        return series;
    }
}
