package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromqlFormatTest {
    private static Expr parse(String text) {
        return PromqlParser.parse(text, new DiagnosticSink()).orElseThrow();
    }

    @Test
    void shortExpressionsStayOnOneLine() {
        assertEquals("sum by (job) (rate(x[5m]))", PromqlPrinter.format(parse("sum by(job)(rate(x[5m]))"), null, 80));
    }

    @Test
    void longBinaryExpressionsPutOperandsOnIndentedLines() {
        Expr e = parse("max by (topic, consumergroup) (kafka:group_partition_lag:max) / clamp_min(avg by (topic, "
                + "consumergroup) (kafka:group_partition_lag:max), 0.001)");
        assertEquals(String.join("\n",
                "max by (topic, consumergroup) (kafka:group_partition_lag:max)",
                "/",
                "clamp_min(avg by (topic, consumergroup) (kafka:group_partition_lag:max), 0.001)"),
                PromqlPrinter.format(e, null, 80));
    }

    @Test
    void longAggregationsAndCallsBreakInsideTheirParentheses() {
        Expr e = parse("sum by (job) (rate(http_requests_total{code=~\"5..\", handler!~\"/healthz|/metrics\"}[5m]))");
        assertEquals(String.join("\n",
                "sum by (job) (",
                "  rate(",
                "    http_requests_total{code=~\"5..\", handler!~\"/healthz|/metrics\"}[5m]",
                "  )",
                ")"), PromqlPrinter.format(e, null, 40));
    }

    @Test
    void formattingNeverChangesTheTreeOnTheWholeCorpus() throws IOException {
        Optional<java.nio.file.Path> shared = Optional.of(Corpus.requireSharedDir("PromqlFormatTest"));
        List<String> broken = new ArrayList<>();
        int multiLine = 0;
        for (Corpus.Line line : Corpus.read(shared.get().resolve("corpus/promql/valid.txt"))) {
            if (line.text() == null) {
                continue;
            }
            Optional<Expr> expr = PromqlParser.parse(line.text(), new DiagnosticSink());
            if (expr.isEmpty()) {
                continue;
            }
            String formatted = PromqlPrinter.format(expr.get(), null, 30);
            multiLine += formatted.contains("\n") ? 1 : 0;
            Optional<Expr> again = PromqlParser.parse(formatted, new DiagnosticSink());
            if (again.isEmpty() || !again.get().equals(expr.get())) {
                broken.add(line.escaped() + "  =>  " + formatted);
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(multiLine > 100, "the narrow width should break many expressions, broke " + multiLine);
    }
}
