package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromqlParserTest {
    static Expr parseOk(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        Expr e = PromqlParser.parse(text, sink).orElseThrow(() -> new AssertionError(sink.sorted().toString()));
        assertFalse(sink.hasErrors(), () -> text + ": " + sink.sorted());
        return e;
    }

    /** The ids reported by parsing and checking {@code text}. */
    static List<String> codes(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        PromqlParser.parse(text, sink).ifPresent(e -> PromqlChecker.check(e, sink));
        return sink.sorted().stream().map(Diagnostic::code).collect(Collectors.toList());
    }

    @Test
    void buildsTheTree() {
        Expr e = parseOk("sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m] offset 1h)) > bool 0.5");
        Binary b = assertInstanceOf(Binary.class, e);
        assertEquals(BinaryOp.GTR, b.op());
        assertTrue(b.returnBool());
        Aggregation agg = assertInstanceOf(Aggregation.class, b.lhs());
        assertEquals(AggregateOp.SUM, agg.op());
        assertEquals(List.of("job"), agg.grouping().labels());
        Call rate = assertInstanceOf(Call.class, agg.expr());
        OffsetExpr off = assertInstanceOf(OffsetExpr.class, rate.args().get(0));
        MatrixSelector m = assertInstanceOf(MatrixSelector.class, off.expr());
        assertEquals(300_000, ((DurationLiteral) m.range()).millis());
        VectorSelector v = assertInstanceOf(VectorSelector.class, m.selector());
        assertEquals("http_requests_total", v.metricName());
        assertEquals(new LabelMatcher("code", MatchOp.RE, "5..", null, Span.NONE), v.matchers().get(0));
        assertEquals(0.5, ((NumberLiteral) b.rhs()).value());
    }

    @Test
    void readsNumbersTheWayPrometheusDoes() {
        assertEquals(493.0, ((NumberLiteral) parseOk("0755")).value());
        assertEquals(12.0, ((NumberLiteral) parseOk("0xc")).value());
        assertEquals(300.0, ((NumberLiteral) parseOk("5m")).value());
        assertTrue(Double.isNaN(((NumberLiteral) parseOk("nan")).value()));
        assertEquals(Double.POSITIVE_INFINITY, ((NumberLiteral) parseOk("Inf")).value());
    }

    @Test
    void keepsModifierOrderAndVectorMatching() {
        Binary b = (Binary) parseOk("a * on(x, y) group_left(z) fill_left(1) b");
        VectorMatching m = b.matching();
        assertEquals(VectorMatching.Kind.ON, m.kind());
        assertEquals(List.of("x", "y"), m.labels());
        assertEquals(VectorMatching.Cardinality.MANY_TO_ONE, m.cardinality());
        assertEquals(List.of("z"), m.include());
        assertEquals(1.0, m.fillLeft());
        assertNull(m.fillRight());
        assertInstanceOf(AtExpr.class, parseOk("foo offset 5m @ 100"));
        assertInstanceOf(OffsetExpr.class, parseOk("foo @ end() offset -5m"));
    }

    @Test
    void offsetTakesOnlyAnAtom() {
        Binary b = assertInstanceOf(Binary.class, parseOk("foo offset 1m + 1m"));
        assertInstanceOf(OffsetExpr.class, b.lhs());
        assertInstanceOf(Binary.class, parseOk("foo offset -2 ^ 2"));
    }

    @Test
    void subqueryStepAfterColonIsNotAMetricName() {
        Subquery s = assertInstanceOf(Subquery.class, parseOk("rate(foo[1m])[5m:step()]"));
        assertInstanceOf(DurationCall.class, s.step());
        assertInstanceOf(VectorSelector.class, parseOk("foo:bar:baz"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo[5m1h]                    | PromQL.InvalidDuration",
        "foo[0m]                      | PromQL.NonPositiveDuration",
        "foo[-1]                      | PromQL.NonPositiveDuration",
        "foo offset 1s offset 2s      | PromQL.DuplicateOffset",
        "1 offset 1d                  | PromQL.OffsetTarget",
        "(foo + bar)[5m]              | PromQL.RangeOnNonSelector",
        "foo offset 1m[5m]            | PromQL.ModifierBeforeRange",
        "foo @ 1 [5m]                 | PromQL.ModifierBeforeRange",
        "foo @ NaN                    | PromQL.AtOutOfRange",
        "foo[5s/0d]                   | PromQL.DivisionByZero",
        "foo offset 9.5e10            | PromQL.DurationOutOfRange",
        "topk(foo,)                   | PromQL.TrailingComma",
        "sum by (a) (foo) by (b)      | PromQL.DuplicateGrouping",
        "topk(foo)                    | PromQL.ArgumentCount",
        "\"\\400\"                  | PromQL.InvalidString",
        "foo{1=\"a\"}                 | PromQL.InvalidLabelName",
        "foo{\"bar\"}                 | PromQL.DuplicateMetricName",
        "foo > $limit                 | PromQL.ConstantOutsideVigil",
        "1e999                        | PromQL.InvalidNumber",
    })
    void reportsWhatPrometheusRejectsWhileParsing(String text, String code) {
        assertTrue(codes(text).contains(code), () -> text + " gave " + codes(text));
    }

    @Test
    void syntaxErrorsGiveNoTree() {
        DiagnosticSink sink = new DiagnosticSink();
        assertTrue(PromqlParser.parse("sum(rate(foo[5m])", sink).isEmpty());
        assertTrue(sink.sorted().get(0).code().startsWith("Syntax."));
        for (String broken : new String[] {"", "(", "foo{", "foo[", "a +", "sum by (", "foo offset", "foo @", "rate(",
                "{a=}", "foo[5m:", "a and on(", "x[1m] anchored anchored", "-", "@@", "foo{a=\"b\"}[", "foo bar"}) {
            DiagnosticSink s = new DiagnosticSink();
            PromqlParser.parse(broken, s);
            assertTrue(s.hasErrors(), broken);
        }
    }
}
