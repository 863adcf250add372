package dev.vigil.lsp.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.lsp.harness.Markers;
import dev.vigil.lsp.harness.ServerHarness;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inlay hints with the inferred labels of recording rules, placed after each rule. */
class InlayHintTest {
    static final String FILE = """
            service shop {
              metric http_requests_total counter {
                labels          [code, job]
                optional_labels [route]
              }
              group api {
                record job:errors:rate5m = sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))%|%
                record job_route:requests:rate5m =
                  sum by (job, route) (rate(http_requests_total[5m]))%|%
                record env:up labels { env = "prod" } = up%|%
                alert Down {
                  when env:up == 0
                  severity critical
                }
              }
            }
            """;

    @TempDir
    Path dir;

    private static List<InlayHint> hints(ServerHarness h, Range range) {
        return h.server.getTextDocumentService().inlayHint(new InlayHintParams(
                new TextDocumentIdentifier(h.uri("shop.vigil")), range)).join();
    }

    private static String label(InlayHint hint) {
        return hint.getLabel().getLeft();
    }

    @Test
    void eachRecordingRuleShowsItsLabelsCertainOnesFirst() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            Markers.Marked m = h.open("shop.vigil", FILE);
            h.awaitCompiled();
            List<InlayHint> all = hints(h, new Range(new Position(0, 0), new Position(40, 0)));
            assertEquals(List.of("{job}", "{job, route?}", "{env=\"prod\", instance, job, …}"),
                    all.stream().map(InlayHintTest::label).toList());
            assertEquals(m.positions(), all.stream().map(InlayHint::getPosition).toList());
            String tip = all.get(1).getTooltip().getRight().getValue();
            assertTrue(tip.contains("- every series: `job`") && tip.contains("- some series: `route`"), tip);
            assertTrue(all.get(0).getPaddingLeft());
            h.assertNoInternalErrors();
        }
    }

    @Test
    void onlyTheRulesInTheRequestedRange() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            Markers.Marked m = h.open("shop.vigil", FILE);
            h.awaitCompiled();
            Position second = m.position(1);
            List<InlayHint> one = hints(h, new Range(new Position(second.getLine(), 0), new Position(second.getLine() + 1, 0)));
            assertEquals(List.of("{job, route?}"), one.stream().map(InlayHintTest::label).toList());
            assertEquals(List.of(), hints(h, new Range(new Position(10, 0), new Position(40, 0))));
        }
    }

    @Test
    void aTemplatesRuleShowsWhatItsExpansionsHaveInCommon() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            Markers.Marked m = h.open("shop.vigil", """
                    template rules up_by_job(job string) {
                      record job:up:sum = sum by (job, instance) (up{job=$job})%|%
                    }
                    service a {
                      group g {
                        use up_by_job(job = "a")
                      }
                    }
                    service b {
                      group g {
                        use up_by_job(job = "b")
                      }
                    }
                    """);
            h.awaitCompiled();
            List<InlayHint> all = hints(h, new Range(new Position(0, 0), new Position(20, 0)));
            // `job` is on every series of both, with another value in each; `instance` on every series too.
            assertEquals(List.of("{instance, job}"), all.stream().map(InlayHintTest::label).toList());
            assertEquals(m.position(0), all.get(0).getPosition());
            assertTrue(all.get(0).getTooltip().getRight().getValue().contains("its 2 expansions"));
            h.assertNoInternalErrors();
        }
    }

    @Test
    void aProjectWithErrorsElsewhereStillHasHints() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            h.open("shop.vigil", FILE.replace("severity critical", "severity urgent"));
            assertTrue(h.diagnostics("shop.vigil").stream().anyMatch(d -> d.getSeverity()
                    == org.eclipse.lsp4j.DiagnosticSeverity.Error));
            List<InlayHint> all = hints(h, new Range(new Position(0, 0), new Position(40, 0)));
            assertEquals(3, all.size());
        }
    }
}
