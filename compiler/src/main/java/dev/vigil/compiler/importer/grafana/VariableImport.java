package dev.vigil.compiler.importer.grafana;

import dev.vigil.compiler.importer.SourceWriter;
import dev.vigil.compiler.importer.slo.InputNodes;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A dashboard's template variables ({@code templating.list}) as Vigil variables: {@code query}
 * variables reading {@code label_values(...)}, {@code custom} and {@code interval} ones. The data
 * source variable is Vigil's own and is written by the emitter. Kinds Vigil lacks (constant, textbox,
 * other queries) become {@code custom} variables of their current values, so the queries using them
 * keep working, with a note.
 */
final class VariableImport {
    private static final Pattern LABEL_VALUES =
            Pattern.compile("\\s*label_values\\s*\\((.*),\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*", Pattern.DOTALL);
    private static final Pattern LABEL_ONLY =
            Pattern.compile("\\s*label_values\\s*\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*");
    /** Keys read below, or runtime state Grafana recomputes (current, options) and mirrors (definition). */
    private static final Set<String> MAPPED = Set.of("type", "name", "query", "multi", "includeAll", "datasource",
            "current", "options", "definition", "auto", "auto_count", "auto_min");

    private final InputNodes in;

    VariableImport(InputNodes in) {
        this.in = in;
    }

    /** The names of the variables the dashboard declares, which its queries may use. */
    static Set<String> names(Node dashboard) {
        Set<String> out = new LinkedHashSet<>();
        for (Node v : InputNodes.items(InputNodes.get(InputNodes.get(dashboard, "templating"), "list"))) {
            String name = InputNodes.text(v, "name");
            if (name != null && VigilText.isName(name)) {
                out.add(name);
            }
        }
        return out;
    }

    void write(Node dashboard, GrafanaQueries queries, SourceWriter out) {
        List<Node> list = InputNodes.items(InputNodes.get(InputNodes.get(dashboard, "templating"), "list"));
        for (int i = 0; i < list.size(); i++) {
            variable(list.get(i), "templating.list[" + i + "]", queries, out);
        }
    }

    private void variable(Node v, String path, GrafanaQueries queries, SourceWriter out) {
        String name = InputNodes.text(v, "name");
        String type = String.valueOf(InputNodes.text(v, "type"));
        if (name == null || !VigilText.isName(name)) {
            in.unmapped(v, "Variable `" + name + "` (`" + path + "`) is not imported: its name is not a Vigil name.",
                    "Rename it to letters, digits and `_`, and the queries that use it.");
            return;
        }
        Dropped dropped = new Dropped(in, v, "Variable `" + name + "` (`" + path + "`)");
        dropped.rest(v, path, MAPPED);
        String options = options(v);
        switch (type) {
            case "datasource" -> {
                if (!name.equals("datasource")) {
                    in.unmapped(v, "Data source variable `" + name + "` (`" + path + "`) is replaced by Vigil's own, "
                            + "`datasource`.", "Queries select the data source through `${datasource}`.");
                }
                return;
            }
            case "query" -> {
                if (!labelValues(v, name, options, queries, out)) {
                    asCustom(v, name, path, options, out, "its query is not `label_values(...)`");
                }
            }
            case "custom" -> out.line("variable " + name + " = custom " + VigilText.stringList(split(query(v)))
                    + options);
            case "interval" -> {
                interval(v, name, path, options, out);
                dropped.add(path + ".auto", InputNodes.get(v, "auto"));
            }
            case "constant", "textbox" -> asCustom(v, name, path, options, out, "Vigil has no " + type + " variables");
            default -> {
                in.unmapped(v, "Variable `" + name + "` (`" + path + "`) is not imported: Vigil has no `" + type
                        + "` variables.", "Queries that use it must be given its value.");
                return;
            }
        }
        dropped.report();
    }

    private static String options(Node v) {
        boolean multi = InputNodes.bool(InputNodes.get(v, "multi")).orElse(false);
        boolean all = InputNodes.bool(InputNodes.get(v, "includeAll")).orElse(false);
        if (!multi && !all) {
            return "";
        }
        return " {" + (multi ? " multi true" : "") + (all ? " include_all true" : "") + " }";
    }

    /** The query text, also from the object form newer Grafana writes ({@code {query, refId}}). */
    private static String query(Node v) {
        Node q = InputNodes.get(v, "query");
        return InputNodes.text(q).orElseGet(() -> String.valueOf(InputNodes.text(q, "query")));
    }

    private boolean labelValues(Node v, String name, String options, GrafanaQueries queries, SourceWriter out) {
        String q = query(v);
        Matcher only = LABEL_ONLY.matcher(q);
        if (only.matches()) {
            out.line("variable " + name + " = label_values(" + only.group(1) + ")" + options);
            return true;
        }
        Matcher m = LABEL_VALUES.matcher(q);
        if (!m.matches()) {
            return false;
        }
        Node at = InputNodes.get(v, "query");
        Optional<Expr> expr = queries.parse(at, m.group(1), "query of variable `" + name + "`");
        if (expr.isPresent()) {
            out.query("variable " + name + " = label_values(", expr.get(), ", " + m.group(2) + ")" + options);
        }
        return true;
    }

    private void interval(Node v, String name, String path, String options, SourceWriter out) {
        List<String> values = new ArrayList<>();
        for (String item : split(query(v))) {
            try {
                values.add(VigilText.duration(Durations.parseMillis(item)));
            } catch (IllegalArgumentException e) {
                in.unmapped(v, "Interval `" + item + "` of variable `" + name + "` (`" + path + "`) is not a duration; "
                        + "it is left out.", null);
            }
        }
        out.line("variable " + name + " = interval [" + String.join(", ", values) + "]" + options);
    }

    private void asCustom(Node v, String name, String path, String options, SourceWriter out, String why) {
        List<String> values = new ArrayList<>();
        for (Node o : InputNodes.items(InputNodes.get(v, "options"))) {
            InputNodes.text(InputNodes.get(o, "value")).ifPresent(values::add);
        }
        if (values.isEmpty()) {
            Node current = InputNodes.get(InputNodes.get(v, "current"), "value");
            InputNodes.text(current).ifPresent(values::add);
            values.addAll(InputNodes.stringList(current));
        }
        if (values.isEmpty()) {
            InputNodes.text(InputNodes.get(v, "query")).ifPresent(values::add);
        }
        in.unmapped(v, "Variable `" + name + "` (`" + path + "`) is written as a custom variable of its current values"
                + ", because " + why + ".", "Check the values; the queries that use `$" + name + "` keep working.");
        out.line("variable " + name + " = custom " + VigilText.stringList(values) + options);
    }

    /** Grafana's list syntax: comma-separated, {@code \,} for a comma in a value, values trimmed. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
                cur.append(',');
                i++;
            } else if (c == ',') {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        out.removeIf(String::isEmpty);
        return out;
    }
}
