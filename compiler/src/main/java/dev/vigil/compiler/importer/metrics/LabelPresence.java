package dev.vigil.compiler.importer.metrics;

import dev.vigil.compiler.model.MetricType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which label names every series of a metric carries, and which only some. A label written empty
 * ({@code device_error=""}) is one Prometheus stores as absent, so it counts as missing from that
 * series: a declaration that promised it on every series would let the checks conclude joins that
 * production never makes.
 */
final class LabelPresence {
    private int series;
    /** Each label name seen, and on how many series it has a value. */
    private final Map<String, Integer> valued = new TreeMap<>();

    void add(Collection<String> withValue, Collection<String> empty) {
        series++;
        withValue.forEach(l -> valued.merge(l, 1, Integer::sum));
        empty.forEach(l -> valued.putIfAbsent(l, 0));
    }

    /** The labels on every series, without those the type implies. */
    List<String> every(MetricType type) {
        return valued.entrySet().stream().filter(e -> e.getValue() == series && !implied(e.getKey(), type))
                .map(Map.Entry::getKey).toList();
    }

    /** The labels on some series only, without those the type implies. */
    List<String> some(MetricType type) {
        return valued.entrySet().stream().filter(e -> e.getValue() < series && !implied(e.getKey(), type))
                .map(Map.Entry::getKey).toList();
    }

    /** A histogram's {@code le} and a summary's {@code quantile}, which its {@code _sum} and {@code _count} lack. */
    private static boolean implied(String label, MetricType type) {
        return label.equals("le") && type == MetricType.HISTOGRAM
                || label.equals("quantile") && type == MetricType.SUMMARY;
    }
}
