package dev.vigil.compiler.yaml;

import dev.vigil.compiler.concurrent.Workers;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * PromQL taken from YAML scalars. Each query is parsed exactly as YAML delivers it (escapes decoded,
 * lines folded) under a private file name of its own, so its tree and every diagnostic about it carry
 * positions in the value; {@link #remap} then moves those positions into the YAML file. This keeps
 * positions exact for every scalar style without re-implementing YAML's folding for the parser.
 */
public final class ExprSpans {
    private static final String PREFIX = "<yaml-expr#";

    /** Below this many queries in a file, parsing them all takes less than starting threads. */
    private static final int PARALLEL_FROM = 500;

    private final Map<String, ScalarPositions> regions = new HashMap<>();
    private final Map<ScalarNode, Prepared> prepared = new IdentityHashMap<>();
    private int next;

    /**
     * Starts parsing the queries of a large file on the available cores, while the reader goes on
     * reading the rest of the YAML; {@link #parse} then takes each result, and its diagnostics, in
     * the reader's order. A 20,000-rule file spends a third of its reading time parsing queries.
     */
    void prepare(YamlDocument doc, List<ScalarNode> queries) {
        int threads = Workers.cores();
        if (threads < 2 || queries.size() < PARALLEL_FROM) {
            return;
        }
        ExecutorService pool = Workers.pool("vigil-promql", threads);
        try {
            for (ScalarNode node : queries) {
                if (prepared.containsKey(node)) {
                    continue;
                }
                String virtual = region(doc, node);
                DiagnosticSink own = new DiagnosticSink();
                String text = node.getValue();
                prepared.put(node, new Prepared(own, pool.submit(() -> PromqlParser.parse(text, virtual, 1, 1, own))));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Parses the query held by {@code node}; diagnostics go to {@code sink} in value coordinates until remapped. */
    Optional<Expr> parse(YamlDocument doc, ScalarNode node, DiagnosticSink sink) {
        Prepared ready = prepared.remove(node);
        if (ready != null) {
            return ready.result(sink);
        }
        return PromqlParser.parse(node.getValue(), region(doc, node), 1, 1, sink);
    }

    private String region(YamlDocument doc, ScalarNode node) {
        String virtual = PREFIX + next++ + ">";
        regions.put(virtual, ScalarPositions.of(doc, node));
        return virtual;
    }

    /** A query being parsed on another thread, with the diagnostics of its parse. */
    private record Prepared(DiagnosticSink diagnostics, Future<Optional<Expr>> expr) {
        Optional<Expr> result(DiagnosticSink sink) {
            Optional<Expr> parsed = Workers.join(expr);
            sink.addAll(diagnostics.all());
            return parsed;
        }
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
