package dev.vigil.compiler.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How Grafana fills dashboard variables into a Prometheus query before it sends it: which text is a
 * variable reference (its template service's pattern: {@code $name}, {@code [[name]]},
 * {@code [[name:format]]}, {@code ${name}}, {@code ${name:format}}), and the text a selection of
 * values becomes. Without a format the Prometheus data source decides (its
 * {@code interpolateQueryExpr}): a variable that is neither multi-value nor include-all gets its value
 * with {@code \} and {@code '} escaped for a string; any other has each value escaped as a regex
 * literal and several values joined as {@code (a|b)}. The escaping is Grafana's default, without the
 * {@code prometheusSpecialCharsInLabelValues} feature toggle.
 */
public final class GrafanaTemplating {
    private GrafanaTemplating() {
    }

    /** Grafana's pattern for a variable reference (templateSrv's {@code variableRegex}). */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");

    /** The characters the Prometheus data source escapes in a regex literal. */
    private static final String REGEX_SPECIAL = "$^*{}[]'+?.()|";

    /**
     * The values of Grafana's time built-ins for a 6-hour range at a 1-minute interval; any range gives
     * text of the same form.
     */
    public static final Map<String, String> BUILT_INS = Map.of(
            "__interval", "1m", "__interval_ms", "60000", "__rate_interval", "4m", "__rate_interval_ms", "240000",
            "__range", "21600s", "__range_s", "21600", "__range_ms", "21600000",
            "__from", "1700000000000", "__to", "1700021600000");

    /**
     * A reference in query text: {@code [start, end)} in the text, the variable's name, and the format
     * after {@code :} (null when none). {@code fieldPath} is the part after {@code .} in
     * {@code ${name.path}}, or null.
     */
    public record Reference(int start, int end, String name, String format, String fieldPath) {
        /** The reference as written. */
        public String text(String in) {
            return in.substring(start, end);
        }
    }

    /** Every reference in {@code text}, in order, as Grafana finds them (also inside strings). */
    public static List<Reference> references(String text) {
        List<Reference> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(new Reference(m.start(), m.end(), m.group(1), null, null));
            } else if (m.group(2) != null) {
                out.add(new Reference(m.start(), m.end(), m.group(2), m.group(3), null));
            } else {
                out.add(new Reference(m.start(), m.end(), m.group(4), m.group(6), m.group(5)));
            }
        }
        return out;
    }

    /** {@code text} with each reference replaced by what {@code fill} returns for it (null keeps it). */
    public static String interpolate(String text, List<Reference> references, Function<Reference, String> fill) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Reference r : references) {
            out.append(text, at, r.start());
            String value = fill.apply(r);
            out.append(value == null ? r.text(text) : value);
            at = r.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /**
     * The text a selection becomes: {@code values} chosen (several for a multi-value selection or All),
     * of a variable that is multi-value or include-all ({@code regexMode}) or not, written with
     * {@code format} (null for the data source's own). Empty for a format this model does not know.
     */
    public static Optional<String> render(List<String> values, boolean regexMode, String format) {
        if (format == null) {
            if (!regexMode) {
                return Optional.of(regularEscape(values.get(0)));
            }
            return Optional.of(alternation(values.stream().map(GrafanaTemplating::regexEscape).toList()));
        }
        return switch (format) {
            case "raw", "text", "csv" -> Optional.of(String.join(",", values));
            case "pipe" -> Optional.of(String.join("|", values));
            case "regex" -> Optional.of(alternation(values.stream().map(GrafanaTemplating::escapeRegexFormat).toList()));
            case "glob" -> Optional.of(values.size() == 1 ? values.get(0) : "{" + String.join(",", values) + "}");
            case "doublequote" -> Optional.of(values.stream().map(v -> "\"" + v.replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(",")));
            case "singlequote" -> Optional.of(values.stream().map(v -> "'" + v.replace("'", "\\'") + "'")
                    .collect(Collectors.joining(",")));
            default -> Optional.empty();
        };
    }

    private static String alternation(List<String> escaped) {
        return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
    }

    /** The data source's escape for a plain value: {@code \} doubled, {@code '} as {@code \\'}. */
    static String regularEscape(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\\\'");
    }

    /**
     * The data source's escape for a value of a multi-value or include-all variable: each regex
     * metacharacter preceded by {@code \\}, which a PromQL string reads as one {@code \}, so the regex
     * matches the value literally.
     */
    static String regexEscape(String value) {
        return prefixed(value.replace("\\", "\\\\\\\\"), REGEX_SPECIAL, "\\\\");
    }

    /** The {@code :regex} format: one {@code \} before each metacharacter, for a regex written as it is. */
    private static String escapeRegexFormat(String value) {
        return prefixed(value, "\\^$*+?.()|[]{}/", "\\");
    }

    /** {@code value} with {@code prefix} before each character of {@code special}. */
    private static String prefixed(String value, String special, String prefix) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(special.indexOf(c) >= 0 ? prefix : "").append(c);
        }
        return out.toString();
    }
}
