package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A table of multi-window, multi-burn-rate alert windows. Each row says: alert at tier {@code tier}
 * when the error ratio over both the long and the short window exceeds {@code factor} times the
 * error budget. A row gives either the share of the budget its long window may spend (which scales
 * with the SLO window, as in the SRE Workbook and Sloth) or a fixed factor.
 */
public record AlertWindows(String name, List<Row> rows, Span span) {
    public AlertWindows {
        rows = List.copyOf(rows);
    }

    public enum Tier {
        PAGE, TICKET;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Exactly one of {@code budgetPercent} and {@code factor} is set. */
    public record Row(Tier tier, long longMillis, long shortMillis, BigDecimal budgetPercent, BigDecimal fixedFactor,
            Span span) {
        /**
         * The burn-rate factor for an SLO window: {@code budget% × window / long window}, exact when
         * the division terminates (14.4 for 2% in 1h of 30d), else rounded to six significant digits.
         */
        public BigDecimal factor(long sloWindowMillis) {
            if (fixedFactor != null) {
                return fixedFactor.stripTrailingZeros();
            }
            BigDecimal numerator = budgetPercent.multiply(BigDecimal.valueOf(sloWindowMillis));
            BigDecimal denominator = BigDecimal.valueOf(longMillis).multiply(BigDecimal.valueOf(100));
            try {
                return numerator.divide(denominator).stripTrailingZeros();
            } catch (ArithmeticException nonTerminating) {
                return numerator.divide(denominator, new MathContext(6)).stripTrailingZeros();
            }
        }

        /**
         * Whether the row makes sense for an SLO window: the short window is shorter than the long one,
         * a fixed factor is positive, and neither window outlasts the SLO's.
         */
        public boolean validFor(long sloWindowMillis) {
            return shortMillis < longMillis && (fixedFactor == null || fixedFactor.signum() > 0)
                    && (budgetPercent == null || budgetPercent.signum() > 0)
                    && Math.max(longMillis, shortMillis) <= sloWindowMillis;
        }

        /** The share of the budget the long window spends at this factor, in percent of the budget. */
        public BigDecimal budgetSpentPercent(long sloWindowMillis) {
            if (budgetPercent != null) {
                return budgetPercent.stripTrailingZeros();
            }
            BigDecimal spent = fixedFactor.multiply(BigDecimal.valueOf(longMillis)).multiply(BigDecimal.valueOf(100));
            try {
                return spent.divide(BigDecimal.valueOf(sloWindowMillis)).stripTrailingZeros();
            } catch (ArithmeticException nonTerminating) {
                return spent.divide(BigDecimal.valueOf(sloWindowMillis), new MathContext(4)).stripTrailingZeros();
            }
        }
    }

    /**
     * A window in one unit, days at most ({@code 30d}, {@code 6h}, {@code 90s}): the form in rule
     * names ({@code ratio_rate30d}), where {@code 4w2d} would be hard to read.
     */
    public static String format(long millis) {
        long[] units = {24 * HOUR, HOUR, MINUTE, 1000, 1};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (millis % units[i] == 0) {
                return (millis / units[i]) + names[i];
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    /** The SRE Workbook's policy (chapter 5, table 5-8), also Sloth's and Pyrra's default. */
    public static final AlertWindows SRE_WORKBOOK = new AlertWindows("sre_workbook", List.of(
            new Row(Tier.PAGE, HOUR, 5 * MINUTE, new BigDecimal("2"), null, Span.NONE),
            new Row(Tier.PAGE, 6 * HOUR, 30 * MINUTE, new BigDecimal("5"), null, Span.NONE),
            new Row(Tier.TICKET, 24 * HOUR, 2 * HOUR, new BigDecimal("10"), null, Span.NONE),
            new Row(Tier.TICKET, 72 * HOUR, 6 * HOUR, new BigDecimal("10"), null, Span.NONE)), Span.NONE);
}
