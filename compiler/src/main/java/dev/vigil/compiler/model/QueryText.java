package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.Strings;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A query as the text the real tools read: every Vigil constant substituted by its value. A list
 * of strings becomes a regex alternation (for {@code =~}); Grafana variables and built-ins
 * ({@code $__rate_interval}) stay as written for Grafana to fill in.
 */
public final class QueryText {
    private QueryText() {
    }

    public static String of(Expr expr, Map<String, Constant> constants) {
        return of(expr, constants, Set.of());
    }

    public static String of(Expr expr, Map<String, Constant> constants, Set<String> dashboardVariables) {
        return PromqlPrinter.print(expr, ref -> substitute(ref, constants, dashboardVariables));
    }

    /** Like {@link #of(Expr, Map)}, over several lines when one line would pass {@code width}. */
    public static String formatted(Expr expr, Map<String, Constant> constants, int width) {
        return PromqlPrinter.format(expr, ref -> substitute(ref, constants, Set.of()), width);
    }

    /** The constants in scope in a service: the project's, then the service's own. */
    public static Map<String, Constant> scope(Project project, Service service) {
        return Queries.scope(project, service);
    }

    private static String substitute(ConstRef ref, Map<String, Constant> constants, Set<String> variables) {
        if (variables.contains(ref.name()) || ref.name().startsWith("__")) {
            return "$" + ref.name();
        }
        Constant c = constants.get(ref.name());
        if (c == null) {
            // Unreachable: an unknown constant is a blocking Reference.Unknown, so such a model is never emitted.
            throw new IllegalStateException("unresolved constant $" + ref.name());
        }
        return literal(c.value());
    }

    /** PromQL text for a constant's value. */
    public static String literal(Value v) {
        if (v instanceof Value.NumberValue n) {
            return number(n.value());
        }
        if (v instanceof Value.StringValue s) {
            return Strings.quote(s.value());
        }
        if (v instanceof Value.NameValue n) {
            return Strings.quote(n.name());
        }
        if (v instanceof Value.DurationValue d) {
            return d.text();
        }
        if (v instanceof Value.PercentValue p) {
            return number(p.percent().movePointLeft(2));
        }
        if (v instanceof Value.ListValue l) {
            // Quoted regex alternation, each item matched literally.
            return Strings.quote(l.items().stream().map(QueryText::itemText).map(QueryText::escapeRegex)
                    .collect(Collectors.joining("|")));
        }
        // Unreachable: every value kind above is written, and ConstantTypes (blocking) keeps other kinds out of queries.
        throw new IllegalStateException("constant value " + v.kind() + " has no PromQL form");
    }

    private static String itemText(Value v) {
        if (v instanceof Value.StringValue s) {
            return s.value();
        }
        if (v instanceof Value.NameValue n) {
            return n.name();
        }
        // Unreachable: ConstantTypes reports a list with other items in a matcher as a blocking Type.Mismatch.
        throw new IllegalStateException("list items in a matcher must be strings");
    }

    /** Escapes RE2 metacharacters one by one, so the item matches itself only. */
    public static String escapeRegex(String raw) {
        StringBuilder out = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Plain decimal text, never exponent noise: {@code 0.001}, {@code 4}. */
    public static String number(BigDecimal value) {
        return plain(value).toPlainString();
    }

    /** {@code value} without trailing zeros or a negative scale: {@code 4}, not {@code 4.00} or {@code 4E+0}; null stays null. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
