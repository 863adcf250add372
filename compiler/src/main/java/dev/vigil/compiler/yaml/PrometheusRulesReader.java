package dev.vigil.compiler.yaml;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suppression;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a Prometheus rule file ({@code groups:}, or a Kubernetes {@code PrometheusRule} with
 * {@code spec.groups}) into a {@link Service} named after the file, one per file. Fields that
 * Prometheus's rulefmt refuses are reported as it would refuse them, with the position of the key.
 */
public final class PrometheusRulesReader {
    static final List<String> FILE_KEYS = List.of("groups");
    static final List<String> GROUP_KEYS = List.of("name", "interval", "query_offset", "limit", "labels", "rules");
    static final List<String> RULE_KEYS =
            List.of("record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations");

    /** A file's rules and the suppression comments attached to them. */
    public record Result(Service service, List<Suppression> suppressions) {
        public Result {
            suppressions = List.copyOf(suppressions);
        }
    }

    private final NodeReader read;
    private final ExprSpans exprs;
    private final YamlSuppressions comments;
    private final List<Suppression> suppressions = new ArrayList<>();

    private PrometheusRulesReader(YamlDocument doc, ExprSpans exprs, DiagnosticSink sink) {
        this.read = new NodeReader(doc, sink);
        this.exprs = exprs;
        this.comments = new YamlSuppressions(doc);
    }

    /** True when the document's root holds rule groups. */
    public static boolean recognises(Node root) {
        return groupsHolder(root) != null;
    }

    /** The mapping that holds `groups`: the root, or `spec` of a PrometheusRule resource. */
    private static Node groupsHolder(Node root) {
        if (!(root instanceof MappingNode)) {
            return null;
        }
        if (!NodeReader.allValues(root, "groups").isEmpty()) {
            return root;
        }
        List<Node> kind = NodeReader.allValues(root, "kind");
        List<Node> spec = NodeReader.allValues(root, "spec");
        if (!kind.isEmpty() && kind.get(0) instanceof ScalarNode k && k.getValue().equals("PrometheusRule")
                && !spec.isEmpty() && !NodeReader.allValues(spec.get(0), "groups").isEmpty()) {
            return spec.get(0);
        }
        return null;
    }

    /**
     * Reads the rule file. Query spans are in {@code exprs}' private coordinates until the caller
     * remaps them; every other span is in the file.
     */
    public static Result read(YamlDocument doc, ExprSpans exprs, DiagnosticSink sink) {
        return new PrometheusRulesReader(doc, exprs, sink).file();
    }

    private Result file() {
        YamlDocument doc = read.doc();
        Node holder = groupsHolder(doc.root());
        List<RuleGroup> groups = new ArrayList<>();
        Span span = Span.point(doc.path(), 1, 1);
        if (holder != null) {
            if (holder == doc.root()) {
                for (NodeReader.Entry e : read.entries(holder, "the rule file")) {
                    if (!FILE_KEYS.contains(e.key())) {
                        read.unknownKey(e, "a rule file", FILE_KEYS, "A rule file holds only `groups`.");
                    }
                }
            }
            exprs.prepare(doc, queries(holder));
            // A repeated `groups:` was reported when composing; the rules under each are still checked.
            for (Node list : NodeReader.allValues(holder, "groups")) {
                for (Node g : read.items(list, "groups")) {
                    group(g).ifPresent(groups::add);
                }
            }
            span = read.span(((MappingNode) holder).getValue().get(0).getKeyNode());
        }
        suppressions.addAll(comments.orphans());
        String name = serviceName(doc.path());
        Service service = new Service(name, null, new TreeMap<>(), new TreeMap<>(), List.of(), List.of(), groups,
                List.of(), List.of(), List.of(), span);
        return new Result(service, suppressions);
    }

    /** The {@code expr} scalars of every rule, in file order, looked up without reporting anything. */
    private static List<ScalarNode> queries(Node holder) {
        List<ScalarNode> out = new ArrayList<>();
        for (Node list : NodeReader.allValues(holder, "groups")) {
            if (!(list instanceof SequenceNode groups)) {
                continue;
            }
            for (Node g : groups.getValue()) {
                for (Node rules : NodeReader.allValues(g, "rules")) {
                    if (!(rules instanceof SequenceNode items)) {
                        continue;
                    }
                    for (Node rule : items.getValue()) {
                        for (Node expr : NodeReader.allValues(rule, "expr")) {
                            if (expr instanceof ScalarNode s && !NodeReader.isNull(s) && !s.getValue().isBlank()) {
                                out.add(s);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    static String serviceName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private java.util.Optional<RuleGroup> group(Node node) {
        List<NodeReader.Entry> entries = read.entries(node, "a rule group");
        if (!(node instanceof MappingNode)) {
            return java.util.Optional.empty();
        }
        String name = null;
        Span nameSpan = read.span(node);
        long interval = 0;
        Integer limit = null;
        SortedMap<String, String> groupLabels = new TreeMap<>();
        Node rules = null;
        for (NodeReader.Entry e : entries) {
            switch (e.key()) {
                case "name" -> {
                    name = read.string(e.value(), "name").orElse(null);
                    nameSpan = read.span(e.value());
                }
                case "interval" -> interval = read.duration(e.value(), "interval").orElse(0L);
                case "query_offset" -> read.duration(e.value(), "query_offset");
                case "limit" -> limit = read.integer(e.value(), "limit").orElse(null);
                case "labels" -> groupLabels = read.stringMap(e.value(), "labels");
                case "rules" -> rules = e.value();
                default -> read.unknownKey(e, "a rule group", GROUP_KEYS, null);
            }
        }
        if (name == null || name.isBlank()) {
            read.sink().error(Ids.PROPERTY_MISSING, read.span(node), "The rule group has no `name`.",
                    "Prometheus refuses a group without a name; add `name: <group>`.");
            name = "";
        }
        List<Rule> out = new ArrayList<>();
        for (Node r : read.items(rules, "rules")) {
            rule(r, groupLabels).ifPresent(out::add);
        }
        return java.util.Optional.of(new RuleGroup(name, interval, limit, out, nameSpan));
    }

    private java.util.Optional<Rule> rule(Node node, SortedMap<String, String> groupLabels) {
        List<NodeReader.Entry> entries = read.entries(node, "a rule");
        if (!(node instanceof MappingNode item)) {
            return java.util.Optional.empty();
        }
        NodeReader.Entry record = NodeReader.find(entries, "record");
        NodeReader.Entry alert = NodeReader.find(entries, "alert");
        NodeReader.Entry named = alert != null ? alert : record;
        NodeTuple nameTuple = null;
        if (named != null) {
            for (NodeTuple t : item.getValue()) {
                if (t.getKeyNode() == named.keyNode()) {
                    nameTuple = t;
                }
            }
        }
        suppressions.addAll(comments.forItem(item, nameTuple));
        if (record != null && alert != null) {
            read.sink().error(Ids.PROPERTY_CONFLICT, read.span(record.keyNode()),
                    "A rule has both `alert` and `record`; it must be one or the other.",
                    "Split it into an alerting rule and a recording rule.");
        }
        if (named == null) {
            read.sink().error(Ids.PROPERTY_MISSING, read.span(node), "The rule has neither `alert` nor `record`.",
                    "Name it with `alert: <AlertName>` or `record: <metric:name>`.");
            return java.util.Optional.empty();
        }
        String name = read.string(named.value(), named.key()).orElse("");
        Span span = read.span(named.value());
        Expr expr = null;
        long forMillis = 0;
        long keepFiring = 0;
        Ref severity = null;
        SortedMap<String, String> labels = new TreeMap<>(groupLabels);
        SortedMap<String, Span> textSpans = new TreeMap<>();
        java.util.Map<String, String> annotations = new java.util.LinkedHashMap<>();
        Rule.Runbook runbook = Rule.Runbook.EMPTY;
        boolean hasExpr = false;
        boolean isAlert = named == alert;
        for (NodeReader.Entry e : entries) {
            switch (e.key()) {
                case "record", "alert" -> {
                }
                case "expr" -> {
                    hasExpr = true;
                    expr = expr(e);
                }
                case "for", "keep_firing_for" -> {
                    if (!isAlert) {
                        misplaced(e);
                    }
                    long ms = read.duration(e.value(), e.key()).orElse(0L);
                    if (e.key().equals("for")) {
                        forMillis = ms;
                    } else {
                        keepFiring = ms;
                        textSpans.put(Rule.Alert.KEEP_FIRING_FOR, read.span(e.value()));
                    }
                }
                case "labels" -> {
                    for (NodeReader.Entry l : read.entries(e.value(), "labels")) {
                        java.util.Optional<String> v = read.string(l.value(), "labels." + l.key());
                        if (v.isEmpty()) {
                            continue;
                        }
                        if (isAlert && l.key().equals("severity")) {
                            severity = Ref.of(Ref.Kind.SEVERITY, v.get(), read.span(l.value()));
                            labels.remove("severity");
                        } else {
                            labels.put(l.key(), v.get());
                            textSpans.put(Rule.Alert.labelKey(l.key()), read.span(l.value()));
                        }
                    }
                }
                case "annotations" -> {
                    if (!isAlert) {
                        misplaced(e);
                        continue;
                    }
                    for (NodeReader.Entry a : read.entries(e.value(), "annotations")) {
                        read.string(a.value(), "annotations." + a.key()).ifPresent(v -> {
                            annotations.put(a.key(), v);
                            textSpans.put(Rule.Alert.annotationKey(a.key()), read.span(a.value()));
                        });
                    }
                    String url = annotations.get("runbook_url");
                    if (url != null && !url.isBlank()) {
                        runbook = Rule.Runbook.external(url);
                    }
                }
                default -> read.unknownKey(e, isAlert ? "an alerting rule" : "a recording rule", RULE_KEYS, null);
            }
        }
        if (!hasExpr) {
            read.sink().error(Ids.PROPERTY_MISSING, span, "Rule `" + name + "` has no `expr`.",
                    "Add `expr: <PromQL>`; Prometheus refuses a rule without one.");
        }
        if (isAlert) {
            if (severity == null && groupLabels.containsKey("severity")) {
                severity = Ref.of(Ref.Kind.SEVERITY, groupLabels.get("severity"), span);
                labels.remove("severity");
            }
            return java.util.Optional.of(new Rule.Alert(name, expr, forMillis, keepFiring, severity, labels, annotations,
                    null, null, runbook, Origin.WRITTEN, span, textSpans));
        }
        return java.util.Optional.of(new Rule.Recording(name, expr, labels, span));
    }

    private Expr expr(NodeReader.Entry e) {
        if (!(e.value() instanceof ScalarNode s) || NodeReader.isNull(s)) {
            if (NodeReader.isNull(e.value())) {
                read.sink().error(Ids.PROPERTY_MISSING, read.span(e.keyNode()), "`expr` is empty.",
                        "Write the PromQL query after `expr:`.");
            } else {
                read.mismatch(e.value(), "expr", "a PromQL query as text");
            }
            return null;
        }
        if (s.getValue().isBlank()) {
            read.sink().error(Ids.PROPERTY_MISSING, read.span(e.keyNode()), "`expr` is empty.",
                    "Write the PromQL query after `expr:`.");
            return null;
        }
        return exprs.parse(read.doc(), s, read.sink()).orElse(null);
    }

    private void misplaced(NodeReader.Entry e) {
        read.sink().error(Ids.PROPERTY_MISPLACED, read.span(e.keyNode()), "`" + e.key() + "` only applies to alerting rules.",
                "Prometheus refuses it in a recording rule; remove it.");
    }
}
