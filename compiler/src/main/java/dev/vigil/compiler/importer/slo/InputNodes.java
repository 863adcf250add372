package dev.vigil.compiler.importer.slo;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.yaml.YamlDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reading an imported document (YAML, or JSON read as YAML so that positions are kept): lenient
 * lookups that never throw, and the diagnostics an importer reports, each at the node it is about.
 * Shared by the SLO and Grafana importers.
 */
public final class InputNodes {
    private final YamlDocument doc;
    private final DiagnosticSink sink;

    public InputNodes(YamlDocument doc, DiagnosticSink sink) {
        this.doc = doc;
        this.sink = sink;
    }

    public DiagnosticSink sink() {
        return sink;
    }

    public Span span(Node node) {
        return doc.span(node);
    }

    public static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    /** The entries of a mapping in written order, first occurrence of each key; empty for anything else. */
    public static Map<String, Node> entries(Node node) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.putIfAbsent(k.getValue(), t.getValueNode());
                }
            }
        }
        return out;
    }

    /** The value of {@code key} in a mapping, or null. */
    public static Node get(Node mapping, String key) {
        return entries(mapping).get(key);
    }

    /** The first of {@code keys} present in a mapping (Sloth's YAML and Kubernetes spellings), or null. */
    public static Node first(Node mapping, String... keys) {
        Map<String, Node> e = entries(mapping);
        for (String k : keys) {
            if (e.containsKey(k)) {
                return e.get(k);
            }
        }
        return null;
    }

    public static List<Node> items(Node node) {
        return node instanceof SequenceNode s ? s.getValue() : List.of();
    }

    /** A scalar's text; empty for null, a collection or a missing node. */
    public static Optional<String> text(Node node) {
        return node instanceof ScalarNode s && !isNull(node) ? Optional.of(s.getValue()) : Optional.empty();
    }

    /** The text of {@code key}, or null. */
    public static String text(Node mapping, String key) {
        return text(get(mapping, key)).orElse(null);
    }

    public static Optional<BigDecimal> number(Node node) {
        try {
            return text(node).map(t -> new BigDecimal(t.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Optional<Boolean> bool(Node node) {
        return text(node).filter(t -> t.equals("true") || t.equals("false")).map(Boolean::parseBoolean);
    }

    /** A mapping of names to plain values, in written order. */
    public static Map<String, String> strings(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        entries(node).forEach((k, v) -> text(v).ifPresent(t -> out.put(k, t)));
        return out;
    }

    public static List<String> stringList(Node node) {
        List<String> out = new ArrayList<>();
        for (Node item : items(node)) {
            text(item).ifPresent(out::add);
        }
        return out;
    }

    /** Reports a field the language cannot express; the source is written without it. */
    public void unmapped(Node at, String message, String hint) {
        sink.warning(Ids.IMPORT_DROPPED, span(at), message, hint);
    }

    /** Reports each entry of a mapping as not imported, naming it as {@code what}. */
    public void unmappedEach(Node mapping, String what) {
        entries(mapping).forEach((k, v) -> unmapped(v, "`" + k + "` (" + what + ") is not imported.", null));
    }

    /** How many errors have been reported so far: an importer writes nothing once it met one. */
    public static long errors(DiagnosticSink sink) {
        return sink.sorted().stream().filter(Diagnostic::isError).count();
    }

    public void error(String id, Node at, String message, String hint) {
        sink.error(id, span(at), message, hint);
    }

    /**
     * A PromQL expression held in a scalar. Syntax errors are reported once, at the scalar, with the
     * parser's own message: a JSON string's escapes would make finer positions wrong. {@code $name}
     * uses are the caller's to judge (Grafana variables, or Vigil constants), so they are not reported.
     */
    public Optional<Expr> promql(Node scalar, String text, String what) {
        DiagnosticSink local = new DiagnosticSink();
        Optional<Expr> expr = PromqlParser.parse(text, doc.path(), 1, 1, local);
        List<Diagnostic> errors = local.sorted().stream()
                .filter(d -> d.isError() && !d.code().equals(Ids.PROMQL_CONSTANT_OUTSIDE_VIGIL)).toList();
        if (expr.isEmpty() || !errors.isEmpty()) {
            Diagnostic first = errors.isEmpty() ? null : errors.get(0);
            String says = first == null ? "it cannot be parsed" : first.message();
            sink.error(first == null ? Ids.SYNTAX_UNEXPECTED_TOKEN : first.code(), span(scalar),
                    "The " + what + " is not valid PromQL: " + lowerFirst(says),
                    "Fix the query in the input and import it again.");
            return Optional.empty();
        }
        return expr;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
