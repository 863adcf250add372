package dev.vigil.compiler.promql;

import java.math.BigDecimal;
import java.util.Locale;

/** PromQL number literals: reading them the way Prometheus does, and writing them back. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * The value of a NUMBER token: decimal, {@code 0x} hex, {@code 0}-prefixed octal (Go's
     * {@code ParseInt} base 0 comes first, as in Prometheus), {@code Inf} or {@code NaN} in any case.
     *
     * @throws NumberFormatException with a readable message when the value is out of range or malformed
     */
    public static double parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("inf") || t.equals("+inf") || t.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (t.equals("nan")) {
            return Double.NaN;
        }
        if (t.startsWith("0x")) {
            try {
                return Long.parseLong(t.substring(2), 16);
            } catch (NumberFormatException e) {
                throw new NumberFormatException("`" + text + "` is out of range for a 64-bit integer");
            }
        }
        if (t.length() > 1 && t.charAt(0) == '0' && t.chars().allMatch(c -> c >= '0' && c <= '7')) {
            try {
                return Long.parseLong(t, 8);
            } catch (NumberFormatException e) {
                // Too big for int64: Go falls back to reading it as a decimal float, and so do we.
            }
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("`" + text + "` is not a valid number");
        }
        if (Double.isInfinite(value)) {
            throw new NumberFormatException("`" + abbreviate(text) + "` is out of range for a 64-bit float");
        }
        return value;
    }

    /** Canonical PromQL text for a value: {@code NaN}, {@code Inf}, {@code -Inf}, else the shortest decimal. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = Double.toString(value);
        if (s.contains("E")) {
            s = new BigDecimal(s).stripTrailingZeros().toString().replace("E+", "e").replace("E", "e");
        }
        return s;
    }

    static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 27) + "..." : text;
    }
}
