package dev.vigil.compiler.lowering;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;

/**
 * PromQL that lowering writes: built as text (with constants already substituted), parsed by the
 * same parser as the user's queries, and placed at the declaration that produced it, so that
 * checks and emitters treat it exactly like written PromQL.
 */
final class Generated {
    private Generated() {
    }

    /** {@code text} as a tree whose every span is {@code at}. */
    static Expr query(String text, Span at) {
        DiagnosticSink sink = new DiagnosticSink();
        Expr e = PromqlParser.parse(text, sink).orElseThrow(() -> new IllegalStateException(
                "generated PromQL does not parse: " + text + " " + sink.sorted()));
        return Structural.withSpan(e, at);
    }

    /** A series selector such as {@code x{a="1"}}, at {@code at}. */
    static VectorSelector selector(String text, Span at) {
        if (query(text, at) instanceof VectorSelector v) {
            return v;
        }
        throw new IllegalStateException("not a selector: " + text);
    }
}
