package dev.vigil.compiler.yaml;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * PromQL taken from YAML scalars. Each query is parsed exactly as YAML delivers it (escapes decoded,
 * lines folded) under a private file name of its own, so its tree and every diagnostic about it carry
 * positions in the value; {@link #remap} then moves those positions into the YAML file. This keeps
 * positions exact for every scalar style without re-implementing YAML's folding for the parser.
 */
public final class ExprSpans {
    private static final String PREFIX = "<yaml-expr#";

    private final Map<String, ScalarPositions> regions = new HashMap<>();

    /** Parses the query held by {@code node}; diagnostics go to {@code sink} in value coordinates until remapped. */
    Optional<Expr> parse(YamlDocument doc, ScalarNode node, DiagnosticSink sink) {
        String virtual = PREFIX + regions.size() + ">";
        regions.put(virtual, ScalarPositions.of(doc, node));
        return PromqlParser.parse(node.getValue(), virtual, 1, 1, sink);
    }

    /** True when the span lies in a query's private coordinates rather than in a file. */
    public boolean isVirtual(Span span) {
        return regions.containsKey(span.file());
    }

    /** The span in its YAML file; spans already in a file are returned as they are. */
    public Span remap(Span span) {
        ScalarPositions p = span == null ? null : regions.get(span.file());
        return p == null ? span : p.map(span);
    }

    public Diagnostic remap(Diagnostic d) {
        if (!isVirtual(d.span()) && (d.fix() == null || !isVirtual(d.fix().span()))) {
            return d;
        }
        Fix fix = d.fix() == null ? null : new Fix(d.fix().description(), remap(d.fix().span()), d.fix().replacement());
        return new Diagnostic(d.code(), d.severity(), remap(d.span()), d.message(), d.hint(), fix, d.blocking());
    }

    public List<Diagnostic> remap(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        diagnostics.forEach(d -> out.add(remap(d)));
        return out;
    }
}
