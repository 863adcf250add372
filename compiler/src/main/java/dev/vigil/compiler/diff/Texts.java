package dev.vigil.compiler.diff;

import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.promql.Durations;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.stream.Collectors;

/** How values read in the report: code in backticks, durations as Prometheus writes them. */
final class Texts {
    /** Texts longer than this, or on several lines, are summarised as "changed". */
    static final int SHORT = 60;

    private Texts() {
    }

    static String code(String s) {
        return "`" + s + "`";
    }

    /** {@code `a`, `b`}, or {@code none}. */
    static String codes(Collection<String> items) {
        return items.isEmpty() ? "none" : items.stream().map(Texts::code).collect(Collectors.joining(", "));
    }

    /** {@code a, b}, or {@code none}: a field's value, which renderers quote as they need. */
    static String list(Collection<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    /** A duration in milliseconds as {@code 10m}; 0 (not set) is null, which reads {@code none}. */
    static String duration(long millis) {
        return millis <= 0 ? null : Durations.format(millis);
    }

    /** A window in one unit, as SLOs name it: {@code 30d}. */
    static String window(long millis) {
        return AlertWindows.format(millis);
    }

    /** A number as written, never in exponent form: {@code 1.0} stays {@code 1.0}. */
    static String number(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static boolean isShort(String s) {
        return s == null || s.length() <= SHORT && s.indexOf('\n') < 0;
    }

    /** A text field: shown in full when short, else said to have changed. */
    static Change.Field text(String name, String before, String after) {
        if (isShort(before) && isShort(after)) {
            return Change.Field.of(name, quote(before), quote(after));
        }
        String what = before == null ? " added" : after == null ? " removed" : " changed";
        return Change.Field.summarized(name, before, after, name + what);
    }

    private static String quote(String s) {
        return s == null ? null : "\"" + s + "\"";
    }
}
