package dev.vigil.compiler.importer.alertmanager;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** An Alertmanager configuration as a {@code routing { }} block, in the layout of docs/language.md. */
final class RoutingText {
    private final YamlDocument doc;
    private final DiagnosticSink sink;
    private final StringBuilder out = new StringBuilder("routing {\n");

    private RoutingText(YamlDocument doc, DiagnosticSink sink) {
        this.doc = doc;
        this.sink = sink;
    }

    static String of(YamlDocument doc, Routing routing, DiagnosticSink sink) {
        return new RoutingText(doc, sink).write(routing);
    }

    private String write(Routing routing) {
        Node root = doc.root();
        Receivers receivers = new Receivers(doc, Yaml.value(root, "global"), sink);
        for (NodeTuple t : Yaml.entries(root)) {
            String key = Yaml.key(t);
            switch (key) {
                case "receivers" -> {
                    for (Node r : Yaml.items(t.getValueNode())) {
                        receivers.receiver(r).ifPresent(line -> out.append("  ").append(line).append('\n'));
                    }
                }
                case "time_intervals", "mute_time_intervals" -> Yaml.items(t.getValueNode()).forEach(this::timeInterval);
                case "templates" -> dropped(t.getKeyNode(), "The notification `templates` are left out: the language "
                        + "has no place for template files.", "Copy the templates beside the generated configuration, "
                        + "and add them to its `templates:`.");
                case "tracing" -> dropped(t.getKeyNode(), "The `tracing` settings are left out: the language has no "
                        + "place for them.", "Set them in the deployed configuration.");
                default -> {
                }
            }
        }
        receivers.droppedGlobals();
        for (Routing.Route r : routing.routes()) {
            route(r, 1);
        }
        for (Routing.Inhibition in : routing.inhibitions()) {
            inhibit(in);
        }
        return out.append("}\n").toString();
    }

    private void timeInterval(Node node) {
        String name = Yaml.string(Yaml.value(node, "name"));
        if (name == null) {
            return; // reported by the reader
        }
        if (!VigilText.isName(name)) {
            dropped(Yaml.value(node, "name"), "Time interval `" + name + "` is written `" + VigilText.safeName(name)
                    + "`: the language names time intervals with letters, digits and `_` only.",
                    "Routes keep using it; only its name in the generated configuration changes.");
            name = VigilText.safeName(name);
        }
        List<Node> specs = Yaml.items(Yaml.value(node, "time_intervals"));
        List<String> lines = new ArrayList<>();
        if (!specs.isEmpty()) {
            for (NodeTuple t : Yaml.entries(specs.get(0))) {
                String key = Yaml.key(t);
                switch (key) {
                    case "weekdays", "months", "days_of_month" ->
                            lines.add(key + " " + VigilText.stringList(Yaml.strings(t.getValueNode())));
                    case "times" -> {
                        List<String> ranges = new ArrayList<>();
                        for (Node range : Yaml.items(t.getValueNode())) {
                            ranges.add(Yaml.string(Yaml.value(range, "start_time")) + "-"
                                    + Yaml.string(Yaml.value(range, "end_time")));
                        }
                        lines.add("times " + VigilText.stringList(ranges));
                    }
                    case "location" -> lines.add("location " + VigilText.string(String.valueOf(Yaml.string(t.getValueNode()))));
                    default -> dropped(t.getKeyNode(), "The time interval's `" + key + "` is left out: the language "
                            + "has no place for it.", "Narrow the interval in the deployed configuration.");
                }
            }
            for (Node extra : specs.subList(1, specs.size())) {
                dropped(extra, "The time interval `" + name + "` has more than one period; only the first is kept.",
                        "Declare one `time_interval` per period, and list them all in the routes.");
            }
        }
        out.append("  time_interval ").append(name).append(" {");
        if (lines.isEmpty()) {
            out.append("}\n");
            return;
        }
        int width = lines.stream().mapToInt(l -> l.indexOf(' ')).max().orElse(0) + 1;
        out.append('\n');
        for (String line : lines) {
            int space = line.indexOf(' ');
            out.append("    ").append(line, 0, space).append(" ".repeat(width - space)).append(line.substring(space + 1))
                    .append('\n');
        }
        out.append("  }\n");
    }

    private void route(Routing.Route r, int depth) {
        String pad = "  ".repeat(depth);
        out.append(pad).append("route ");
        out.append(r.isDefault() ? "default" : matchers(r.matchers()));
        out.append(" to ").append(receiver(r.receiver()));
        List<String> settings = new ArrayList<>();
        if (!r.groupBy().isEmpty()) {
            settings.add("group_by " + VigilText.nameList(r.groupBy()));
        }
        duration(settings, "group_wait", r.groupWaitMillis());
        duration(settings, "group_interval", r.groupIntervalMillis());
        duration(settings, "repeat_interval", r.repeatIntervalMillis());
        if (!r.muteTimeIntervals().isEmpty()) {
            settings.add("mute_time_intervals " + refs(r.muteTimeIntervals()));
        }
        if (!r.activeTimeIntervals().isEmpty()) {
            settings.add("active_time_intervals " + refs(r.activeTimeIntervals()));
        }
        if (r.continueMatching()) {
            settings.add("continue");
        }
        if (settings.isEmpty() && r.children().isEmpty()) {
            out.append('\n');
            return;
        }
        out.append(" {\n");
        for (String s : settings) {
            out.append(pad).append("  ").append(s).append('\n');
        }
        for (Routing.Route child : r.children()) {
            route(child, depth + 1);
        }
        out.append(pad).append("}\n");
    }

    private static void duration(List<String> settings, String key, long millis) {
        if (millis != Routing.Route.INHERITED) {
            settings.add(key + " " + VigilText.duration(millis));
        }
    }

    private static String refs(List<Ref> refs) {
        return VigilText.nameList(refs.stream().map(r -> VigilText.safeName(r.name())).toList());
    }

    private static String receiver(Ref ref) {
        return VigilText.safeName(ref == null ? "default" : ref.name());
    }

    private void inhibit(Routing.Inhibition in) {
        if (in.target().isEmpty() || in.source().isEmpty()) {
            sink.warning(Ids.IMPORT_DROPPED, in.span(), "This inhibit rule is left out: the language needs matchers on "
                    + "both sides.", "Add a matcher such as `alertname=~\".+\"` to the side that has none.");
            return;
        }
        out.append("  inhibit ").append(matchers(in.target())).append(" while ").append(matchers(in.source()));
        if (!in.equal().isEmpty()) {
            out.append(" on ").append(VigilText.nameList(in.equal()));
        }
        out.append('\n');
    }

    private static String matchers(List<Routing.Matcher> matchers) {
        return matchers.stream().map(m -> VigilText.labelName(m.label()) + " " + m.op() + " " + VigilText.string(m.value()))
                .collect(Collectors.joining(", "));
    }

    private void dropped(Node at, String message, String hint) {
        sink.warning(Ids.IMPORT_DROPPED, doc.span(at), message, hint);
    }

    /** Small readers over SnakeYAML nodes; the reader has already reported every shape it refuses. */
    static final class Yaml {
        private Yaml() {
        }

        static List<NodeTuple> entries(Node node) {
            return node instanceof MappingNode m ? m.getValue() : List.of();
        }

        static String key(NodeTuple t) {
            return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
        }

        static Node value(Node node, String key) {
            for (NodeTuple t : entries(node)) {
                if (key(t).equals(key)) {
                    return t.getValueNode();
                }
            }
            return null;
        }

        static List<Node> items(Node node) {
            return node instanceof SequenceNode s ? s.getValue() : List.of();
        }

        static String string(Node node) {
            return node instanceof ScalarNode s && !s.getTag().getValue().endsWith(":null") ? s.getValue() : null;
        }

        static List<String> strings(Node node) {
            if (node instanceof ScalarNode) {
                String s = string(node);
                return s == null ? List.of() : List.of(s);
            }
            return items(node).stream().map(Yaml::string).filter(java.util.Objects::nonNull).toList();
        }
    }
}
