package dev.vigil.compiler.target;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.Set;

/**
 * The text of the {@code le} and {@code quantile} labels, which hold numbers. Exporters write them
 * as Go does ({@code 1}, {@code 0.005}, {@code 1e-05}, {@code +Inf}) and Prometheus 2 stores what
 * they wrote; Prometheus 3 normalises them when it scrapes, so a whole number gains {@code .0}
 * ({@code 1.0}). Measured on Prometheus 3.5.3 scraping {@code le} values 0.005, 1, 2.50, 10, 1e-05,
 * 100000, 1e+21 and 123456789012345678: it stores 0.005, 1.0, 2.5, 10.0, 1e-05, 100000.0, 1e+21 and
 * 1.2345678901234568e+17, Go's shortest {@code %g} with {@code .0} added where it has no point.
 */
public final class FloatLabels {
    /** The labels Prometheus 3 normalises. */
    public static final Set<String> NUMERIC = Set.of("le", "quantile");

    private FloatLabels() {
    }

    /** The form a Go exporter writes the number {@code text} in (Prometheus 2 stores it so); empty when it is no number. */
    public static Optional<String> exposed(String text) {
        return number(text).map(FloatLabels::goShortest);
    }

    /** The form Prometheus 3 stores the number {@code text} in; empty when it is no number. */
    public static Optional<String> normalised(String text) {
        return number(text).map(v -> {
            String g = goShortest(v);
            boolean plain = g.chars().allMatch(c -> Character.isDigit(c) || c == '-');
            return plain ? g + ".0" : g;
        });
    }

    /** The first release that normalises numeric labels when it scrapes. */
    public static final Version NORMALISING = Version.of(3, 0);

    private static Optional<Double> number(String text) {
        String t = text.strip();
        if (t.equals("+Inf") || t.equals("Inf") || t.equals("-Inf") || t.equalsIgnoreCase("NaN")) {
            return Optional.of(t.equalsIgnoreCase("NaN") ? Double.NaN
                    : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        try {
            return Optional.of(Double.parseDouble(new BigDecimal(t).toString()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}: the shortest digits that read back as {@code v}. */
    static String goShortest(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal digits = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal candidate = exact.round(new MathContext(p));
            if (candidate.doubleValue() == v) {
                digits = candidate;
                break;
            }
        }
        digits = digits.stripTrailingZeros();
        String unscaled = digits.unscaledValue().abs().toString();
        // The decimal exponent of the first digit: 1234 is 1.234e3.
        int exponent = unscaled.length() - 1 - digits.scale();
        String sign = v < 0 ? "-" : "";
        // With the shortest precision Go switches to %e below 1e-4 and from 1e+06 on (strconv's eprec 6).
        if (exponent < -4 || exponent >= 6) {
            String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
            String e = String.valueOf(Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
        }
        return sign + digits.abs().toPlainString();
    }
}
