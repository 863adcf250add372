package dev.vigil.compiler.template;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Go's template built-ins and Prometheus's template functions, as far as they run without a query. */
final class Functions {
    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
    private static final String[] BIG_1024 = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};

    private Functions() {
    }

    static Object call(String name, List<Object> args) throws TemplateException {
        if (TemplateRenderer.QUERY_FUNCTIONS.contains(name)) {
            throw new TemplateException("`" + name + "` needs a running Prometheus; give the annotation in the test");
        }
        return switch (name) {
            case "humanize" -> humanize(toFloat(one(name, args)));
            case "humanize1024" -> humanize1024(toFloat(one(name, args)));
            case "humanizePercentage" -> GoFormat.g(toFloat(one(name, args)) * 100, 4) + "%";
            case "humanizeDuration" -> humanizeDuration(toFloat(one(name, args)));
            case "toUpper" -> str(one(name, args)).toUpperCase(Locale.ROOT);
            case "toLower" -> str(one(name, args)).toLowerCase(Locale.ROOT);
            case "title" -> title(str(one(name, args)));
            case "safeHtml" -> str(one(name, args));
            case "stripPort" -> stripPort(str(one(name, args)));
            case "stripDomain" -> stripDomain(str(one(name, args)));
            case "urlquery", "urlQueryEscape" -> TemplateRenderer.queryEscape(joinPrint(args));
            case "match" -> regex(str(arg(name, args, 0, 2))).matcher(str(args.get(1))).find();
            case "reReplaceAll" -> reReplaceAll(str(arg(name, args, 0, 3)), str(args.get(1)), str(args.get(2)));
            case "printf" -> Printf.format(str(arg(name, args, 0, -1)), args.subList(1, args.size()));
            case "print" -> sprint(args);
            case "println" -> String.join(" ", args.stream().map(TemplateRenderer::print).toList()) + "\n";
            case "len" -> (long) length(one(name, args));
            case "index" -> index(args);
            case "not" -> !TemplateRenderer.truth(one(name, args));
            case "and" -> and(args);
            case "or" -> or(args);
            case "eq", "ne", "lt", "le", "gt", "ge" -> compare(name, args);
            default -> throw new TemplateException("`" + name + "` is not a template function");
        };
    }

    private static Object one(String name, List<Object> args) throws TemplateException {
        return arg(name, args, 0, 1);
    }

    private static Object arg(String name, List<Object> args, int i, int exactly) throws TemplateException {
        if ((exactly >= 0 && args.size() != exactly) || args.size() <= i) {
            throw new TemplateException("wrong number of arguments for `" + name + "`");
        }
        return args.get(i);
    }

    static String typeName(Object v) {
        if (v == null) {
            return "nil";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Map) {
            return "map[string]string";
        }
        return "string";
    }

    private static String str(Object v) throws TemplateException {
        if (v instanceof String s) {
            return s;
        }
        throw new TemplateException("expected a string, got " + typeName(v));
    }

    /** Prometheus's convertToFloat: numbers as they are, strings parsed as Go's ParseFloat would. */
    static double toFloat(Object v) throws TemplateException {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof String s) {
            String t = s.strip();
            switch (t.toLowerCase(Locale.ROOT)) {
                case "inf", "+inf", "infinity", "+infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-inf", "-infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                case "nan" -> {
                    return Double.NaN;
                }
                default -> {
                }
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new TemplateException("`" + s + "` is not a number");
            }
        }
        throw new TemplateException("cannot convert " + typeName(v) + " to a number");
    }

    static String humanize(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFormat.g(v, 4);
        }
        double x = v;
        String prefix = "";
        if (Math.abs(x) >= 1) {
            for (String p : BIG) {
                if (Math.abs(x) < 1000) {
                    break;
                }
                prefix = p;
                x /= 1000;
            }
            return GoFormat.g(x, 4) + prefix;
        }
        for (String p : SMALL) {
            if (Math.abs(x) >= 1) {
                break;
            }
            prefix = p;
            x *= 1000;
        }
        return GoFormat.g(x, 4) + prefix;
    }

    static String humanize1024(double v) {
        if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFormat.g(v, 4);
        }
        double x = v;
        String prefix = "";
        for (String p : BIG_1024) {
            if (Math.abs(x) < 1024) {
                break;
            }
            prefix = p;
            x /= 1024;
        }
        return GoFormat.g(x, 4) + prefix;
    }

    static String humanizeDuration(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return GoFormat.g(v, 4);
        }
        if (v == 0) {
            return GoFormat.g(v, 4) + "s";
        }
        if (Math.abs(v) >= 1) {
            String sign = v < 0 ? "-" : "";
            double x = Math.abs(v);
            long duration = goInt64(x);
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
        double x = v;
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(x) >= 1) {
                break;
            }
            prefix = p;
            x *= 1000;
        }
        return GoFormat.g(x, 4) + prefix + "s";
    }

    /** Go's float-to-int64 conversion on amd64: out-of-range values become the minimum int64. */
    private static long goInt64(double x) {
        return x >= 9.223372036854775807E18 || x < -9.223372036854775808E18 ? Long.MIN_VALUE : (long) x;
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out.appendCodePoint(start && Character.isLetter(cp) ? Character.toTitleCase(cp) : cp);
            start = !(Character.isLetterOrDigit(cp) || cp == '_' || cp == '\'');
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String stripPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return hostPort;
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return host.contains(":") ? hostPort : host;
    }

    private static String stripDomain(String hostPort) {
        String host = hostPort;
        String port = "";
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && !hostPort.substring(0, colon).contains(":")) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon);
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return hostPort;
        }
        int dot = host.indexOf('.');
        return (dot < 0 ? host : host.substring(0, dot)) + port;
    }

    private static Pattern regex(String re) throws TemplateException {
        try {
            return Pattern.compile(re);
        } catch (PatternSyntaxException e) {
            throw new TemplateException("bad regular expression `" + re + "`");
        }
    }

    /** Go's ReplaceAllString: `$1` and `${name}` expand; Java writes the latter without braces. */
    private static String reReplaceAll(String re, String replacement, String text) throws TemplateException {
        Matcher m = regex(re).matcher(text);
        String javaReplacement = replacement.replaceAll("\\$\\{(\\w+)}", "\\${$1}");
        try {
            return m.replaceAll(javaReplacement);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new TemplateException("replacement `" + replacement + "` is not evaluated by Vigil");
        }
    }

    /** fmt.Sprint: operands separated by a space when neither side is a string. */
    private static String sprint(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String)) {
                out.append(' ');
            }
            out.append(TemplateRenderer.print(args.get(i)));
        }
        return out.toString();
    }

    private static String joinPrint(List<Object> args) {
        return sprint(args);
    }

    private static int length(Object v) throws TemplateException {
        if (v instanceof String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        throw new TemplateException("len of " + typeName(v));
    }

    private static Object index(List<Object> args) throws TemplateException {
        if (args.size() != 2 || !(args.get(0) instanceof Map<?, ?> m)) {
            throw new TemplateException("`index` is evaluated for a map and one key");
        }
        Object v = m.get(str(args.get(1)));
        return v == null ? "" : v;
    }

    private static Object and(List<Object> args) throws TemplateException {
        if (args.isEmpty()) {
            throw new TemplateException("wrong number of arguments for `and`");
        }
        for (Object a : args) {
            if (!TemplateRenderer.truth(a)) {
                return a;
            }
        }
        return args.get(args.size() - 1);
    }

    private static Object or(List<Object> args) throws TemplateException {
        if (args.isEmpty()) {
            throw new TemplateException("wrong number of arguments for `or`");
        }
        for (Object a : args) {
            if (TemplateRenderer.truth(a)) {
                return a;
            }
        }
        return args.get(args.size() - 1);
    }

    private static boolean compare(String op, List<Object> args) throws TemplateException {
        if (args.size() < 2) {
            throw new TemplateException("wrong number of arguments for `" + op + "`");
        }
        Object a = args.get(0);
        if (op.equals("eq")) {
            for (Object b : args.subList(1, args.size())) {
                if (compareValues(a, b) == 0) {
                    return true;
                }
            }
            return false;
        }
        if (args.size() != 2) {
            throw new TemplateException("wrong number of arguments for `" + op + "`");
        }
        int c = compareValues(a, args.get(1));
        return switch (op) {
            case "ne" -> c != 0;
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            case "gt" -> c > 0;
            default -> c >= 0;
        };
    }

    private static int compareValues(Object a, Object b) throws TemplateException {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if ((a instanceof Double || a instanceof Long) && (b instanceof Double || b instanceof Long)) {
            if (a.getClass() != b.getClass()) {
                // Go refuses to compare an int with a float64 in templates.
                throw new TemplateException("incompatible types for comparison");
            }
            return Double.compare(toFloat(a), toFloat(b));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.equals(y) ? 0 : 1;
        }
        throw new TemplateException("incompatible types for comparison");
    }
}
