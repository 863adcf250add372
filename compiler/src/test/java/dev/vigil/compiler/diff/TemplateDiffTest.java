package dev.vigil.compiler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A change to a template is reported once, with what it changes in the services that use it. */
class TemplateDiffTest {
    /** Two alerts per use, both on the `threshold` parameter. */
    private static final String RED = """
            severities critical > warning
            template rules red_alerts(job string, threshold number = 0.05) {
              alert "${service|pascal}Errors" {
                when     sum(rate(http_requests_total{job=$job, code=~"5.."}[5m])) / sum(rate(http_requests_total{job=$job}[5m])) > $threshold
                for      5m
                severity critical
                summary  "errors of ${job}"
              }
              alert "${service|pascal}ErrorsLow" {
                when     sum(rate(http_requests_total{job=$job, code=~"5.."}[1h])) / sum(rate(http_requests_total{job=$job}[1h])) > $threshold
                for      1h
                severity warning
                summary  "slow errors of ${job}"
              }
            }
            """;

    /** Four services; `billing` passes its own threshold, so a new default does not reach it. */
    private static final String SERVICES = """
            service api { group red { use red_alerts(job = "api") } }
            service billing { group red { use red_alerts(job = "billing", threshold = 0.1) } }
            service cart { group red { use red_alerts(job = "cart") } }
            service search { group red { use red_alerts(job = "search") } }
            """;

    static CompileResult compile(String templates, String services) {
        CompileResult r = Compiler.compile(List.of(new SourceFile("templates.vigil", templates),
                new SourceFile("services.vigil", services)));
        assertTrue(r.project().isPresent(), r.diagnostics().toString());
        return r;
    }

    static DiffReport diff(String templatesBefore, String servicesBefore, String templatesAfter, String servicesAfter) {
        return ProjectDiff.compare(compile(templatesBefore, servicesBefore), compile(templatesAfter, servicesAfter),
                "before", "after");
    }

    private static TemplateChange only(DiffReport r) {
        assertEquals(1, r.templates().size(), DiffText.text(r));
        return r.templates().get(0);
    }

    @Test
    void aDefaultChangeIsOneEntryWithTheAlertsAndServicesItReaches() {
        DiffReport r = diff(RED, SERVICES, RED.replace("threshold number = 0.05", "threshold number = 0.02"), SERVICES);
        TemplateChange t = only(r);
        assertEquals(Change.Action.CHANGED, t.action());
        assertEquals("template rules", t.kind());
        assertEquals(List.of(Change.Field.of("default threshold", "0.05", "0.02")), t.fields());
        assertEquals(Map.of(Change.Kind.ALERT, 6), t.reach().objects());
        assertEquals(List.of("api", "cart", "search"), t.reach().services());
        assertEquals("red_alerts: default threshold 0.05 → 0.02; affects 6 alerts in 3 services", DiffText.line(t));
        // Each alert says where it came from, so a reviewer can fold the six lines under the one above.
        assertEquals("ApiErrors: threshold 0.05 → 0.02 (from template `red_alerts`)",
                DiffText.line(r.services().get(0).changes().get(0)));
        assertTrue(r.services().stream().flatMap(s -> s.changes().stream())
                .allMatch(c -> c.templates().equals(List.of("red_alerts"))), DiffText.text(r));
        assertEquals(6, r.changeCount());
        assertFalse(r.breaking());
    }

    @Test
    void anArgumentChangedAtAUseIsNoTemplateChangeButItsObjectsStillSayWhereTheyCameFrom() {
        DiffReport r = diff(RED, SERVICES, RED, SERVICES.replace("threshold = 0.1", "threshold = 0.2"));
        assertEquals(List.of(), r.templates());
        assertEquals(List.of("BillingErrors: threshold 0.1 → 0.2 (from template `red_alerts`)",
                "BillingErrorsLow: threshold 0.1 → 0.2 (from template `red_alerts`)"),
                r.services().get(0).changes().stream().map(DiffText::line).toList());
        assertFalse(DiffText.text(r).contains("templates"), DiffText.text(r));
    }

    @Test
    void aBodyChangeIsSaidOnceAndCommentsAndLayoutAreNoChange() {
        String body = RED.replace("for      5m", "for      10m");
        TemplateChange t = only(diff(RED, SERVICES, body, SERVICES));
        assertEquals("red_alerts: body changed; affects 4 alerts in 4 services", DiffText.line(t));

        String relaid = RED.replace("  alert \"${service|pascal}Errors\" {", "  // The fast one.\n    alert   \"${service|pascal}Errors\"   {")
                .replace("severity critical", "severity /* pages */ critical");
        assertNotEquals(RED, relaid);
        DiffReport same = diff(RED, SERVICES, relaid, SERVICES);
        assertTrue(same.isEmpty(), DiffText.text(same));
    }

    @Test
    void aParameterAddedWithTheOldValueAsDefaultReachesNothing() {
        String window = RED.replace("threshold number = 0.05)", "threshold number = 0.05, window duration = 5m)")
                .replace("[5m]", "[$window]");
        DiffReport r = diff(RED, SERVICES, window, SERVICES);
        TemplateChange t = only(r);
        assertEquals("red_alerts: added parameter `window duration = 5m`, body changed; affects no object",
                DiffText.line(t));
        assertEquals(List.of(), r.services());
        assertFalse(r.isEmpty());
        assertTrue(DiffText.text(r).contains("\ntemplates\n  ~ red_alerts: added parameter"), DiffText.text(r));
    }

    @Test
    void aTypeChangeShowsTheDefaultsAsWritten() {
        String percent = RED.replace("threshold number = 0.05", "threshold percentage = 5%");
        TemplateChange t = only(diff(RED, SERVICES, percent, SERVICES.replace("threshold = 0.1", "threshold = 10%")));
        // 5% is 0.05 in a query: the alerts are the same.
        assertEquals("red_alerts: type of threshold number → percentage, default threshold 0.05 → 5%; affects no object",
                DiffText.line(t));
    }

    @Test
    void aRenamedTemplateIsRemovedAndAdded() {
        DiffReport r = diff(RED, SERVICES, RED.replace("red_alerts(", "error_alerts("),
                SERVICES.replace("red_alerts(", "error_alerts("));
        assertEquals(List.of("+ error_alerts: template rules `(job string, threshold number = 0.05)`; affects no object",
                "- red_alerts: template rules `(job string, threshold number = 0.05)`; affects no object"),
                r.templates().stream().map(t -> t.action().symbol() + " " + DiffText.line(t)).toList());
        // The expansions are the same objects: nothing else changed.
        assertEquals(0, r.changeCount());
    }

    @Test
    void aTemplateUsedInsideAnotherReachesThroughIt() {
        String nested = RED + """
                blueprint web(job string) {
                  group "${service}_red" { use red_alerts(job = $job) }
                }
                """;
        String services = """
                service api { use web(job = "api") }
                service cart { use web(job = "cart") }
                """;
        DiffReport r = diff(nested, services, nested.replace("for      1h", "for      2h"), services);
        TemplateChange t = only(r);
        assertEquals("red_alerts: body changed; affects 2 alerts in 2 services", DiffText.line(t));
        assertEquals("ApiErrorsLow: for 1h → 2h (from template `red_alerts` in `web`)",
                DiffText.line(r.services().get(0).changes().get(0)));
        assertTrue(DiffText.markdown(r).contains("`ApiErrorsLow`: for `1h` → `2h` (from template `red_alerts` in `web`)"),
                DiffText.markdown(r));
    }

    @Test
    void docsReviewShowsTheTemplatesCaseAsVigilPrintsIt() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("vigil.repo", "..")).resolve("docs/review.md"));
        Matcher shown = Pattern.compile("```text\n(vigil diff: before → after\n\ntemplates\n.*?)```", Pattern.DOTALL)
                .matcher(doc);
        assertTrue(shown.find(), "docs/review.md shows a report with templates");
        assertEquals(DiffText.text(DiffGoldenTest.report("templates")), shown.group(1));
    }

    @Test
    void anAlertRemovedFromATemplateIsStillBreakingAndNamesItsTemplate() {
        String fewer = RED.replaceAll("(?s)  alert \"\\$\\{service\\|pascal}ErrorsLow\".*?\\n  }\\n", "");
        DiffReport r = diff(RED, SERVICES, fewer, SERVICES);
        assertEquals("red_alerts: body changed; affects 4 alerts in 4 services", DiffText.line(only(r)));
        assertTrue(r.breaking(), DiffText.text(r));
        assertEquals(4, r.breakingCount());
        Change removed = r.services().get(0).changes().get(0);
        assertEquals(Change.Action.REMOVED, removed.action());
        assertEquals(List.of("red_alerts"), removed.templates());
    }
}
