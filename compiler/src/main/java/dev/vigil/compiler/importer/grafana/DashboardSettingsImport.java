package dev.vigil.compiler.importer.grafana;

import dev.vigil.compiler.importer.SourceWriter;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.importer.slo.InputNodes;
import dev.vigil.compiler.model.WebUrl;
import java.util.ArrayList;
import java.util.List;
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
    private static final Set<String> LINK_KEYS = Set.of("title", "type", "url", "tags", "tooltip", "targetBlank",
            "keepTime", "includeVars", "asDropdown", "icon");

    private DashboardSettingsImport() {
    }

    /**
     * {@code datasource "uid"} when the dashboard has no data source variable and every Prometheus query names
     * the same data source by uid; otherwise Vigil's {@code datasource} variable stands for them all.
     */
    static void datasource(Node d, SourceWriter out) {
        for (Node v : InputNodes.items(InputNodes.get(InputNodes.get(d, "templating"), "list"))) {
            if ("datasource".equals(InputNodes.text(v, "type"))) {
                return;
            }
        }
        Set<String> uids = new TreeSet<>();
        List<Node> panels = new ArrayList<>(InputNodes.items(InputNodes.get(d, "panels")));
        for (Node row : InputNodes.items(InputNodes.get(d, "rows"))) {
            panels.addAll(InputNodes.items(InputNodes.get(row, "panels")));
        }
        for (int i = 0; i < panels.size(); i++) {
            // A collapsed row keeps its panels inside it.
            panels.addAll(InputNodes.items(InputNodes.get(panels.get(i), "panels")));
            uid(InputNodes.get(panels.get(i), "datasource"), uids);
            for (Node t : InputNodes.items(InputNodes.get(panels.get(i), "targets"))) {
                uid(InputNodes.get(t, "datasource"), uids);
            }
        }
        if (uids.size() == 1 && UID.matcher(uids.iterator().next()).matches()) {
            out.line("datasource " + VigilText.string(uids.iterator().next()));
        }
    }

    private static void uid(Node datasource, Set<String> uids) {
        String uid = InputNodes.text(datasource, "uid");
        if ("prometheus".equals(InputNodes.text(datasource, "type")) && uid != null && !uid.startsWith("$")) {
            uids.add(uid);
        }
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
