package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.source.Span;
import org.junit.jupiter.api.Test;

class PromqlSpanTest {
    private static String at(Span s) {
        return s.file() + ":" + s.line() + ":" + s.column() + "-" + s.endLine() + ":" + s.endColumn();
    }

    @Test
    void spansCoverTheNodeAndAreEndExclusive() {
        Binary b = (Binary) PromqlParserTest.parseOk("rate(foo[5m]) > 1");
        assertEquals("<promql>:1:1-1:18", at(b.span()));
        Call rate = (Call) b.lhs();
        assertEquals("<promql>:1:1-1:14", at(rate.span()));
        MatrixSelector m = (MatrixSelector) rate.args().get(0);
        assertEquals("<promql>:1:6-1:13", at(m.span()));
        assertEquals("<promql>:1:10-1:12", at(m.range().span()));
        assertEquals("<promql>:1:17-1:18", at(b.rhs().span()));
    }

    @Test
    void spansArePlacedInTheEnclosingFile() {
        DiagnosticSink sink = new DiagnosticSink();
        Binary b = (Binary) PromqlParser.parse("foo\n  + bar{a=\"é\"}", "rules.yml", 7, 11, sink).orElseThrow();
        assertEquals("rules.yml:7:11-8:15", at(b.span()));
        assertEquals("rules.yml:7:11-7:14", at(b.lhs().span()));
        assertEquals("rules.yml:8:5-8:15", at(b.rhs().span()));
    }

    @Test
    void diagnosticsPointIntoTheEnclosingFile() {
        DiagnosticSink sink = new DiagnosticSink();
        PromqlParser.parse("foo[5m1h]", "rules.yml", 3, 13, sink);
        Diagnostic d = sink.sorted().get(0);
        assertEquals("PromQL.InvalidDuration", d.code());
        assertEquals("rules.yml:3:17-3:21", at(d.span()));
        DiagnosticSink syntax = new DiagnosticSink();
        PromqlParser.parse("foo +", "rules.yml", 3, 13, syntax);
        assertTrue(syntax.sorted().get(0).span().line() == 3 && syntax.sorted().get(0).span().column() == 18,
                () -> at(syntax.sorted().get(0).span()));
    }
}
