package dev.vigil.targets.alertmanager;

import dev.vigil.compiler.model.QueryText;

import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Vigil matchers as Alertmanager's {@code matchers:} strings ({@code label="value"}). Severity
 * comparisons become a regex over the declared order: with {@code critical > warning > info},
 * {@code severity >= warning} is {@code severity=~"critical|warning"}.
 */
final class Matchers {
    /** RE2 has no empty alternation that matches nothing; an empty character class does. */
    static final String NEVER = "[^\\x00-\\x{10FFFF}]";

    private Matchers() {
    }

    static List<String> of(List<Routing.Matcher> matchers, SeverityOrder order) {
        List<String> out = new ArrayList<>();
        for (Routing.Matcher m : matchers) {
            out.add(of(m, order));
        }
        return out;
    }

    /**
     * The same matchers as an AlertmanagerConfig's {@code Matcher} objects: the label, Alertmanager's
     * operator and the unquoted value, severity orderings as the same regex.
     */
    static List<Object> structured(List<Routing.Matcher> matchers, SeverityOrder order) {
        List<Object> out = new ArrayList<>();
        for (Routing.Matcher m : matchers) {
            boolean ordering = switch (m.op()) {
                case ">=", ">", "<=", "<" -> true;
                default -> false;
            };
            java.util.Map<String, Object> matcher = new java.util.LinkedHashMap<>();
            matcher.put("name", m.label());
            matcher.put("matchType", ordering ? "=~" : m.op());
            matcher.put("value", ordering ? severityRegex(m.op(), m.value(), order) : m.value());
            out.add(matcher);
        }
        return out;
    }

    static String of(Routing.Matcher m, SeverityOrder order) {
        return switch (m.op()) {
            case "=", "!=", "=~", "!~" -> text(m.label(), m.op(), m.value());
            case ">=", ">", "<=", "<" -> text(m.label(), "=~", severityRegex(m.op(), m.value(), order));
            // Unreachable: the grammar has no other operator.
            default -> throw new IllegalStateException("unknown matcher operator " + m.op());
        };
    }

    static String equal(String label, String value) {
        return text(label, "=", value);
    }

    /** The severities the comparison selects, as an anchored-by-Alertmanager alternation. */
    static String severityRegex(String op, String value, SeverityOrder order) {
        // Unreachable: Alert.UnknownSeverity reports an unknown level in an ordering as blocking.
        return alternation(order.selected(op, value).orElseThrow(() -> new IllegalStateException("unknown severity " + value)));
    }

    private static String alternation(List<String> values) {
        if (values.isEmpty()) {
            // `> critical` selects nothing; an empty regex would instead match a missing label.
            return NEVER;
        }
        return values.stream().map(QueryText::escapeRegex).collect(Collectors.joining("|"));
    }

    /** One matcher in Alertmanager's syntax; the value is always quoted, so any text is safe. */
    static String text(String label, String op, String value) {
        return label + op + quote(value);
    }

    /** Alertmanager's matcher parser unescapes exactly {@code \\}, {@code \"} and {@code \n}. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
