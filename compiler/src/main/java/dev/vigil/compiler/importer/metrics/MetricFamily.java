package dev.vigil.compiler.importer.metrics;

import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

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

    /**
     * This metric with the labels {@code optional} names moved to its optional ones: labels other hosts
     * write empty or leave off, which one page cannot show. An entry is a label name, for every metric,
     * or {@code metric:label}, for one (split at the last colon: a label name has none).
     */
    public MetricFamily withOptional(Set<String> optional) {
        if (optional.isEmpty()) {
            return this;
        }
        Predicate<String> some = l -> optional.contains(l) || optional.contains(name + ":" + l);
        TreeSet<String> moved = new TreeSet<>(optionalLabels);
        labels.stream().filter(some).forEach(moved::add);
        return new MetricFamily(name, type, help, unit, labels.stream().filter(some.negate()).toList(),
                List.copyOf(moved), span);
    }
}
