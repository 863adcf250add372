package dev.vigil.compiler.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * promtool's expanding notation for a test's input series: {@code 1 2 3}, {@code 0+10x20} (start,
 * step, count: 21 samples), {@code 1x4} ({@code 1+0x4}), {@code _} and {@code _x3} (3 missing
 * samples), {@code stale}.
 */
public final class SeriesNotation {
    /** One item; the groups are the start, the step with its sign, and the count. */
    static final Pattern ITEM = Pattern.compile(
            "(_|stale|[-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))"
                    + "([-+](?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?))?(?:x([0-9]+))?");
    /** More samples than any test feeds; past it the series is not expanded. */
    private static final int LIMIT = 100_000;

    private SeriesNotation() {
    }

    /** Whether {@code item} is one item of the notation. */
    public static boolean isItem(String item) {
        Matcher m = ITEM.matcher(item);
        return m.matches() && !(m.group(1).equals("stale") && (m.group(2) != null || m.group(3) != null))
                && !(m.group(1).equals("_") && m.group(2) != null);
    }

    /**
     * The samples {@code values} stands for, one per interval from time 0; null for a missing or
     * stale sample. Empty when it is not in the notation or expands past a sane size.
     */
    public static Optional<List<Double>> expand(String values) {
        List<Double> out = new ArrayList<>();
        String trimmed = values.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        for (String item : trimmed.split("\\s+")) {
            Matcher m = ITEM.matcher(item);
            if (!isItem(item) || !m.matches()) {
                return Optional.empty();
            }
            long count = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
            if (out.size() + count + 1 > LIMIT) {
                return Optional.empty();
            }
            String start = m.group(1);
            if (start.equals("_")) {
                // `_x3` is three missing samples: a missing sample cannot step.
                out.addAll(Collections.nCopies((int) Math.max(1, count), null));
            } else if (start.equals("stale")) {
                out.add(null);
            } else {
                double first = number(start);
                double step = m.group(2) == null ? 0 : number(m.group(2));
                for (long i = 0; i <= count; i++) {
                    out.add(first + step * i);
                }
            }
        }
        return Optional.of(out);
    }

    private static double number(String text) {
        String t = text.startsWith("+") ? text.substring(1) : text;
        return switch (t) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN", "-NaN" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }
}
