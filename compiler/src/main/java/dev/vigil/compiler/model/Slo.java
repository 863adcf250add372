package dev.vigil.compiler.model;

import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service level objective as declared. The objective is the exact percentage written
 * ({@code 99.9}); windows are in milliseconds. {@code targets.slo} compiles it to burn-rate rules.
 */
public record Slo(String name, BigDecimal objectivePercent, Span objectiveSpan, long windowMillis, String description,
        Sli sli, List<String> groupBy, Span groupBySpan, Alerting alerting, Span span) {
    public Slo {
        groupBy = List.copyOf(groupBy);
    }

    /** Whether the objective lies strictly between 0% and 100%, so that there is a budget to burn. */
    public boolean objectiveInRange() {
        return objectivePercent != null && objectivePercent.signum() > 0
                && objectivePercent.compareTo(BigDecimal.valueOf(100)) < 0;
    }

    /**
     * The name of this SLO's burn-rate alert of {@code tier} in service {@code service}: service, SLO
     * and tier in camel case, {@code ShopAvailabilityBurnRatePage}.
     */
    public String alertName(String service, AlertWindows.Tier tier) {
        return camel(service) + camel(name) + "BurnRate" + camel(tier.id());
    }

    private static String camel(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(part.substring(0, 1).toUpperCase(java.util.Locale.ROOT)).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    /** The objective as a ratio: {@code 99.9%} is {@code 0.999}. */
    public BigDecimal target() {
        return objectivePercent.movePointLeft(2).stripTrailingZeros();
    }

    /** The error budget as a ratio: {@code 99.9%} leaves {@code 0.001}. Exact, never float noise. */
    public BigDecimal errorBudget() {
        return BigDecimal.ONE.subtract(objectivePercent.movePointLeft(2)).stripTrailingZeros();
    }

    public enum SliKind {
        EVENTS, LATENCY, AVAILABILITY, RATIO
    }

    /**
     * The SLI: its kind, its named queries (errors, good, total, bad, histogram, ratio) and its
     * settings. A latency SLI's {@code threshold} is in the histogram's unit (a duration is seconds).
     */
    public record Sli(SliKind kind, SortedMap<String, Expr> queries, BigDecimal threshold, Span thresholdSpan,
            Span span) {
        public Sli {
            queries = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(queries));
        }

        public Optional<Expr> query(String key) {
            return Optional.ofNullable(queries.get(key));
        }
    }

    /**
     * How an SLO alerts. A null tier is disabled ({@code page off}). Burn alerts stay quiet while the
     * request rate over the long window is under {@code minRate} per second, or the number of
     * requests in it is under {@code minEvents}; both are null when no guard is set.
     */
    public record Alerting(TierPolicy page, TierPolicy ticket, AlertWindows windows, BigDecimal minRate,
            BigDecimal minEvents, Span span) {
        public TierPolicy tier(AlertWindows.Tier tier) {
            return tier == AlertWindows.Tier.PAGE ? page : ticket;
        }
    }

    /** One alert tier: the severity its alert carries and how long the condition must hold. */
    public record TierPolicy(String severity, long forMillis) {
    }
}
