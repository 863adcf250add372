package dev.vigil.compiler.validate;

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
        FixAssertions.fixClears(id, "service s { metric queue_depth gauge group g { record a:b:c = " + query + " } }",
                original, replacement);
    }
}
