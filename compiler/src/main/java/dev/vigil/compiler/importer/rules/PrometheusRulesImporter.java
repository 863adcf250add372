package dev.vigil.compiler.importer.rules;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.importer.ImportedSource;
import dev.vigil.compiler.importer.Importer;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.yaml.ExprSpans;
import dev.vigil.compiler.yaml.PrometheusRulesReader;
import dev.vigil.compiler.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Prometheus rule files and {@code PrometheusRule} resources ({@code monitoring.coreos.com/v1}), read
 * with the reader {@code vigil lint} uses, so an input is refused for exactly what Prometheus refuses.
 * Groups go to services by {@link ServiceNames}, keeping their order and their rules' order.
 */
public final class PrometheusRulesImporter implements Importer {
    @Override
    public String kind() {
        return "Prometheus rule file";
    }

    @Override
    public boolean recognises(YamlDocument document) {
        return PrometheusRulesReader.recognises(document.root());
    }

    @Override
    public List<ImportedSource> translate(YamlDocument document, DiagnosticSink sink) {
        ExprSpans exprs = new ExprSpans();
        DiagnosticSink read = new DiagnosticSink();
        PrometheusRulesReader.Result result = PrometheusRulesReader.read(document, exprs, read);
        java.util.Set<String> invalid = new java.util.HashSet<>();
        for (Diagnostic d : read.sorted()) {
            // A query Prometheus would refuse cannot be written as a query: its rule is left out, said so
            // at the query, and the rest of the file is still imported.
            if (d.isError() && exprs.isVirtual(d.span())) {
                invalid.add(d.span().file());
                sink.warning(Ids.IMPORT_DROPPED, exprs.remap(d.span()), "This rule is left out: its query is not valid "
                        + "PromQL. " + d.message(), d.hint());
            } else {
                sink.report(exprs.remap(d));
            }
        }
        dropped(document, sink);
        Map<String, List<RuleGroup>> byService = new LinkedHashMap<>();
        for (RuleGroup g : result.service().groups()) {
            byService.computeIfAbsent(ServiceNames.of(g), k -> new ArrayList<>()).add(g);
        }
        List<ImportedSource> out = new ArrayList<>();
        for (Map.Entry<String, List<RuleGroup>> e : byService.entrySet()) {
            out.add(new ImportedSource(e.getKey(), RulesText.service(e.getKey(), e.getValue(),
                    r -> r.expr() != null && !invalid.contains(r.expr().span().file()) && writable(r, sink))));
        }
        return out;
    }

    /** Group settings the language has no place for: {@code query_offset}. */
    private static void dropped(YamlDocument document, DiagnosticSink sink) {
        for (Node group : groups(document.root())) {
            if (!(group instanceof MappingNode m)) {
                continue;
            }
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("query_offset")) {
                    sink.warning(Ids.IMPORT_DROPPED, document.span(k), "The group's `query_offset` is left out: the "
                            + "language has no place for it.", "The group is evaluated at the server's own "
                            + "`rule_query_offset`; set that, or add the offset to the queries.");
                }
            }
        }
    }

    private static List<Node> groups(Node root) {
        Node holder = root;
        Node spec = value(root, "spec");
        if (value(root, "groups") == null && spec != null) {
            holder = spec;
        }
        return value(holder, "groups") instanceof SequenceNode s ? s.getValue() : List.of();
    }

    private static Node value(Node node, String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    /** Whether an imported rule can be written at all: alert names are bare names in the language. */
    private static boolean writable(Rule r, DiagnosticSink sink) {
        if (r instanceof Rule.Alert && !VigilText.isName(r.name())) {
            sink.warning(Ids.IMPORT_DROPPED, r.span(), "Alert `" + r.name() + "` is left out: the language names "
                    + "alerts with letters, digits and `_` only.", "Rename it in the input, then import again.");
            return false;
        }
        return true;
    }
}
