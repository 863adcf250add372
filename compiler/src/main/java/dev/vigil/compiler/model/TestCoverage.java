package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code settings { test_coverage ... }} requires of a project's tests: the least share of
 * coverage points ({@code minimumPercent}, null when nothing is required) over the kinds of object
 * that count. {@code vigil test} fails below it; {@code --min-coverage} and the Maven goal's
 * {@code minCoverage} replace the minimum for one run. The spans locate the settings, or are null.
 */
public record TestCoverage(BigDecimal minimumPercent, Span minimumSpan, Set<Kind> kinds, Span kindsSpan) {
    /** Nothing required; every kind counts. */
    public static final TestCoverage NONE = new TestCoverage(null, null, EnumSet.allOf(Kind.class), null);

    /** The kinds of object coverage reports on, named as {@code test_coverage_kinds} names them. */
    public enum Kind {
        ALERTS("alerts"), ROUTES("routes"), INHIBITIONS("inhibitions"), RECORDING_RULES("recording_rules"),
        SLOS("slos");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }

        public static Optional<Kind> of(String keyword) {
            for (Kind k : values()) {
                if (k.keyword.equals(keyword)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public TestCoverage {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** Whether a minimum is required at all. */
    public boolean required() {
        return minimumPercent != null;
    }

    /** This requirement with another minimum (null for none), as a build tool sets it; the kinds stay. */
    public TestCoverage withMinimum(BigDecimal percent) {
        return new TestCoverage(percent, null, kinds, kindsSpan);
    }
}
