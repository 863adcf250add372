package dev.vigil.compiler.importer.metrics;

import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.source.Span;
import java.util.List;

/**
 * A metric as an exporter or a Prometheus server describes it: the name a query reads (a counter's
 * {@code _total} series, a histogram's or summary's base name), its type, help, unit, and the sorted
 * label names its series carry, without the labels the type implies ({@code le}, {@code quantile}):
 * {@code labels} on every series, {@code optionalLabels} on some only. {@code span} is where it was
 * read, for diagnostics.
 */
public record MetricFamily(String name, MetricType type, String help, String unit, List<String> labels,
        List<String> optionalLabels, Span span) {
    public MetricFamily {
        labels = List.copyOf(labels);
        optionalLabels = List.copyOf(optionalLabels);
    }
}
