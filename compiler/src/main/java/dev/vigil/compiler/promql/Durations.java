package dev.vigil.compiler.promql;

/** PromQL duration literals ({@code 1h30m}): reading, validating and writing them. */
public final class Durations {
    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L};

    /** Prometheus refuses durations beyond what Go's {@code time.Duration} (int64 nanoseconds) holds. */
    public static final double MAX_SECONDS = 9.223372036854775807e9;

    /** The text of a DURATION token: numbers each followed by a unit, such as {@code 1h30m}. */
    private static final java.util.regex.Pattern WITH_UNITS = java.util.regex.Pattern.compile("(\\d+(ms|[smhdwy]))+");

    /** The unit words people write for each unit, lower case; {@link #correction} maps them to the unit. */
    private static final java.util.Map<String, String> UNIT_WORDS = unitWords();

    /** A run of digits and a word, as in {@code 10mins} or {@code 1hour30min}. */
    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("(\\d+)\\s*([a-zA-Z]+)");

    private Durations() {
    }

    private static java.util.Map<String, String> unitWords() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        String[][] words = {
            {"ms", "ms", "msec", "msecs", "millis", "millisecond", "milliseconds"},
            {"s", "s", "sec", "secs", "second", "seconds"},
            {"m", "m", "min", "mins", "minute", "minutes"},
            {"h", "h", "hr", "hrs", "hour", "hours"},
            {"d", "d", "day", "days"},
            {"w", "w", "wk", "wks", "week", "weeks"},
            {"y", "y", "yr", "yrs", "year", "years"}};
        for (String[] row : words) {
            for (int i = 1; i < row.length; i++) {
                m.put(row[i], row[0]);
            }
        }
        return java.util.Map.copyOf(m);
    }

    /**
     * The duration {@code text} was most likely meant to be, when it is one written with unit words or
     * spaces ({@code 10mins}, {@code 30sec}, {@code 5 m}, {@code 1 hour}): {@code 10m}, {@code 30s},
     * {@code 5m}, {@code 1h}. Empty when the text is a valid duration already or is not one at all.
     */
    public static java.util.Optional<String> correction(String text) {
        String t = text.strip();
        java.util.regex.Matcher m = PART.matcher(t);
        StringBuilder out = new StringBuilder();
        int end = 0;
        while (m.find()) {
            if (m.start() != end && !t.substring(end, m.start()).isBlank()) {
                return java.util.Optional.empty();
            }
            String unit = UNIT_WORDS.get(m.group(2).toLowerCase(java.util.Locale.ROOT));
            if (unit == null) {
                return java.util.Optional.empty();
            }
            out.append(m.group(1)).append(unit);
            end = m.end();
        }
        if (end == 0 || !t.substring(end).isBlank() || out.toString().equals(text)) {
            return java.util.Optional.empty();
        }
        try {
            parseMillis(out.toString());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(out.toString());
    }

    /** The one message for a mistyped duration, shared by the DSL and the YAML readers. */
    public static String typoMessage(String text, String correction) {
        return "`" + text + "` is not a duration: did you mean `" + correction + "`?";
    }

    /** The hint for any duration that does not read. */
    public static final String HINT = "Write a number and a unit (ms, s, m, h, d, w, y), largest unit first, for example `1h30m`.";

    /** Whether {@code text} is written with units ({@code 5m}), as opposed to a plain number ({@code 300}). */
    public static boolean hasUnit(String text) {
        return WITH_UNITS.matcher(text).matches();
    }

    /**
     * The length of a DURATION token in milliseconds.
     *
     * @throws IllegalArgumentException with a readable message: units out of order or repeated, or too long
     */
    public static long parseMillis(String text) {
        int i = 0;
        int lastUnit = -1;
        long total = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("`" + text + "` is not a valid duration");
            }
            String digits = text.substring(start, i);
            int unitStart = i;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                i++;
            }
            int unit = unitIndex(text.substring(unitStart, i));
            if (unit < 0) {
                throw new IllegalArgumentException("`" + text + "` has an unknown unit `" + text.substring(unitStart, i) + "`");
            }
            if (unit <= lastUnit) {
                throw new IllegalArgumentException("`" + text
                        + "` is not a valid duration: units must go from largest to smallest, each at most once");
            }
            lastUnit = unit;
            try {
                long n = Long.parseLong(digits);
                total = Math.addExact(total, Math.multiplyExact(n, UNIT_MILLIS[unit]));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("`" + Numbers.abbreviate(text) + "` is too long for a duration");
            }
        }
        if (total / 1000.0 > MAX_SECONDS) {
            throw new IllegalArgumentException("`" + Numbers.abbreviate(text) + "` is too long for a duration");
        }
        return total;
    }

    private static int unitIndex(String unit) {
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u].equals(unit)) {
                return u;
            }
        }
        return -1;
    }

    /** As {@link #parseMillis}, refusing zero: for intervals such as a scrape interval. */
    public static long parsePositiveMillis(String text) {
        long millis = parseMillis(text);
        if (millis <= 0) {
            throw new IllegalArgumentException("`" + text + "` is not a positive duration");
        }
        return millis;
    }

    /** Canonical text, largest units first ({@code 90000} is {@code 1m30s}); zero is {@code 0s}. */
    public static String format(long millis) {
        if (millis == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long rest = millis;
        if (rest < 0) {
            sb.append('-');
            rest = -rest;
        }
        for (int u = 0; u < UNITS.length; u++) {
            long n = rest / UNIT_MILLIS[u];
            if (n > 0) {
                sb.append(n).append(UNITS[u]);
                rest -= n * UNIT_MILLIS[u];
            }
        }
        return sb.toString();
    }
}
