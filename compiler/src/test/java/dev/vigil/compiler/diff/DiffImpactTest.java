package dev.vigil.compiler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes a change breaking, and the impacts spelled out beside the changes. */
class DiffImpactTest {
    private static final String SERVICE = """
            severities critical > warning > info
            service api {
              team "api"
              group api_rules {
                record job:errors:rate5m = sum by (job) (rate(errors_total{job="api"}[5m]))
                alert ApiErrors {
                  when     job:errors:rate5m > 1
                  for      5m
                  severity critical
                  labels   { tier = "front" }
                  summary  "errors"
                }
                alert ApiSlow {
                  when     rate(slow_total{job="api"}[5m]) > 1
                  for      5m
                  severity warning
                  summary  "slow"
                }
              }
            }
            """;

    private static final String ROUTING = """
            routing {
              receiver pager pagerduty { routing_key_file "/k" }
              receiver slack slack { channel "#a" api_url_file "/s" }
              route tier = "front" to pager
              route default to slack
            }
            """;

    static CompileResult compile(String text) {
        CompileResult r = Compiler.compile(List.of(new SourceFile("p.vigil", text)));
        assertTrue(r.project().isPresent(), r.diagnostics().toString());
        return r;
    }

    static DiffReport diff(String before, String after) {
        return ProjectDiff.compare(compile(before), compile(after), "before", "after");
    }

    private static List<Impact.Type> types(DiffReport r) {
        return r.impacts().stream().map(Impact::type).toList();
    }

    @Test
    void noChangeIsNoReport() {
        DiffReport r = diff(SERVICE + ROUTING, ROUTING + SERVICE);
        assertTrue(r.isEmpty(), DiffText.text(r));
        assertEquals("vigil diff: before → after\nNo changes: both sides compile to the same model.\n", DiffText.text(r));
    }

    @Test
    void removingAnAlertIsBreaking() {
        String after = SERVICE.replace("alert ApiSlow {", "alert ApiSlowGone {").replaceAll("(?s)alert ApiSlowGone \\{.*?\\n    }\\n", "");
        DiffReport r = diff(SERVICE + ROUTING, after + ROUTING);
        assertTrue(r.breaking(), DiffText.text(r));
        assertEquals(List.of(Impact.Type.ALERT_REMOVED), types(r));
    }

    @Test
    void aRecordingRuleStillReadIsABrokenReference() {
        String renamed = SERVICE.replace("record job:errors:rate5m", "record job:api_errors:rate5m");
        DiffReport r = diff(SERVICE + ROUTING, renamed + ROUTING);
        assertEquals(List.of(Impact.Type.REFERENCE_BROKEN), types(r), DiffText.text(r));
        assertEquals("The recording rule `job:errors:rate5m` is renamed to `job:api_errors:rate5m`, but alert "
                + "`ApiErrors` still reads it.", r.impacts().get(0).message());
        assertTrue(DiffText.text(r).contains("~ job:api_errors:rate5m: renamed from job:errors:rate5m → job:api_errors:rate5m"),
                DiffText.text(r));
    }

    @Test
    void aLabelThatRoutesMatchOnIsReportedAndItsPageLevelAlertLosingTheReceiverIsBreaking() {
        String after = SERVICE.replace("labels   { tier = \"front\" }\n", "");
        DiffReport r = diff(SERVICE + ROUTING, after + ROUTING);
        String text = DiffText.text(r);
        assertTrue(r.breaking(), text);
        assertEquals(List.of(Impact.Type.RECEIVER_LOST, Impact.Type.LABEL_MATCHED), types(r), text);
        assertTrue(text.contains("~ ApiErrors: label tier front → none, receivers pager → slack (the default only)"), text);
        assertTrue(text.contains("breaking: The critical alert `ApiErrors` no longer reaches `pager`."), text);
        assertTrue(text.contains("note: The alert `ApiErrors` no longer has the label `tier`, which routes or "
                + "inhibitions match on."), text);
    }

    @Test
    void aRouteChangeAloneIsAnEffectAndANoteWhenOnlyTheDefaultIsLeft() {
        String routing = ROUTING.replace("route tier = \"front\" to pager", "route tier = \"back\" to pager");
        DiffReport r = diff(SERVICE + ROUTING, SERVICE + routing);
        String text = DiffText.text(r);
        assertTrue(text.contains("→ `ApiErrors` now reaches `slack` instead of `pager`"), text);
        assertTrue(text.contains("+ route tier = \"back\": to pager"), text);
        assertTrue(text.contains("- route tier = \"front\": to pager"), text);
        assertEquals(List.of(Impact.Type.RECEIVER_LOST, Impact.Type.DEFAULT_ONLY), types(r), text);
    }

    @Test
    void aWarningThatLosesAReceiverIsNotBreaking() {
        String before = SERVICE.replace("severity warning", "severity warning\n      labels   { tier = \"front\" }");
        DiffReport r = diff(before + ROUTING, SERVICE + ROUTING);
        assertFalse(r.breaking(), DiffText.text(r));
    }

    @Test
    void aRangeChangeIsShownInItsFunctionAndAThresholdChangeIsNotAnExpressionChange() {
        String after = SERVICE.replace("rate(slow_total{job=\"api\"}[5m]) > 1", "rate(slow_total{job=\"api\"}[10m]) > 2");
        DiffReport r = diff(SERVICE, after);
        assertEquals("ApiSlow: threshold 1 → 2, expr rate(slow_total{job=\"api\"}[5m]) → rate(slow_total{job=\"api\"}[10m])",
                DiffText.line(r.services().get(0).changes().get(0)), DiffText.text(r));
    }
}
