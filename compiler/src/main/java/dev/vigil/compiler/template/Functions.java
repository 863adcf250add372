package dev.vigil.compiler.template;

import dev.vigil.compiler.target.TargetFeature;
import static dev.vigil.compiler.template.GoValues.str;
import static dev.vigil.compiler.template.GoValues.toFloat;
import static dev.vigil.compiler.template.GoValues.truth;

import dev.vigil.compiler.template.GoValues.ArgsMap;
import dev.vigil.compiler.template.GoValues.GoDuration;
import dev.vigil.compiler.template.GoValues.GoTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The one table of functions an alert template may call: Go's built-ins and the ones Prometheus
 * adds, each once with whether Vigil evaluates it offline, the Prometheus release that added it when
 * that is newer than promtool 2.42, and its implementation.
 */
public final class Functions {
    /**
     * A template function. {@code offline} is false for what needs a live Prometheus: query results,
     * its clock, its external URL.
     */
    public record Function(String name, boolean offline, Body body) {
        /** The Prometheus release that added it, from the target feature table; null when 2.42 has it. */
        public String since() {
            return TargetFeature.ofTemplateFunction(name).flatMap(TargetFeature::since).map(Object::toString)
                    .orElse(null);
        }
    }

    /** A function's implementation, given its arguments (the piped value last). */
    @FunctionalInterface
    interface Body {
        Object call(Args args) throws TemplateException;
    }

    /** Arguments evaluated when first read, so that {@code and} and {@code or} stop early as Go's do. */
    interface Args {
        int size();

        Object get(int i) throws TemplateException;

        default List<Object> all() throws TemplateException {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                out.add(get(i));
            }
            return out;
        }
    }

    private static final Map<String, Function> TABLE = table(
            // Go's text/template built-ins.
            fn("and", a -> andOr(a, false)),
            fn("or", a -> andOr(a, true)),
            fn("not", a -> !truth(one(a, "not"))),
            fn("len", a -> length(one(a, "len"))),
            fn("index", Functions::index),
            fn("slice", Functions::slice),
            fn("print", a -> GoValues.sprint(a.all())),
            fn("printf", a -> Printf.format(str(arity(a, "printf", 1, -1).get(0)), a.all().subList(1, a.size()))),
            fn("println", a -> String.join(" ", a.all().stream().map(GoValues::print).toList()) + "\n"),
            fn("html", a -> htmlEscape(evalArgs(a))),
            fn("js", a -> jsEscape(evalArgs(a))),
            fn("urlquery", a -> GoValues.queryEscape(evalArgs(a))),
            fn("call", a -> {
                throw new TemplateException("`call` needs a function value, and alert data has none");
            }),
            fn("eq", a -> compare("eq", a)),
            fn("ne", a -> compare("ne", a)),
            fn("lt", a -> compare("lt", a)),
            fn("le", a -> compare("le", a)),
            fn("gt", a -> compare("gt", a)),
            fn("ge", a -> compare("ge", a)),
            // Prometheus's additions (template/template.go).
            live("query"),
            live("first"),
            live("label"),
            live("value"),
            live("strvalue"),
            live("sortByLabel"),
            live("pathPrefix"),
            live("externalURL"),
            fn("args", Functions::args),
            fn("reReplaceAll", a -> reReplaceAll(str(arity(a, "reReplaceAll", 3, 3).get(0)), str(a.get(1)),
                    str(a.get(2)))),
            fn("safeHtml", a -> str(one(a, "safeHtml"))),
            fn("match", a -> regex(str(arity(a, "match", 2, 2).get(0))).matcher(str(a.get(1))).find()),
            fn("title", a -> title(str(one(a, "title")))),
            fn("toUpper", a -> mapRunes(str(one(a, "toUpper")), Character::toUpperCase)),
            fn("toLower", a -> mapRunes(str(one(a, "toLower")), Character::toLowerCase)),
            fn("graphLink", a -> "/graph?g0.expr=" + GoValues.queryEscape(str(one(a, "graphLink"))) + "&g0.tab=0"),
            fn("tableLink", a -> "/graph?g0.expr=" + GoValues.queryEscape(str(one(a, "tableLink"))) + "&g0.tab=1"),
            fn("humanize", a -> Humanize.humanize(toFloat(one(a, "humanize")))),
            fn("humanize1024", a -> Humanize.humanize1024(toFloat(one(a, "humanize1024")))),
            fn("humanizeDuration", a -> Humanize.duration(toFloat(one(a, "humanizeDuration")))),
            fn("humanizePercentage", a -> GoFormat.g(toFloat(one(a, "humanizePercentage")) * 100, 4) + "%"),
            fn("humanizeTimestamp", a -> {
                double v = toFloat(one(a, "humanizeTimestamp"));
                return Double.isNaN(v) || Double.isInfinite(v) ? GoFormat.g(v, 4) : toTime(v).toString();
            }),
            fn("toTime", a -> toTime(toFloat(one(a, "toTime")))),
            fn("parseDuration", a -> Humanize.parseDuration(str(one(a, "parseDuration")))),
            fn("stripPort", a -> stripPort(str(one(a, "stripPort")))),
            fn("stripDomain", a -> stripDomain(str(one(a, "stripDomain")))),
            new Function("toDuration", true, a -> new GoDuration(goInt64(toFloat(one(a, "toDuration")) * 1e9))),
            new Function("now", false, null),
            new Function("urlQueryEscape", true, a -> GoValues.queryEscape(str(one(a, "urlQueryEscape")))));

    private Functions() {
    }

    /** The function of that name, if alert templates have one. */
    public static Optional<Function> lookup(String name) {
        return Optional.ofNullable(TABLE.get(name));
    }

    /** Every function name, for suggestions. */
    public static Set<String> names() {
        return TABLE.keySet();
    }

    /** Every function, in the table's order. */
    public static List<Function> all() {
        return List.copyOf(TABLE.values());
    }

    private static Map<String, Function> table(Function... functions) {
        Map<String, Function> out = new LinkedHashMap<>();
        Arrays.stream(functions).forEach(f -> out.put(f.name(), f));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** A function Vigil evaluates, in Prometheus 2.42 already. */
    private static Function fn(String name, Body body) {
        return new Function(name, true, body);
    }

    private static Function live(String name) {
        return new Function(name, false, null);
    }

    // ------------------------------------------------------------------ arguments

    private static Args arity(Args a, String name, int min, int max) throws TemplateException {
        if (a.size() < min || max >= 0 && a.size() > max) {
            throw new TemplateException("wrong number of args for " + name + ": want " + (max == min ? min
                    : "at least " + min) + " got " + a.size());
        }
        return a;
    }

    private static Object one(Args a, String name) throws TemplateException {
        return arity(a, name, 1, 1).get(0);
    }

    /** text/template's evalArgs for html, js and urlquery: one string as it is, else fmt.Sprint. */
    private static String evalArgs(Args a) throws TemplateException {
        List<Object> all = a.all();
        return all.size() == 1 && all.get(0) instanceof String s ? s : GoValues.sprint(all);
    }

    // ------------------------------------------------------------------ Go built-ins

    private static Object andOr(Args a, boolean or) throws TemplateException {
        arity(a, or ? "or" : "and", 1, -1);
        Object v = null;
        for (int i = 0; i < a.size(); i++) {
            v = a.get(i);
            if (truth(v) == or) {
                return v;
            }
        }
        return v;
    }

    private static long length(Object v) throws TemplateException {
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof ArgsMap m) {
            return m.values().size();
        }
        throw new TemplateException("len of type " + GoValues.typeName(v));
    }

    private static Object index(Args a) throws TemplateException {
        Object item = arity(a, "index", 1, -1).get(0);
        for (int i = 1; i < a.size(); i++) {
            Object key = a.get(i);
            if (item instanceof Map<?, ?> m) {
                Object v = m.get(str(key));
                item = v == null ? "" : v;
            } else if (item instanceof ArgsMap m) {
                item = m.values().get(str(key));
            } else if (item instanceof String s && key instanceof Long k) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                if (k < 0 || k >= bytes.length) {
                    throw new TemplateException("error calling index: index out of range: " + k);
                }
                item = (long) (bytes[k.intValue()] & 0xff);
            } else {
                throw new TemplateException("can't index item of type " + GoValues.typeName(item));
            }
        }
        return item;
    }

    private static Object slice(Args a) throws TemplateException {
        Object item = arity(a, "slice", 1, 3).get(0);
        if (!(item instanceof String s)) {
            throw new TemplateException("can't slice item of type " + GoValues.typeName(item));
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        long from = a.size() > 1 ? index(a.get(1)) : 0;
        long to = a.size() > 2 ? index(a.get(2)) : bytes.length;
        if (from > to || to > bytes.length) {
            throw new TemplateException("error calling slice: index out of range");
        }
        String out = GoLiterals.utf8(Arrays.copyOfRange(bytes, (int) from, (int) to));
        if (out == null) {
            throw new TemplateException("slice cuts a UTF-8 character, which Vigil does not render");
        }
        return out;
    }

    private static long index(Object v) throws TemplateException {
        if (v instanceof Long l && l >= 0) {
            return l;
        }
        throw new TemplateException("cannot index slice/array with " + GoValues.typeName(v));
    }

    /** html/template's HTMLEscapeString. */
    private static String htmlEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.append(switch (cp) {
            case '"' -> "&#34;";
            case '\'' -> "&#39;";
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case 0 -> "\uFFFD";
            default -> Character.toString(cp);
        }));
        return out.toString();
    }

    /** text/template's JSEscapeString. */
    private static String jsEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    boolean print = cp >= ' ' && cp < 0x7f || cp >= 0x80 && !Character.isISOControl(cp)
                            && Character.getType(cp) != Character.FORMAT && Character.isDefined(cp);
                    out.append(print ? Character.toString(cp) : String.format("\\u%04X", cp));
                }
            }
        });
        return out.toString();
    }

    private static boolean compare(String op, Args a) throws TemplateException {
        arity(a, op, op.equals("eq") ? 1 : 2, op.equals("eq") ? -1 : 2);
        Object x = a.get(0);
        if (op.equals("eq")) {
            if (a.size() < 2) {
                throw new TemplateException("missing argument for comparison");
            }
            for (int i = 1; i < a.size(); i++) {
                if (order(x, a.get(i), true) == 0) {
                    return true;
                }
            }
            return false;
        }
        int c = order(x, a.get(1), op.equals("ne"));
        return switch (op) {
            case "ne" -> c != 0;
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            case "gt" -> c > 0;
            default -> c >= 0;
        };
    }

    /** Go compares only values of one basic kind: an int never equals a float64 in a template. */
    private static int order(Object a, Object b, boolean equalityOnly) throws TemplateException {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            // NaN is unordered: no comparison holds but `ne`.
            return Double.isNaN(x) || Double.isNaN(y) ? (equalityOnly ? 1 : 2) : Double.compare(x, y) == 0 ? 0
                    : x < y ? -1 : 1;
        }
        if (equalityOnly && a instanceof Boolean x && b instanceof Boolean y) {
            return x.equals(y) ? 0 : 1;
        }
        throw new TemplateException("incompatible types for comparison");
    }

    // ------------------------------------------------------------------ Prometheus's functions

    private static Object args(Args a) throws TemplateException {
        TreeMap<String, Object> out = new TreeMap<>();
        for (int i = 0; i < a.size(); i++) {
            out.put("arg" + i, a.get(i));
        }
        return new ArgsMap(out);
    }

    /**
     * Go's RE2 pattern as a Java one. Only RE2's spelling of named groups, {@code (?P<name>}, is
     * translated. Not {@code regex.Re2}: that engine matches label values whole and drops group
     * names and greediness, which decide what {@code reReplaceAll} replaces. The finer differences
     * (Java's {@code $} also matching before a final newline, its wider {@code \s}) rarely meet alert
     * label values.
     */
    private static Pattern regex(String re) throws TemplateException {
        try {
            return Pattern.compile(re.replace("(?P<", "(?<"));
        } catch (PatternSyntaxException e) {
            throw new TemplateException("bad regular expression `" + re + "`");
        }
    }

    /**
     * Go's Regexp.ReplaceAllString: {@code $1}, {@code ${1}}, {@code $name} and {@code ${name}} expand
     * (a name is the longest run of letters, digits and `_`; an unknown one is empty), {@code $$} is
     * a dollar; an empty match right after another match is not replaced.
     */
    private static String reReplaceAll(String re, String template, String text) throws TemplateException {
        Matcher m = regex(re).matcher(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int lastEnd = -1;
        while (m.find()) {
            if (m.end() > lastEnd || m.start() == 0) {
                out.append(text, copied, m.start());
                expand(out, template, m);
                copied = m.end();
            }
            lastEnd = m.end();
        }
        return out.append(text.substring(copied)).toString();
    }

    private static void expand(StringBuilder out, String template, Matcher m) {
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            boolean braced = template.charAt(i + 1) == '{';
            int start = i + (braced ? 2 : 1);
            int end = start;
            while (end < template.length() && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
                end++;
            }
            if (end == start || braced && (end >= template.length() || template.charAt(end) != '}')) {
                out.append('$');
                i++;
                continue;
            }
            out.append(group(m, template.substring(start, end)));
            i = end + (braced ? 1 : 0);
        }
    }

    private static String group(Matcher m, String name) {
        try {
            String g = name.chars().allMatch(Character::isDigit) ? name.length() > 9 ? null : m.group(Integer.parseInt(name))
                    : m.group(name);
            return g == null ? "" : g;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return "";
        }
    }

    /** strings.Title: a letter after a separator (anything but an ASCII letter, digit or `_`, a letter, a digit) is upper-cased. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out.appendCodePoint(separator(prev) ? Character.toTitleCase(cp) : cp);
            prev = cp;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean separator(int cp) {
        if (cp <= 0x7f) {
            return !(cp >= '0' && cp <= '9' || cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp == '_');
        }
        if (Character.isLetter(cp) || Character.isDigit(cp)) {
            return false;
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** strings.ToUpper and ToLower map each rune alone: `ß` stays `ß`, unlike Java's String.toUpperCase. */
    private static String mapRunes(String s, IntUnaryOperator f) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().map(f).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Prometheus's floatToTime: seconds to a time, through whole milliseconds. */
    private static GoTime toTime(double v) throws TemplateException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new TemplateException("NaN or Inf cannot be represented as a time");
        }
        double ns = v * 1e9;
        if (ns > 9.223372036854775807E18 || ns < -9.223372036854775808E18) {
            throw new TemplateException(GoFormat.v(v) + " cannot be represented as a nanoseconds timestamp since it overflows int64");
        }
        // model.TimeFromUnixNano keeps whole milliseconds, truncating as Go's integer division does.
        return new GoTime(Instant.ofEpochMilli((long) ns / 1_000_000L));
    }

    /** Go's float-to-int64 conversion on amd64: out-of-range values become the minimum int64. */
    static long goInt64(double x) {
        return x >= 9.223372036854775807E18 || x < -9.223372036854775808E18 || Double.isNaN(x) ? Long.MIN_VALUE : (long) x;
    }

    /** net.SplitHostPort's host, or the text when it is not host:port. */
    private static String stripPort(String hostPort) {
        String[] hp = splitHostPort(hostPort);
        return hp == null ? hostPort : hp[0];
    }

    private static String stripDomain(String hostPort) {
        String[] hp = splitHostPort(hostPort);
        String host = hp == null ? hostPort : hp[0];
        if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":")) {
            return hostPort;
        }
        host = host.split("\\.", -1)[0];
        if (hp != null && !hp[1].isEmpty()) {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + hp[1];
        }
        return host;
    }

    /** net.SplitHostPort: host and port, or null where Go returns an error. */
    private static String[] splitHostPort(String s) {
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        String host = s.substring(0, colon);
        String port = s.substring(colon + 1);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.indexOf(']') != host.length() - 1) {
                return null;
            }
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":") || host.contains("[") || host.contains("]")) {
            return null;
        }
        return port.contains("[") || port.contains("]") ? null : new String[] {host, port};
    }
}
