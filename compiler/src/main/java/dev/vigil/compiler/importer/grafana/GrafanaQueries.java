package dev.vigil.compiler.importer.grafana;

import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.importer.slo.InputNodes;
import dev.vigil.compiler.promql.ConstantUse;
import dev.vigil.compiler.promql.Expr;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * PromQL written for Grafana. Variables and built-ins ({@code $job}, {@code $__rate_interval}) are
 * what Vigil's dashboard queries read as variables; the braced form {@code ${job}} is written
 * {@code $job} outside string literals, which Grafana reads alike. Inside strings nothing changes.
 */
final class GrafanaQueries {
    private final InputNodes in;
    private final Set<String> variables;

    GrafanaQueries(InputNodes in, Set<String> variables) {
        this.in = in;
        this.variables = variables;
    }

    /** The query of {@code scalar}, or empty (reported) when it cannot be written in Vigil. */
    Optional<Expr> parse(Node scalar, String what) {
        return parse(scalar, InputNodes.text(scalar).orElse(""), what);
    }

    /** As {@link #parse(Node, String)}, for {@code text} taken from within the scalar. */
    Optional<Expr> parse(Node scalar, String text, String what) {
        Optional<Expr> expr = in.promql(scalar, unbrace(text), what);
        if (expr.isEmpty()) {
            return expr;
        }
        for (ConstantUse use : ConstantUse.in(expr.get())) {
            if (!use.name().startsWith("__") && !variables.contains(use.name())) {
                in.error(Ids.REFERENCE_UNKNOWN, scalar, "The " + what + " uses `$" + use.name()
                        + "`, which is not a variable of this dashboard.",
                        "Declare the variable in the dashboard, or write its value into the query.");
                return Optional.empty();
            }
        }
        return expr;
    }

    /** {@code ${name}} as {@code $name} outside string literals, where the next character allows it. */
    static String unbrace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && quote != '`' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i);
                String name = end < 0 ? "" : text.substring(i + 2, end);
                boolean nameOnly = name.matches("[A-Za-z_][A-Za-z0-9_]*");
                boolean separated = end < 0 || end + 1 >= text.length()
                        || !Character.isLetterOrDigit(text.charAt(end + 1)) && text.charAt(end + 1) != '_';
                if (nameOnly && separated) {
                    out.append('$').append(name);
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
