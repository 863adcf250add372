package dev.vigil.compiler.importer.grafana;

import dev.vigil.compiler.importer.SourceWriter;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.importer.slo.InputNodes;
import dev.vigil.compiler.model.WebUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The dashboard's links and a fixed data source, as Vigil writes them back: {@code link "title" "URL"},
 * {@code link "title" to [tags]} and {@code datasource "uid"}.
 */
final class DashboardSettingsImport {
    private static final Pattern UID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** A reference to a variable ({@code ${DS}}), which Vigil's {@code datasource} variable stands for. */
    private static final String VARIABLE = "$";
    private static final Set<String> LINK_KEYS = Set.of("title", "type", "url", "tags", "tooltip", "targetBlank",
            "keepTime", "includeVars", "asDropdown", "icon");

    private DashboardSettingsImport() {
    }

    /**
     * {@code datasource "uid"} when the dashboard has no data source variable and every Prometheus reference
     * (panels, their targets, query variables) names the same data source by uid; otherwise Vigil's
     * {@code datasource} variable stands for them all, and the fixed uids it replaces are reported as dropped:
     * a uid written for all of them would send some queries to another Prometheus.
     */
    static void datasource(Node d, SourceWriter out, InputNodes in) {
        boolean variable = false;
        // Each Prometheus reference by path: its fixed uid (or legacy name), or `$` for a variable (`${DS}`).
        Map<String, String> refs = new LinkedHashMap<>();
        List<Node> variables = InputNodes.items(InputNodes.get(InputNodes.get(d, "templating"), "list"));
        for (int i = 0; i < variables.size(); i++) {
            Node v = variables.get(i);
            if ("datasource".equals(InputNodes.text(v, "type"))) {
                variable = true;
            } else if ("query".equals(InputNodes.text(v, "type"))) {
                ref("templating.list[" + i + "].datasource", InputNodes.get(v, "datasource"), refs);
            }
        }
        List<Node> panels = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<Node> top = InputNodes.items(InputNodes.get(d, "panels"));
        for (int i = 0; i < top.size(); i++) {
            panels.add(top.get(i));
            paths.add("panels[" + i + "]");
        }
        List<Node> rows = InputNodes.items(InputNodes.get(d, "rows"));
        for (int r = 0; r < rows.size(); r++) {
            List<Node> inRow = InputNodes.items(InputNodes.get(rows.get(r), "panels"));
            for (int i = 0; i < inRow.size(); i++) {
                panels.add(inRow.get(i));
                paths.add("rows[" + r + "].panels[" + i + "]");
            }
        }
        for (int i = 0; i < panels.size(); i++) {
            // A collapsed row keeps its panels inside it.
            List<Node> inside = InputNodes.items(InputNodes.get(panels.get(i), "panels"));
            for (int j = 0; j < inside.size(); j++) {
                panels.add(inside.get(j));
                paths.add(paths.get(i) + ".panels[" + j + "]");
            }
            ref(paths.get(i) + ".datasource", InputNodes.get(panels.get(i), "datasource"), refs);
            List<Node> targets = InputNodes.items(InputNodes.get(panels.get(i), "targets"));
            for (int t = 0; t < targets.size(); t++) {
                ref(paths.get(i) + ".targets[" + t + "].datasource", InputNodes.get(targets.get(t), "datasource"),
                        refs);
            }
        }
        Set<String> kinds = new TreeSet<>();
        kinds.addAll(refs.values());
        String only = kinds.size() == 1 ? kinds.iterator().next() : null;
        if (!variable && only != null && UID.matcher(only).matches()) {
            out.line("datasource " + VigilText.string(only));
            return;
        }
        List<String> fixed = new ArrayList<>();
        refs.forEach((path, r) -> {
            if (!r.equals(VARIABLE)) {
                fixed.add("`" + path + "`");
            }
        });
        if (!fixed.isEmpty()) {
            String read = String.join(", ", kinds.stream().map(k -> k.equals(VARIABLE) ? "a variable" : "`" + k + "`")
                    .toList());
            in.unmapped(d, (variable ? "The dashboard has a data source variable" : "The dashboard's queries read "
                    + read) + ", so Vigil's `datasource` variable stands for all of them, and the uids at "
                    + String.join(", ", fixed) + " are not imported.",
                    "Add `datasource \"uid\"` to the dashboard if one Prometheus serves all its queries.");
        }
    }

    /** Records a Prometheus reference; one to another kind of data source, or none (the default), is not. */
    private static void ref(String path, Node datasource, Map<String, String> refs) {
        String uid = InputNodes.text(datasource, "uid");
        String type = InputNodes.text(datasource, "type");
        if (uid == null && InputNodes.text(datasource).isPresent()) {
            uid = InputNodes.text(datasource).get();
        }
        // `-- Mixed --` and `-- Grafana --` are Grafana's own, not a Prometheus.
        if (uid == null || uid.startsWith("--") || !(type == null || "prometheus".equals(type))) {
            return;
        }
        refs.put(path, uid.startsWith("$") ? VARIABLE : uid);
    }

    /** The dashboard's links: to web pages, and to the dashboards with some tags. */
    static void links(Node d, SourceWriter out, Dropped dropped) {
        List<Node> links = InputNodes.items(InputNodes.get(d, "links"));
        for (int i = 0; i < links.size(); i++) {
            Node l = links.get(i);
            String path = "links[" + i + "]";
            String title = InputNodes.text(InputNodes.get(l, "title")).orElse("");
            String type = InputNodes.text(InputNodes.get(l, "type")).orElse("link");
            String url = InputNodes.text(l, "url");
            boolean tagged = type.equals("dashboards");
            String target;
            if (tagged) {
                target = "to " + VigilText.stringList(InputNodes.stringList(InputNodes.get(l, "tags")));
            } else if (type.equals("link") && url != null && WebUrl.problem(url).isEmpty()) {
                target = VigilText.string(url);
            } else {
                // A relative link (`/d/uid`) or one of another kind: Vigil links to its own dashboards by name.
                dropped.add(path, l);
                continue;
            }
            List<String> options = new ArrayList<>();
            InputNodes.text(InputNodes.get(l, "tooltip")).filter(s -> !s.isEmpty())
                    .ifPresent(s -> options.add("tooltip " + VigilText.string(s)));
            option(options, "new_tab", InputNodes.get(l, "targetBlank"), !tagged);
            option(options, "keep_time", InputNodes.get(l, "keepTime"), tagged);
            option(options, "include_vars", InputNodes.get(l, "includeVars"), false);
            if (tagged) {
                option(options, "dropdown", InputNodes.get(l, "asDropdown"), false);
            }
            out.line("link " + VigilText.string(title) + " " + target
                    + (options.isEmpty() ? "" : " { " + String.join(" ", options) + " }"));
            dropped.rest(l, path, LINK_KEYS);
        }
    }

    /** A switch written only when it differs from Vigil's default for the link. */
    private static void option(List<String> options, String name, Node value, boolean byDefault) {
        boolean set = InputNodes.bool(value).orElse(false);
        if (set != byDefault) {
            options.add(name + " " + set);
        }
    }
}
