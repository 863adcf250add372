package dev.vigil.lsp.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Hover through the server: a PromQL subexpression's value type and labels, a metric's declaration, an
 * alert's threshold, {@code for}, severity, receivers and panel, a constant's value, a recording rule's
 * query; Markdown over the range of the name or expression.
 */
class HoverTest extends OneServer {
    Hover hover(String mark, int offset) {
        Hover h = f.h.server.getTextDocumentService().hover(new HoverParams(f.doc(mark), f.at(mark, offset))).join();
        if (h != null) {
            assertEquals(MarkupKind.MARKDOWN, h.getContents().getRight().getKind());
        }
        return h;
    }

    static String text(Hover h) {
        return h.getContents().getRight().getValue();
    }

    @Test
    void aPromqlSubexpressionShowsItsTypeAndItsDefiniteAndPossibleLabels() {
        Hover h = hover("rate", 2);
        assertEquals("""
                `rate(http_requests_total{code=~"5.."}[$window])`: an instant vector

                - labels: `code`, `instance`, `job`, `method`
                - possibly: `region`""", text(h));
        assertEquals(new Range(f.main.at("rate"), f.main.at("rateEnd")), h.getRange());
    }

    @Test
    void aMetricShowsItsDeclarationAndASelectorItsSeriesToo() {
        String metric = """
                **metric** `http_requests_total`: counter

                - labels: `code`, `method`
                - optional labels: `region`

                Requests served.""";
        Hover declared = hover("mdef", 0);
        assertEquals(metric, text(declared));
        assertEquals(f.location("mdef", "http_requests_total").getRange(), declared.getRange());
        Hover selector = hover("mref1", 3);
        assertEquals(metric + """


                ---

                `http_requests_total{code=~"5.."}`: an instant vector

                - labels: `code`, `instance`, `job`, `method`
                - possibly: `region`""", text(selector));
        assertEquals(f.location("mref1", "http_requests_total").getRange(), selector.getRange());
    }

    @Test
    void anAlertShowsThresholdForSeverityReceiversAndPanel() {
        String alert = """
                **alert** `CheckoutErrors`

                - threshold: `> 0.05`
                - for: `5m`
                - severity: `critical`
                - receivers: `pager`
                - panel: `overview.errors`""";
        assertEquals(alert, text(hover("adef", 0)));
        // From a file the editor has not opened, after a character outside the BMP on the line.
        Hover fromRouting = hover("aref4", 5);
        assertEquals(alert, text(fromRouting));
        assertEquals(f.location("aref4", "CheckoutErrors").getRange(), fromRouting.getRange());
        assertEquals("""
                **alert** `CheckoutFewInstances`

                - threshold: `< 2`
                - for: `5m`
                - severity: `warning`
                - receivers: `slack_ops`""", text(hover("a2def", 0)));
    }

    @Test
    void aConstantShowsItsValueOverItsNameWithoutTheDollar() {
        Hover h = hover("gref1", 0);
        assertEquals("**constant** `$error_ratio` = `0.05` (number, project-wide)", text(h));
        assertEquals(f.location("gref1", "error_ratio").getRange(), h.getRange());
        assertEquals("**constant** `$min_instances` = `2` (number, service `checkout`)", text(hover("sref1", 4)));
        assertEquals("**constant** `$window` = `5m` (duration, project-wide)", text(hover("wdef", 0)));
    }

    @Test
    void aRecordingRuleShowsItsQueryAndSeries() {
        String text = text(hover("rref2", 0));
        assertEquals("""
                **recording rule** `job:http_errors:ratio_rate5m`

                ```promql
                sum by (job) (rate(http_requests_total{code=~"5.."}[$window])) / (sum by (job) (rate(http_requests_total[5m])) > 0)
                ```

                `job:http_errors:ratio_rate5m`: an instant vector

                - labels: `job`""", text);
    }

    @Test
    void nothingOnAKeywordOrInAnUnknownDocument() {
        assertNull(hover("adef", -3));
        assertNull(f.h.server.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier("file:///nowhere/x.vigil"), new Position(0, 0))).join());
    }
}
