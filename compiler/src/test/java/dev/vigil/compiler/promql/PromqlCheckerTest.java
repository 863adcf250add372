package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromqlCheckerTest {
    private static ValueType typeOf(String text) {
        return PromqlChecker.typeOf(PromqlParserTest.parseOk(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 + 2                                 | SCALAR",
        "\"s\"                                 | STRING",
        "foo                                   | VECTOR",
        "foo[5m]                               | MATRIX",
        "rate(foo[5m])[1h:]                    | MATRIX",
        "foo offset 5m                         | VECTOR",
        "foo[5m] @ end()                       | MATRIX",
        "scalar(foo) * 2                       | SCALAR",
        "foo > bool 1                          | VECTOR",
        "sum by (a) (foo)                      | VECTOR",
        "time() - step()                       | SCALAR",
        "-(1)                                  | SCALAR",
    })
    void infersTypes(String text, ValueType type) {
        assertEquals(type, typeOf(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "floor()                               | PromQL.ArgumentCount",
        "label_join(foo, \"a\")                | PromQL.ArgumentCount",
        "round(foo, 1, 2)                      | PromQL.ArgumentCount",
        "rate(foo)                             | PromQL.ArgumentType",
        "sum(foo[5m])                          | PromQL.ArgumentType",
        "topk(foo, bar)                        | PromQL.ArgumentType",
        "count_values(5, foo)                  | PromQL.ArgumentType",
        "rte(foo[5m])                          | PromQL.UnknownFunction",
        "foo + bool bar                        | PromQL.BoolOnNonComparison",
        "1 < 2                                 | PromQL.ScalarComparisonWithoutBool",
        "foo and 1                             | PromQL.SetOperatorOnScalar",
        "foo or on(a) group_left bar           | PromQL.GroupingOnSetOperator",
        "foo * on(a) 2                         | PromQL.MatchingOnScalar",
        "a + on(x) group_left(x) b             | PromQL.LabelInOnAndGroup",
        "foo[5m] + 1                           | PromQL.BinaryOperandType",
        "-foo[5m]                              | PromQL.UnaryOperandType",
        "foo[5m][1h:]                          | PromQL.SubqueryOnNonVector",
        "{job=~\".*\"}                         | PromQL.EmptySelector",
        "foo{__name__=\"bar\"}                 | PromQL.DuplicateMetricName",
        "info(foo, target_info{a=\"b\"})       | PromQL.InfoSelector",
    })
    void reportsTypeErrors(String text, String code) {
        List<String> codes = PromqlParserTest.codes(text);
        assertTrue(codes.contains(code), () -> text + " gave " + codes);
    }

    @Test
    void messagesAreSentencesWithCodeInBackticks() {
        DiagnosticSink sink = new DiagnosticSink();
        PromqlChecker.check(PromqlParserTest.parseOk("rate(foo)"), sink);
        Diagnostic d = sink.sorted().get(0);
        assertEquals("Argument 1 of `rate` must be a range vector, but this is an instant vector.", d.message());
        assertTrue(d.hint().contains("`metric[5m]`"));
        DiagnosticSink typo = new DiagnosticSink();
        PromqlChecker.check(PromqlParserTest.parseOk("histogram_quantil(0.9, foo)"), typo);
        assertEquals("Did you mean `histogram_quantile`?", typo.sorted().get(0).hint());
    }

    @Test
    void experimentalFeaturesAreWarningsOnly() {
        for (String text : new String[] {"limitk(2, foo)", "mad_over_time(foo[5m])", "foo[5m+1m]",
                "rate(foo[5m] anchored)", "a + fill(0) b"}) {
            DiagnosticSink sink = new DiagnosticSink();
            PromqlChecker.check(PromqlParserTest.parseOk(text), sink);
            assertFalse(sink.hasErrors(), text);
            assertTrue(sink.size() > 0, text);
        }
    }

    @Test
    void constantTypesTakePartInChecks() {
        DiagnosticSink parse = new DiagnosticSink();
        Expr e = PromqlParser.parse("$a < $b", parse).orElseThrow();
        Map<String, ValueType> types = Map.of("a", ValueType.SCALAR, "b", ValueType.SCALAR);
        DiagnosticSink sink = new DiagnosticSink();
        assertEquals(ValueType.SCALAR, PromqlChecker.check(e, sink, name -> Optional.ofNullable(types.get(name))));
        assertEquals("PromQL.ScalarComparisonWithoutBool", sink.sorted().get(0).code());
        DiagnosticSink unknown = new DiagnosticSink();
        assertEquals(ValueType.NONE, PromqlChecker.check(e, unknown));
        assertFalse(unknown.hasErrors());
    }

    @Test
    void everyFunctionHasASaneSignature() {
        assertTrue(Functions.all().size() >= 90, "functions: " + Functions.all().size());
        for (PromqlFunction f : Functions.all()) {
            assertTrue(f.minArgs() >= 0, f.name());
            assertTrue(f.maxArgs() < 0 || f.maxArgs() >= f.minArgs(), f.name());
        }
        assertTrue(Functions.get("double_exponential_smoothing").orElseThrow().experimental());
        assertFalse(Functions.get("rate").orElseThrow().experimental());
    }
}
