package dev.vigil.compiler.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixes offered by the checks replace the right text with text that no longer has the problem. */
class FixesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Rate.OnGauge            | rate(queue_depth[5m])                         | rate                                          | deriv
        Rate.OfAggregation      | rate(sum by (job) (http_requests_total)[5m:]) | rate(sum by (job) (http_requests_total)[5m:]) | sum by (job) (rate(http_requests_total[5m]))
        Rate.WindowTooShort     | rate(http_requests_total[30s])                | 30s                                           | 4m
        Regex.RedundantAnchor   | http_requests_total{job=~"^checkout-.*$"}     | job=~"^checkout-.*$"                          | job=~"checkout-.*"
        Regex.MatchesEverything | http_requests_total{job=~".*", code="500"}    | http_requests_total{job=~".*", code="500"}    | http_requests_total{code="500"}
        """)
    void fix(String id, String query, String original, String replacement) {
        String text = "service s { metric queue_depth gauge group g { record a:b:c = " + query + " } }";
        List<Diagnostic> found = Compiler.compile(List.of(new SourceFile("f.vigil", text))).diagnostics().stream()
                .filter(d -> d.code().equals(id)).toList();
        assertEquals(1, found.size(), found.toString());
        Fix fix = found.get(0).fix();
        assertEquals(replacement, fix.replacement());
        assertEquals(original, text.substring(fix.span().column() - 1, fix.span().endColumn() - 1));
        String fixed = text.substring(0, fix.span().column() - 1) + fix.replacement() + text.substring(fix.span().endColumn() - 1);
        assertEquals(List.of(), Compiler.compile(List.of(new SourceFile("f.vigil", fixed))).diagnostics().stream()
                .filter(d -> d.code().equals(id)).toList(), fixed);
    }
}
