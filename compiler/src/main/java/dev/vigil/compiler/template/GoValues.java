package dev.vigil.compiler.template;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Go values an alert template handles, and how Go prints, tests and converts them. Strings are
 * {@code String}, ints {@code Long}, float64s {@code Double}, bools {@code Boolean}, nil {@code null};
 * label maps are a {@code SortedMap<String, String>}; the rest are the records below.
 */
final class GoValues {
    private GoValues() {
    }

    /** The data Prometheus gives an alert template: {@code .Labels}, {@code .ExternalLabels}, {@code .ExternalURL}, {@code .Value}. */
    record AlertData(SortedMap<String, String> labels, SortedMap<String, String> externalLabels, String externalURL,
            double value) {
    }

    /** The {@code map[string]interface{}} that Prometheus's {@code args} returns. */
    record ArgsMap(SortedMap<String, Object> values) {
    }

    /** A time.Time (from {@code toTime}), printed as Go's Time.String does. */
    record GoTime(Instant instant) {
        private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
                .withZone(ZoneOffset.UTC);

        @Override
        public String toString() {
            String nanos = instant.getNano() == 0 ? "" : ("." + String.format("%09d", instant.getNano())).replaceAll("0+$", "");
            return SECONDS.format(instant) + nanos + " +0000 UTC";
        }
    }

    /** A time.Duration in nanoseconds (from {@code toDuration}), printed as Go's Duration.String does. */
    record GoDuration(long nanos) {
        @Override
        public String toString() {
            if (nanos == 0) {
                return "0s";
            }
            String sign = nanos < 0 ? "-" : "";
            // Long.MIN_VALUE has no positive counterpart; its digits are those of 2^63.
            BigInteger n = BigInteger.valueOf(nanos).abs();
            if (n.compareTo(BigInteger.valueOf(1_000_000_000)) < 0) {
                long v = n.longValue();
                String unit = v < 1_000 ? "ns" : v < 1_000_000 ? "µs" : "ms";
                long scale = v < 1_000 ? 1 : v < 1_000_000 ? 1_000 : 1_000_000;
                return sign + fraction(v, scale) + unit;
            }
            BigInteger[] minutes = n.divideAndRemainder(BigInteger.valueOf(60_000_000_000L));
            String seconds = fraction(minutes[1].longValue(), 1_000_000_000) + "s";
            long m = minutes[0].longValue();
            if (m == 0) {
                return sign + seconds;
            }
            return sign + (m >= 60 ? (m / 60) + "h" + (m % 60) : String.valueOf(m)) + "m" + seconds;
        }

        private static String fraction(long v, long scale) {
            String frac = scale == 1 ? "" : String.format("%0" + Long.toString(scale).length() + "d", v % scale)
                    .substring(1).replaceAll("0+$", "");
            return (v / scale) + (frac.isEmpty() ? "" : "." + frac);
        }
    }

    /** Go's names of the types above, as {@code %T} and fmt's error verbs print them. */
    private static final Map<Class<?>, String> TYPE_NAMES = Map.of(Double.class, "float64", Long.class, "int",
            Boolean.class, "bool", String.class, "string", ArgsMap.class, "map[string]interface {}",
            AlertData.class, "struct { Labels map[string]string; ExternalLabels map[string]string; "
                    + "ExternalURL string; Value float64 }",
            GoTime.class, "*time.Time", GoDuration.class, "*time.Duration");

    static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        return v instanceof Map ? "map[string]string" : TYPE_NAMES.getOrDefault(v.getClass(), "string");
    }

    /** How fmt's {@code %v} prints a value; an action prints nil as {@code <no value>} instead. */
    static String print(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Double d) {
            return GoFormat.v(d);
        }
        if (v instanceof Map<?, ?> m) {
            return printMap(m);
        }
        if (v instanceof ArgsMap a) {
            return printMap(a.values());
        }
        if (v instanceof AlertData d) {
            return "{" + print(d.labels()) + " " + print(d.externalLabels()) + " " + d.externalURL() + " "
                    + print(d.value()) + "}";
        }
        return String.valueOf(v);
    }

    /** fmt prints a map's keys sorted, as {@code map[k1:v1 k2:v2]}. */
    private static String printMap(Map<?, ?> m) {
        StringBuilder out = new StringBuilder("map[");
        boolean first = true;
        for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
            out.append(first ? "" : " ").append(e.getKey()).append(':')
                    .append(print(e.getValue()));
            first = false;
        }
        return out.append(']').toString();
    }

    /** Go's truth for if, with, and, or, not: the zero value and empty things are false. */
    static boolean truth(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof ArgsMap a) {
            return !a.values().isEmpty();
        }
        return true;
    }

    static String str(Object v) throws TemplateException {
        if (v instanceof String s) {
            return s;
        }
        throw new TemplateException("expected a string, got " + typeName(v));
    }

    /** Prometheus's convertToFloat: numbers as they are, strings as Go's ParseFloat reads them. */
    static double toFloat(Object v) throws TemplateException {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof String s) {
            Double d = GoLiterals.parseFloat(s);
            if (d == null) {
                throw new TemplateException("strconv.ParseFloat: parsing " + GoLiterals.quote(s) + ": invalid syntax");
            }
            return d;
        }
        throw new TemplateException("can't convert " + typeName(v) + " to float");
    }

    /** fmt.Sprint: operands separated by a space when neither side is a string. */
    static String sprint(java.util.List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String)) {
                out.append(' ');
            }
            out.append(print(args.get(i)));
        }
        return out.toString();
    }

    /** Go's url.QueryEscape, which, like Java's encoder, writes spaces as `+`. */
    static String queryEscape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}
