package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Colons in names versus the colon of a subquery, without a lexer predicate. */
class ColonLexingTest {
    private static Expr parse(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        Optional<Expr> e = PromqlParser.parse(text, sink);
        assertFalse(sink.hasErrors(), () -> text + ": " + sink.sorted());
        return e.orElseThrow();
    }

    @Test
    void recordingRuleNamesKeepTheirColons() {
        VectorSelector v = assertInstanceOf(VectorSelector.class, parse("job:http_requests:rate5m{job=\"a\"}"));
        assertEquals("job:http_requests:rate5m", v.name().orElseThrow());
    }

    @Test
    void aNameMayStartWithAColon() {
        VectorSelector v = assertInstanceOf(VectorSelector.class, parse(":requests:rate5m"));
        assertEquals(":requests:rate5m", v.name().orElseThrow());
    }

    @Test
    void aColonInsideBracketsSeparatesRangeAndStep() {
        Subquery s = assertInstanceOf(Subquery.class, parse("rate(x[1m])[5m:1m]"));
        assertEquals("1m", PromqlPrinter.print(s.step()));
        assertInstanceOf(Subquery.class, parse("max_over_time(rate(x[1m])[5m:step()])").children().get(0));
    }

    @Test
    void aSpaceAfterALeadingColonIsRejected() {
        DiagnosticSink sink = new DiagnosticSink();
        PromqlParser.parse(": requests", sink);
        assertTrue(sink.hasErrors());
    }
}
