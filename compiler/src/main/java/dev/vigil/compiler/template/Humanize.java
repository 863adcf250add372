package dev.vigil.compiler.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus's humanize functions and parseDuration, which print through Go's {@code %.4g}. */
final class Humanize {
    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
    private static final String[] BIG_1024 = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};
    /** prometheus/common's model.ParseDuration, as Prometheus 2.42 has it. */
    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] DURATION_MS = {365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000L,
        60_000L, 1000L, 1L};

    private Humanize() {
    }

    static String humanize(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFormat.g(v, 4);
        }
        if (Math.abs(v) >= 1) {
            return scaled(v, BIG, 1000);
        }
        return small(v, "");
    }

    static String humanize1024(double v) {
        if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFormat.g(v, 4);
        }
        return scaled(v, BIG_1024, 1024);
    }

    static String duration(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFormat.g(v, 4);
        }
        if (v == 0) {
            return GoFormat.g(v, 4) + "s";
        }
        if (Math.abs(v) < 1) {
            return small(v, "s");
        }
        String sign = v < 0 ? "-" : "";
        double x = Math.abs(v);
        long duration = Functions.goInt64(x);
        long seconds = duration % 60;
        long minutes = (duration / 60) % 60;
        long hours = (duration / 60 / 60) % 24;
        long days = duration / 60 / 60 / 24;
        if (days != 0) {
            return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
        }
        if (hours != 0) {
            return sign + hours + "h " + minutes + "m " + seconds + "s";
        }
        if (minutes != 0) {
            return sign + minutes + "m " + seconds + "s";
        }
        return sign + GoFormat.g(x, 4) + "s";
    }

    /** Divides by {@code base} while the value is that large, naming each step with the next prefix. */
    private static String scaled(double v, String[] prefixes, double base) {
        double x = v;
        String prefix = "";
        for (String p : prefixes) {
            if (Math.abs(x) < base) {
                break;
            }
            prefix = p;
            x /= base;
        }
        return GoFormat.g(x, 4) + prefix;
    }

    private static String small(double v, String unit) {
        double x = v;
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(x) >= 1) {
                break;
            }
            prefix = p;
            x *= 1000;
        }
        return GoFormat.g(x, 4) + prefix + unit;
    }

    /** parseDuration: a Prometheus duration ({@code 1h30m}) in seconds. */
    static double parseDuration(String s) throws TemplateException {
        if (s.equals("0")) {
            return 0;
        }
        Matcher m = DURATION.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            throw new TemplateException(s.isEmpty() ? "empty duration string" : "not a valid duration string: " + GoLiterals.quote(s));
        }
        long ms = 0;
        for (int g = 1; g <= DURATION_MS.length; g++) {
            if (m.group(g) != null) {
                try {
                    ms = Math.addExact(ms, Math.multiplyExact(Long.parseLong(m.group(g)), DURATION_MS[g - 1]));
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new TemplateException("duration out of range");
                }
            }
        }
        return ms / 1000.0;
    }
}
