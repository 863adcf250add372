package dev.vigil.compiler.yaml;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Typed reading of composed YAML nodes; a value of the wrong shape becomes a diagnostic at its position. */
final class NodeReader {
    /** One key and its value, as written (or merged in through {@code <<}). */
    record Entry(String key, Node keyNode, Node value) {
    }

    /** Values read through aliases can multiply; past this many the file is refused rather than expanded. */
    static final int MAX_VALUES = 200_000;

    private final YamlDocument doc;
    private final DiagnosticSink sink;
    private int budget = MAX_VALUES;

    NodeReader(YamlDocument doc, DiagnosticSink sink) {
        this.doc = doc;
        this.sink = sink;
    }

    YamlDocument doc() {
        return doc;
    }

    DiagnosticSink sink() {
        return sink;
    }

    Span span(Node node) {
        return doc.span(node);
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    /**
     * The entries of a mapping, first occurrence of each key only (later duplicates were reported when
     * the document was composed), with {@code <<} merge keys expanded as YAML 1.1 defines them.
     * Empty for a null node; a Type.Mismatch for anything else that is not a mapping.
     */
    List<Entry> entries(Node node, String what) {
        if (isNull(node) || exhausted(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode m)) {
            mismatch(node, what, "a mapping of keys to values");
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Node> merges = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
                merges.add(t.getValueNode());
                continue;
            }
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                sink.error(Ids.TYPE_MISMATCH, span(t.getKeyNode()), "A key in " + what + " must be a plain name, not a collection.",
                        null);
                continue;
            }
            if (seen.add(key)) {
                out.add(new Entry(key, t.getKeyNode(), t.getValueNode()));
            }
        }
        // Keys written in the mapping itself override merged ones; earlier merges override later ones.
        for (Node merge : merges) {
            List<Node> sources = merge instanceof SequenceNode seq ? seq.getValue() : List.of(merge);
            for (Node src : sources) {
                if (src instanceof MappingNode) {
                    for (Entry e : entries(src, what)) {
                        if (seen.add(e.key())) {
                            out.add(e);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Every value of {@code key}, duplicates included: a repeated `groups:` still holds rules to check. */
    static List<Node> allValues(Node mapping, String key) {
        List<Node> out = new ArrayList<>();
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                    out.add(t.getValueNode());
                }
            }
        }
        return out;
    }

    /** Counts one collection read; reports, once, a file whose aliases expand beyond {@link #MAX_VALUES}. */
    private boolean exhausted(Node node) {
        if (budget == Integer.MIN_VALUE) {
            return true;
        }
        if (--budget < 0) {
            budget = Integer.MIN_VALUE;
            sink.error(Ids.INPUT_TOO_LARGE, span(node), "Through its aliases this YAML expands to more than " + MAX_VALUES
                    + " values; Vigil stops reading it here.", "Write the values out instead of nesting aliases.");
            return true;
        }
        return false;
    }

    static Entry find(List<Entry> entries, String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** Items of a sequence; empty for null, Type.Mismatch for anything else. */
    List<Node> items(Node node, String what) {
        if (isNull(node) || exhausted(node)) {
            return List.of();
        }
        if (node instanceof SequenceNode s) {
            budget -= s.getValue().size();
            return s.getValue();
        }
        mismatch(node, what, "a list");
        return List.of();
    }

    /** A scalar's text; null and non-scalars give empty (the latter with a Type.Mismatch). */
    Optional<String> string(Node node, String what) {
        if (isNull(node)) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        mismatch(node, what, "a single value");
        return Optional.empty();
    }

    /** A list of strings, also accepting a single string. */
    List<String> strings(Node node, String what) {
        if (node instanceof ScalarNode s && !isNull(node)) {
            return List.of(s.getValue());
        }
        List<String> out = new ArrayList<>();
        for (Node item : items(node, what)) {
            string(item, what).ifPresent(out::add);
        }
        return out;
    }

    Optional<Boolean> bool(Node node, String what) {
        Optional<String> s = string(node, what);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return switch (s.get()) {
            case "true", "True", "TRUE" -> Optional.of(true);
            case "false", "False", "FALSE" -> Optional.of(false);
            default -> {
                sink.error(Ids.TYPE_MISMATCH, span(node), "`" + what + "` expects `true` or `false`, but got `" + s.get() + "`.",
                        null);
                yield Optional.empty();
            }
        };
    }

    Optional<Integer> integer(Node node, String what) {
        Optional<String> s = string(node, what);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(s.get().strip()));
        } catch (NumberFormatException e) {
            sink.error(Ids.TYPE_MISMATCH, span(node), "`" + what + "` expects a whole number, but got `" + s.get() + "`.", null);
            return Optional.empty();
        }
    }

    /**
     * A Prometheus duration ({@code 1h30m}, or {@code 0}); anything else is a Type.InvalidDuration,
     * which Prometheus and Alertmanager refuse at load time.
     */
    Optional<Long> duration(Node node, String what) {
        Optional<String> s = string(node, what);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String text = s.get();
        if (text.equals("0")) {
            return Optional.of(0L);
        }
        String problem;
        Optional<String> meant = Durations.correction(text);
        if (meant.isPresent()) {
            sink.report(new Diagnostic(Ids.TYPE_INVALID_DURATION, Severity.ERROR, span(node),
                    Durations.typoMessage(text, meant.get()), Durations.HINT,
                    new Fix("Write the duration", span(node), meant.get())));
            return Optional.empty();
        }
        if (text.isEmpty()) {
            problem = "`" + what + "` is empty, but needs a duration such as `5m`";
        } else if (text.chars().allMatch(Character::isDigit)) {
            problem = "`" + text + "` has no unit; `" + what + "` needs a duration such as `" + text + "m`";
        } else {
            try {
                return Optional.of(Durations.parseMillis(text));
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        sink.error(Ids.TYPE_INVALID_DURATION, span(node), problem + ".", Durations.HINT);
        return Optional.empty();
    }

    /** A mapping of label names to string values. */
    SortedMap<String, String> stringMap(Node node, String what) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Entry e : entries(node, what)) {
            string(e.value(), what + "." + e.key()).ifPresent(v -> out.put(e.key(), v));
        }
        return out;
    }

    void unknownKey(Entry e, String block, Collection<String> known, String hintWhenUnknown) {
        String near = Suggest.closest(e.key(), known);
        sink.error(Ids.PROPERTY_UNKNOWN, span(e.keyNode()), "`" + e.key() + "` is not a field of " + block + ".",
                near != null ? "Did you mean `" + near + "`?"
                        : hintWhenUnknown != null ? hintWhenUnknown
                                : "Known fields: " + known.stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "))
                                        + ".");
    }

    void mismatch(Node node, String what, String expected) {
        String got = node instanceof MappingNode ? "a mapping" : node instanceof SequenceNode ? "a list" : "`"
                + ((ScalarNode) node).getValue() + "`";
        sink.error(Ids.TYPE_MISMATCH, span(node), "`" + what + "` expects " + expected + ", but got " + got + ".", null);
    }
}
