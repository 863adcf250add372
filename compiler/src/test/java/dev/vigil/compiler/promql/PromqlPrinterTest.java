package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromqlPrinterTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))",
        "a + on(x) group_left(y) fill(0) b",
        "a / ignoring(x) group_right() b",
        "a > bool 1 and b unless c or d",
        "-a ^ -b * c",
        "(-a) ^ 2",
        "2 ^ 3 ^ 4",
        "(2 ^ 3) ^ 4",
        "a - (b - c)",
        "foo[5m:] offset -1h @ end()",
        "foo offset min_of(step(), 1s) + 8000",
        "rate(foo[1m] anchored)",
        "{\"my.metric\", \"a.b\"=\"x\"}",
        "offset{step=\"1s\"}[5m]",
        "topk(5, foo) by (a)",
        "count_values without () (\"v\", foo)",
        "'single \\' quote' + `raw \\ string`",
        "foo[1h30m:10s]",
        "count_over_time(m[((max_of(min_of((step()+1),((1h))),1ms)))])",
        "foo{NaN='bc'}",
        "h >/ 0.5",
    })
    void printsBackWhatItParsed(String text) {
        Expr e = PromqlParserTest.parseOk(text);
        String printed = PromqlPrinter.print(e);
        assertEquals(e, PromqlParserTest.parseOk(printed), printed);
        assertEquals(printed, PromqlPrinter.print(PromqlParserTest.parseOk(printed)));
    }

    @Test
    void canonicalForm() {
        assertEquals("sum by (job) (foo)", PromqlPrinter.print(PromqlParserTest.parseOk("sum(foo)by(job)")));
        assertEquals("a + on(x) group_left() fill_left(1) fill_right(2) b",
                PromqlPrinter.print(PromqlParserTest.parseOk("a+on(x)group_left()fill_left(1)fill_right(2)b")));
        assertEquals("\"a\\nb\\\"c\"", PromqlPrinter.print(PromqlParserTest.parseOk("'a\\nb\"c'")));
    }

    @Test
    void addsParenthesesToTreesBuiltByCode() {
        Expr sum = new Binary(BinaryOp.ADD, sel("a"), sel("b"), false, null, Span.NONE);
        Expr product = new Binary(BinaryOp.MUL, sum, NumberLiteral.of(2, Span.NONE), false, null, Span.NONE);
        assertEquals("(a + b) * 2", PromqlPrinter.print(product));
        Expr diff = new Binary(BinaryOp.SUB, sel("a"), sum, false, null, Span.NONE);
        assertEquals("a - (a + b)", PromqlPrinter.print(diff));
        Expr sub = new Subquery(sum, DurationLiteral.of(300_000, Span.NONE), null, Span.NONE);
        assertEquals("(a + b)[5m:]", PromqlPrinter.print(sub));
        Expr pow = new Binary(BinaryOp.POW, NumberLiteral.of(-2, Span.NONE), NumberLiteral.of(2, Span.NONE), false,
                null, Span.NONE);
        assertEquals("(-2) ^ 2", PromqlPrinter.print(pow));
    }

    @Test
    void substitutesConstantsInEveryPosition() {
        DiagnosticSink sink = new DiagnosticSink();
        Expr e = PromqlParser.parse(
                "rate(jobs_total{env=$env, code=$code}[$window] offset $lag) > $threshold", sink).orElseThrow();
        assertEquals(List.of("code", "env", "lag", "threshold", "window"),
                ConstantUse.in(e).stream().map(ConstantUse::name).sorted().toList());
        Map<String, String> values = Map.of("env", "\"prod\"", "code", "500", "window", "5m", "lag", "1h",
                "threshold", "0.95");
        assertEquals("rate(jobs_total{env=\"prod\", code=\"500\"}[5m] offset 1h) > 0.95",
                PromqlPrinter.print(e, ref -> values.get(ref.name())));
        assertEquals("rate(jobs_total{env=$env, code=$code}[$window] offset $lag) > $threshold", PromqlPrinter.print(e));
        Expr pow = PromqlParser.parse("$x ^ 2", new DiagnosticSink()).orElseThrow();
        assertEquals("(-3) ^ 2", PromqlPrinter.print(pow, ref -> "-3"));
    }

    @Test
    void constantUsesKnowTheirPosition() {
        Expr e = PromqlParser.parse("foo{a=$s}[$d] > $n", new DiagnosticSink()).orElseThrow();
        assertEquals(List.of(ConstantUse.Position.MATCHER_VALUE, ConstantUse.Position.DURATION,
                ConstantUse.Position.EXPRESSION), ConstantUse.in(e).stream().map(ConstantUse::position).toList());
    }

    private static VectorSelector sel(String name) {
        return new VectorSelector(name, List.of(), Span.NONE);
    }
}
