package dev.vigil.compiler.yaml;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.secret.Secrets;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an Alertmanager configuration into {@link Routing}. The root route becomes the default
 * route; its child routes come first, in order, as Alertmanager tries them. Children without a
 * receiver inherit their parent's, as Alertmanager does. Receivers with several integrations keep the
 * first known one as their type, and list all of them under the setting {@code integrations}.
 */
public final class AlertmanagerConfigReader {
    static final List<String> FILE_KEYS = List.of("global", "templates", "route", "receivers", "inhibit_rules",
            "mute_time_intervals", "time_intervals", "tracing");
    static final List<String> ROUTE_KEYS = List.of("receiver", "group_by", "continue", "matchers", "match", "match_re",
            "group_wait", "group_interval", "repeat_interval", "mute_time_intervals", "active_time_intervals", "routes");
    static final List<String> INHIBIT_KEYS = List.of("source_matchers", "target_matchers", "equal", "source_match",
            "source_match_re", "target_match", "target_match_re");
    static final List<String> TIME_INTERVAL_KEYS = List.of("times", "weekdays", "days_of_month", "months", "years",
            "location");

    /** The integrations Vigil knows, by their receiver key ({@code msteamsv2_configs}). */
    private static final Map<String, Routing.ReceiverType> TYPES = Arrays.stream(Routing.ReceiverType.values())
            .collect(Collectors.toUnmodifiableMap(t -> t.keyword() + "_configs", Function.identity()));

    private final NodeReader read;

    private AlertmanagerConfigReader(YamlDocument doc, DiagnosticSink sink) {
        this.read = new NodeReader(doc, sink);
    }

    /** True when the document's root looks like an Alertmanager configuration. */
    public static boolean recognises(Node root) {
        return root instanceof MappingNode && (!NodeReader.allValues(root, "route").isEmpty()
                || !NodeReader.allValues(root, "receivers").isEmpty());
    }

    public static Routing read(YamlDocument doc, DiagnosticSink sink) {
        return new AlertmanagerConfigReader(doc, sink).config();
    }

    private Routing config() {
        List<Routing.Receiver> receivers = new ArrayList<>();
        List<Routing.Route> routes = new ArrayList<>();
        List<Routing.Inhibition> inhibitions = new ArrayList<>();
        List<Routing.TimeInterval> intervals = new ArrayList<>();
        NodeReader.Entry route = null;
        for (NodeReader.Entry e : read.entries(read.doc().root(), "the Alertmanager configuration")) {
            switch (e.key()) {
                case "global" -> global(e.value());
                case "templates" -> read.strings(e.value(), "templates");
                case "route" -> route = e;
                case "receivers" -> read.items(e.value(), "receivers").forEach(r -> receiver(r).ifPresent(receivers::add));
                case "inhibit_rules" -> read.items(e.value(), "inhibit_rules").forEach(i -> inhibitions.add(inhibition(i)));
                case "time_intervals", "mute_time_intervals" ->
                        read.items(e.value(), e.key()).forEach(t -> timeInterval(t).ifPresent(intervals::add));
                case "tracing" -> secrets(e.value(), "tracing", "tracing", null);
                default -> read.unknownKey(e, "an Alertmanager configuration", FILE_KEYS, null);
            }
        }
        if (route == null) {
            read.sink().error(Ids.PROPERTY_MISSING, Span.point(read.doc().path(), 1, 1),
                    "The Alertmanager configuration has no `route`.", "Add a root `route:` with a default `receiver`.");
        } else {
            root(route, routes);
        }
        return new Routing(receivers, routes, inhibitions, intervals, List.of());
    }

    private void global(Node node) {
        for (NodeReader.Entry e : read.entries(node, "global")) {
            if (e.key().equals("resolve_timeout")) {
                read.duration(e.value(), "resolve_timeout");
            } else {
                secrets(e.value(), "global", "global." + e.key(), null);
            }
        }
    }

    /**
     * Reports every secret written inline under {@code node}, which is at {@code path} in receiver
     * {@code receiver} (null for `global` and `tracing`), walking nested settings and lists: any
     * field, known to Vigil or not, by its name or by its value's shape. The value is never quoted.
     */
    private void secrets(Node node, String integration, String path, String receiver) {
        if (node instanceof MappingNode) {
            for (NodeReader.Entry e : read.entries(node, integration)) {
                secrets(e.value(), integration, path + "." + e.key(), receiver);
            }
        } else if (node instanceof SequenceNode list) {
            for (int i = 0; i < list.getValue().size(); i++) {
                secrets(list.getValue().get(i), integration, path + "[" + i + "]", receiver);
            }
        } else if (node instanceof ScalarNode value && !NodeReader.isNull(value)) {
            String key = path.replaceAll("(\\[\\d+])+$", "");
            key = key.substring(key.lastIndexOf('.') + 1);
            Optional<Secrets.Kind> kind = Secrets.find(integration, key, value.getValue());
            if (kind.isEmpty()) {
                return;
            }
            String field = "`" + path + "`" + (receiver == null ? "" : " of receiver `" + receiver + "`");
            String what = kind.get() == Secrets.Kind.NAMED ? "" : " holds " + kind.get().description() + ", which";
            Optional<String> file = Secrets.alertmanagerFileForm(key);
            read.sink().error(Ids.SECRET_INLINE, read.span(value), field + what
                    + " puts a secret in the configuration in clear.", file.isPresent()
                            ? "Put it in a file readable by Alertmanager and use `" + file.get() + "` with its path."
                            : "Put it in a file readable by Alertmanager and read it with a `*_file` setting (or, in "
                                    + "`http_headers`, `files`).");
        }
    }

    /** Whether {@code value} of field {@code key} in {@code integration} is a secret written inline. */
    public static boolean isSecret(String integration, String key, String value) {
        return Secrets.find(integration, key, value).isPresent();
    }

    private Optional<Routing.Receiver> receiver(Node node) {
        List<NodeReader.Entry> entries = read.entries(node, "a receiver");
        NodeReader.Entry name = NodeReader.find(entries, "name");
        String receiverName = name != null && name.value() instanceof ScalarNode n ? n.getValue() : "";
        Routing.ReceiverType type = null;
        SortedMap<String, Object> settings = new TreeMap<>();
        SortedMap<String, Span> valueSpans = new TreeMap<>();
        List<String> integrations = new ArrayList<>();
        for (NodeReader.Entry e : entries) {
            if (e.key().equals("name")) {
                continue;
            }
            if (!e.key().endsWith("_configs")) {
                read.unknownKey(e, "a receiver", List.of("name", "slack_configs", "pagerduty_configs", "email_configs",
                        "webhook_configs", "opsgenie_configs"), "A receiver has a `name` and `*_configs` lists.");
                continue;
            }
            String integration = e.key().substring(0, e.key().length() - "_configs".length());
            integrations.add(integration);
            List<Node> configs = read.items(e.value(), e.key());
            for (int i = 0; i < configs.size(); i++) {
                Node config = configs.get(i);
                secrets(config, integration, e.key() + "[" + i + "]", receiverName);
                if (type == null && TYPES.containsKey(e.key())) {
                    type = TYPES.get(e.key());
                    for (NodeReader.Entry s : read.entries(config, e.key())) {
                        if (s.value() instanceof ScalarNode sc && !NodeReader.isNull(sc)
                                && !isSecret(integration, s.key(), sc.getValue())) {
                            settings.put(s.key(), sc.getValue());
                            valueSpans.put(s.key(), read.span(sc));
                        }
                    }
                }
            }
        }
        if (name == null || read.string(name.value(), "name").map(String::isBlank).orElse(true)) {
            read.sink().error(Ids.PROPERTY_MISSING, read.span(node), "The receiver has no `name`.",
                    "Routes refer to receivers by name; add `name: <receiver>`.");
            return Optional.empty();
        }
        settings.put("integrations", List.copyOf(integrations));
        return Optional.of(new Routing.Receiver(((ScalarNode) name.value()).getValue(), type, settings,
                read.span(name.value()), valueSpans));
    }

    private void root(NodeReader.Entry entry, List<Routing.Route> out) {
        RouteFields root = routeFields(entry.value(), null, 0);
        Span span = read.span(entry.keyNode());
        if (root.receiver == null) {
            read.sink().error(Ids.PROPERTY_MISSING, span, "The root route has no `receiver`.",
                    "Alertmanager needs a default receiver for alerts no child route takes.");
        }
        if (!root.matchers.isEmpty()) {
            read.sink().error(Ids.PROPERTY_MISPLACED, root.matchers.get(0).span(),
                    "The root route must not have matchers: it receives every alert.",
                    "Move the matchers to a child route under `routes:`.");
        }
        out.addAll(root.children);
        out.add(new Routing.Route(true, List.of(), root.receiver, root.groupBy, root.groupWait, root.groupInterval,
                root.repeatInterval, false, root.mute, root.active, List.of(), span));
    }

    /** What one route says, with children already read. */
    private static final class RouteFields {
        Ref receiver;
        List<Routing.Matcher> matchers = new ArrayList<>();
        List<String> groupBy = List.of();
        long groupWait = Routing.Route.INHERITED;
        long groupInterval = Routing.Route.INHERITED;
        long repeatInterval = Routing.Route.INHERITED;
        boolean continueMatching;
        List<Ref> mute = List.of();
        List<Ref> active = List.of();
        List<Routing.Route> children = List.of();
    }

    private RouteFields routeFields(Node node, Ref inherited, int depth) {
        RouteFields f = new RouteFields();
        f.receiver = inherited;
        Node children = null;
        for (NodeReader.Entry e : read.entries(node, "a route")) {
            switch (e.key()) {
                case "receiver" -> {
                    Node v = e.value();
                    Optional<String> name = read.string(v, "receiver");
                    if (name.isPresent()) {
                        f.receiver = Ref.of(Ref.Kind.RECEIVER, name.get(), read.span(v));
                    }
                }
                case "group_by" -> f.groupBy = read.strings(e.value(), "group_by");
                case "continue" -> f.continueMatching = read.bool(e.value(), "continue").orElse(false);
                case "matchers" -> f.matchers.addAll(matchers(e.value(), "matchers"));
                case "match" -> f.matchers.addAll(legacy(e.value(), "=", "match"));
                case "match_re" -> f.matchers.addAll(legacy(e.value(), "=~", "match_re"));
                case "group_wait" -> f.groupWait = read.duration(e.value(), "group_wait").orElse(Routing.Route.INHERITED);
                case "group_interval" ->
                        f.groupInterval = read.duration(e.value(), "group_interval").orElse(Routing.Route.INHERITED);
                case "repeat_interval" ->
                        f.repeatInterval = read.duration(e.value(), "repeat_interval").orElse(Routing.Route.INHERITED);
                case "mute_time_intervals" -> f.mute = intervalRefs(e.value(), e.key());
                case "active_time_intervals" -> f.active = intervalRefs(e.value(), e.key());
                case "routes" -> children = e.value();
                default -> read.unknownKey(e, "a route", ROUTE_KEYS, null);
            }
        }
        List<Routing.Route> out = new ArrayList<>();
        // Aliases can make a deep tree out of a small file; the composer bounds nesting, this bounds fan-out.
        if (depth < YamlDocument.MAX_NESTING) {
            for (Node child : read.items(children, "routes")) {
                RouteFields c = routeFields(child, f.receiver, depth + 1);
                out.add(new Routing.Route(false, c.matchers, c.receiver, c.groupBy, c.groupWait, c.groupInterval,
                        c.repeatInterval, c.continueMatching, c.mute, c.active, c.children, read.span(child)));
            }
        }
        f.children = out;
        return f;
    }

    private List<Ref> intervalRefs(Node node, String what) {
        List<Ref> out = new ArrayList<>();
        if (node instanceof ScalarNode && !NodeReader.isNull(node)) {
            read.string(node, what).ifPresent(n -> out.add(Ref.of(Ref.Kind.TIME_INTERVAL, n, read.span(node))));
            return out;
        }
        for (Node item : read.items(node, what)) {
            read.string(item, what).ifPresent(n -> out.add(Ref.of(Ref.Kind.TIME_INTERVAL, n, read.span(item))));
        }
        return out;
    }

    /** A `matchers:` list: each item holds one or more matchers in Alertmanager's syntax. */
    private List<Routing.Matcher> matchers(Node node, String what) {
        List<Routing.Matcher> out = new ArrayList<>();
        List<Node> items = node instanceof ScalarNode && !NodeReader.isNull(node) ? List.of(node) : read.items(node, what);
        for (Node item : items) {
            if (!(item instanceof ScalarNode s)) {
                read.mismatch(item, what, "matcher text such as `severity=\"critical\"`");
                continue;
            }
            AlertmanagerMatchers.Result r = AlertmanagerMatchers.parse(s.getValue());
            ScalarPositions at = ScalarPositions.of(read.doc(), s);
            if (!r.ok()) {
                read.sink().error(Ids.TYPE_INVALID_MATCHER, at.mapOffsets(r.problemAt(), r.problemAt() + 1),
                        "`" + s.getValue() + "` is not a valid matcher: " + r.problem() + ".",
                        "Write `label=\"value\"`, with `=`, `!=`, `=~` or `!~`.");
                continue;
            }
            for (AlertmanagerMatchers.Parsed p : r.matchers()) {
                out.add(new Routing.Matcher(p.label(), p.op(), p.value(), at.mapOffsets(p.start(), p.end())));
            }
        }
        return out;
    }

    /** The deprecated `match:` and `match_re:` mappings of label to value (or regex). */
    private List<Routing.Matcher> legacy(Node node, String op, String what) {
        List<Routing.Matcher> out = new ArrayList<>();
        for (NodeReader.Entry e : read.entries(node, what)) {
            read.string(e.value(), what + "." + e.key()).ifPresent(v -> out.add(
                    new Routing.Matcher(e.key(), op, v, read.span(e.keyNode()).to(read.span(e.value())))));
        }
        return out;
    }

    private Routing.Inhibition inhibition(Node node) {
        List<Routing.Matcher> source = new ArrayList<>();
        List<Routing.Matcher> target = new ArrayList<>();
        List<String> equal = List.of();
        for (NodeReader.Entry e : read.entries(node, "an inhibit rule")) {
            switch (e.key()) {
                case "source_matchers" -> source.addAll(matchers(e.value(), e.key()));
                case "target_matchers" -> target.addAll(matchers(e.value(), e.key()));
                case "source_match" -> source.addAll(legacy(e.value(), "=", e.key()));
                case "source_match_re" -> source.addAll(legacy(e.value(), "=~", e.key()));
                case "target_match" -> target.addAll(legacy(e.value(), "=", e.key()));
                case "target_match_re" -> target.addAll(legacy(e.value(), "=~", e.key()));
                case "equal" -> equal = read.strings(e.value(), "equal");
                default -> read.unknownKey(e, "an inhibit rule", INHIBIT_KEYS, null);
            }
        }
        return new Routing.Inhibition(target, null, source, null, equal, read.span(node));
    }

    /** A named time interval; its several specifications are merged into one. */
    private Optional<Routing.TimeInterval> timeInterval(Node node) {
        List<NodeReader.Entry> entries = read.entries(node, "a time interval");
        NodeReader.Entry name = NodeReader.find(entries, "name");
        List<String> weekdays = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<String> months = new ArrayList<>();
        List<String> days = new ArrayList<>();
        String location = null;
        for (NodeReader.Entry e : entries) {
            if (e.key().equals("name")) {
                continue;
            }
            if (!e.key().equals("time_intervals")) {
                read.unknownKey(e, "a time interval", List.of("name", "time_intervals"), null);
                continue;
            }
            for (Node spec : read.items(e.value(), "time_intervals")) {
                for (NodeReader.Entry s : read.entries(spec, "a time interval")) {
                    switch (s.key()) {
                        case "weekdays" -> weekdays.addAll(read.strings(s.value(), "weekdays"));
                        case "days_of_month" -> days.addAll(read.strings(s.value(), "days_of_month"));
                        case "months" -> months.addAll(read.strings(s.value(), "months"));
                        case "years" -> read.strings(s.value(), "years");
                        case "location" -> location = read.string(s.value(), "location").orElse(location);
                        case "times" -> {
                            for (Node t : read.items(s.value(), "times")) {
                                List<NodeReader.Entry> range = read.entries(t, "times");
                                NodeReader.Entry from = NodeReader.find(range, "start_time");
                                NodeReader.Entry to = NodeReader.find(range, "end_time");
                                if (from != null && to != null) {
                                    times.add(read.string(from.value(), "start_time").orElse("") + "-"
                                            + read.string(to.value(), "end_time").orElse(""));
                                }
                            }
                        }
                        default -> read.unknownKey(s, "a time interval", TIME_INTERVAL_KEYS, null);
                    }
                }
            }
        }
        if (name == null || read.string(name.value(), "name").map(String::isBlank).orElse(true)) {
            read.sink().error(Ids.PROPERTY_MISSING, read.span(node), "The time interval has no `name`.",
                    "Routes refer to time intervals by name; add `name: <interval>`.");
            return Optional.empty();
        }
        return Optional.of(new Routing.TimeInterval(((ScalarNode) name.value()).getValue(), weekdays, times, months,
                days, location, read.span(name.value())));
    }
}
