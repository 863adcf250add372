package dev.vigil.compiler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Expr;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromqlDiffTest {
    private static Expr parse(String text) {
        return PromqlDiff.normalize(PromqlParser.parse(text, new DiagnosticSink()).orElseThrow(), Map.of(), Set.of());
    }

    private static List<String> diff(String a, String b) {
        return PromqlDiff.diff(parse(a), parse(b)).stream().map(PromqlDiff.Piece::toString).toList();
    }

    @Test
    void sameMeaningIsNoChange() {
        assertEquals(List.of(), diff("rate(x[1h])", "rate(x[60m])"));
        assertEquals(List.of(), diff("(a) / (b)", "a / b"));
        assertEquals(List.of(), diff("a > 1.0", "a > 1"));
    }

    @Test
    void aWindowIsShownInItsFunction() {
        assertEquals(List.of("rate(x[5m]) → rate(x[10m])"), diff("sum(rate(x[5m]))", "sum(rate(x[10m]))"));
    }

    @Test
    void onlyTheChangedSubexpressionsAreShown() {
        assertEquals(List.of("a{job=\"x\"} → a{job=\"y\"}", "c → d"),
                diff("sum by (job) (a{job=\"x\"}) / b + c", "sum by (job) (a{job=\"y\"}) / b + d"));
    }

    @Test
    void anOperatorChangeElidesItsUnchangedOperands() {
        assertEquals(List.of("sum by (job) (…) → sum by (job, instance) (…)"),
                diff("sum by (job) (rate(x[5m]))", "sum by (job, instance) (rate(x[5m]))"));
        assertEquals(List.of("… / … → … * …"), diff("a / b", "a * b"));
    }

    @Test
    void aRewrittenQueryIsShownWhole() {
        assertEquals(List.of("rate(x[5m]) → histogram_quantile(0.9, y)"), diff("rate(x[5m])", "histogram_quantile(0.9, y)"));
    }
}
