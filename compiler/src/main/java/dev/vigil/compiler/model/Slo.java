package dev.vigil.compiler.model;

import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service level objective as declared. The objective is the exact percentage written
 * ({@code 99.9}); windows are in milliseconds. Compilation to burn-rate rules lives in its own stage.
 */
public record Slo(String name, BigDecimal objectivePercent, long windowMillis, String description, Sli sli,
        List<String> groupBy, SortedMap<String, String> alerting, Span span) {
    public Slo {
        groupBy = List.copyOf(groupBy);
        alerting = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(alerting));
    }

    public enum SliKind {
        EVENTS, LATENCY, AVAILABILITY, RATIO
    }

    /** The SLI: its kind, its named queries (errors, total, good, ratio ...) and its settings. */
    public record Sli(SliKind kind, SortedMap<String, Expr> queries, SortedMap<String, String> settings, Span span) {
        public Sli {
            queries = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(queries));
            settings = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings));
        }
    }
}
