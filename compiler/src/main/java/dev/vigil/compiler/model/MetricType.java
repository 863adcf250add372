package dev.vigil.compiler.model;

import java.util.Locale;
import java.util.Optional;

public enum MetricType {
    COUNTER,
    GAUGE,
    HISTOGRAM,
    SUMMARY,
    INFO;

    public static Optional<MetricType> parse(String text) {
        for (MetricType t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
