package dev.vigil.lsp.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.lsp.harness.Markers;
import dev.vigil.lsp.harness.ServerHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion through the server's request, one context per document: the names come from a file of the
 * project on disk ({@link CompletionFixtures#COMMON}), the edited text is where the cursor markers are.
 */
class CompletionTest {
    @TempDir
    Path dir;

    private ServerHarness h;
    private int documents;

    @BeforeEach
    void start() throws Exception {
        h = ServerHarness.start(dir);
        h.write("common.vigil", CompletionFixtures.COMMON);
        h.fileChanged("common.vigil");
    }

    @AfterEach
    void stop() {
        h.assertNoInternalErrors();
        h.close();
    }

    /** Opens {@code marked} as a new document and completes at its first marker. */
    private List<CompletionItem> complete(String marked) {
        String name = "edit" + documents++ + ".vigil";
        Markers.Marked m = h.open(name, marked);
        h.awaitCompiled();
        List<CompletionItem> items = h.server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(h.uri(name)), m.position(0))).join().getLeft();
        h.close(name);
        return items;
    }

    private List<String> labels(String marked) {
        return complete(marked).stream().map(CompletionItem::getLabel).toList();
    }

    private static List<String> ofKind(List<CompletionItem> items, CompletionItemKind kind) {
        return items.stream().filter(i -> i.getKind() == kind).map(CompletionItem::getLabel).toList();
    }

    private static String alertBody(String body) {
        return "service shop {\n  group g2 {\n    alert A {\n      " + body + "\n    }\n  }\n}\n";
    }

    @Test
    void theKeywordsAreTheGrammarsAtTopLevelInAServiceAndInAnAlert() {
        assertEquals(List.of("alert_windows", "blueprint", "catalogue", "checks", "const", "extend", "import", "kubernetes",
                "routing", "service", "settings", "severities", "template"), labels("%|%"));
        // After a declaration an import may no longer come.
        assertEquals(List.of("alert_windows", "blueprint", "catalogue", "checks", "const", "extend", "kubernetes",
                "routing", "service", "settings", "severities", "template"), labels("const a = 1\n%|%"));
        assertEquals(List.of("const", "dashboard", "for", "group", "kubernetes", "labels", "links", "metric", "slo",
                "team", "test", "use"), labels("service x {\n  %|%\n}\n"));
        assertEquals(List.of("aliases", "annotations", "description", "for", "guard", "keep_firing_for", "labels",
                "panel", "runbook", "severity", "summary", "when"), labels(alertBody("%|%")));
        List<CompletionItem> items = complete(alertBody("%|%"));
        assertTrue(items.stream().allMatch(i -> i.getKind() == CompletionItemKind.Keyword && "keyword".equals(i.getDetail())));
    }

    @Test
    void severitiesComeFromTheProjectsDeclaration() {
        List<CompletionItem> items = complete(alertBody("severity %|%"));
        assertEquals(List.of("critical", "info", "warning"), ofKind(items, CompletionItemKind.EnumMember));
        assertEquals(List.of("critical", "info", "warning"), items.stream().map(CompletionItem::getLabel).toList());
    }

    @Test
    void severitiesInARouteMatcherOnSeverity() {
        assertEquals(List.of("critical", "info", "warning"), ofKind(
                complete("routing {\n  route severity >= %|%\n}\n"), CompletionItemKind.EnumMember));
        assertEquals(List.of(), ofKind(complete("routing {\n  route team = %|%\n}\n"), CompletionItemKind.EnumMember));
    }

    @Test
    void receiversAfterToAndExpect() {
        List<CompletionItem> to = complete("routing {\n  route team = shop to %|%\n}\n");
        assertEquals(List.of("chat", "pager"), to.stream().map(CompletionItem::getLabel).toList());
        assertEquals(List.of("slack receiver", "webhook receiver"), to.stream().map(CompletionItem::getDetail).toList());
        assertEquals(List.of("chat", "pager"),
                labels("routing {\n  test \"t\" {\n    { severity = \"critical\" } expect pager, %|%\n  }\n}\n"));
    }

    @Test
    void alertsInRoutingTestsInhibitRulesAndUnitTests() {
        assertEquals(List.of("HighErrorRate"), labels("routing {\n  test \"t\" {\n    alert %|%\n  }\n}\n"));
        assertEquals(List.of("HighErrorRate"), ofKind(complete("routing {\n  inhibit %|%\n}\n"), CompletionItemKind.Event));
        assertTrue(labels("routing {\n  inhibit HighErrorRate while %|%\n}\n").contains("HighErrorRate"));
        assertEquals(List.of("HighErrorRate"), labels("service shop {\n  test \"t\" {\n    at 5m expect alert %|%\n  }\n}\n"));
    }

    @Test
    void constantsAfterADollarReplaceTheDollarToo() {
        Markers.Marked m = Markers.strip(alertBody("when up > $thr%|%"));
        List<CompletionItem> items = complete(alertBody("when up > $thr%|%"));
        // The service's own constant first, then the project's; nothing but constants after `$`.
        assertEquals(List.of("$error_budget", "$threshold"), items.stream().map(CompletionItem::getLabel).toList());
        CompletionItem threshold = items.get(1);
        assertEquals(CompletionItemKind.Constant, threshold.getKind());
        assertEquals("= 0.05", threshold.getDetail());
        Position end = m.position(0);
        Position start = new Position(end.getLine(), end.getCharacter() - "$thr".length());
        assertEquals(new TextEdit(new Range(start, end), "$threshold"), threshold.getTextEdit().getLeft());
        assertEquals(InsertTextFormat.PlainText, threshold.getInsertTextFormat());
    }

    @Test
    void insideATemplateItsParametersAndInAForBlockItsVariable() {
        List<CompletionItem> items = complete("template rules fast(job string, limit duration = 1s) {\n"
                + "  for code in [\"500\", \"503\"] {\n    record r = up{job=$%|%\n  }\n}\n");
        assertEquals(List.of("$code", "$job", "$limit", "$threshold"), items.stream().map(CompletionItem::getLabel).toList());
        assertEquals(List.of("loop variable", "template parameter: string", "template parameter: duration", "= 0.05"),
                items.stream().map(CompletionItem::getDetail).toList());
        // Past the block, its variable is gone.
        assertEquals(List.of("$job", "$limit", "$threshold"), labels("template rules fast(job string, limit duration = 1s) {\n"
                + "  for code in [\"500\"] {\n    record r = up\n  }\n  record s = up{job=$%|%\n}\n"));
    }

    @Test
    void dashboardsThenTheirPanelsAfterPanel() {
        assertEquals(List.of("shop_overview"), labels(alertBody("panel %|%")));
        List<CompletionItem> panels = complete(alertBody("panel shop_overview.%|%"));
        assertEquals(List.of("errors"), panels.stream().map(CompletionItem::getLabel).toList());
        assertEquals("timeseries panel", panels.get(0).getDetail());
    }

    @Test
    void templatesOfTheKindThePlaceTakesAfterUse() {
        List<CompletionItem> rules = complete("service shop {\n  group g2 {\n    use %|%\n  }\n}\n");
        assertEquals(List.of("slow_requests"), rules.stream().map(CompletionItem::getLabel).toList());
        assertEquals("template rules(job string, limit duration = …)", rules.get(0).getDetail());
        assertEquals("slow_requests(", rules.get(0).getTextEdit().getLeft().getNewText());
        // A service takes blueprints, and the project has none.
        assertEquals(List.of(), labels("service shop {\n  use %|%\n}\n"));
    }

    @Test
    void timeIntervalsInARoutesIntervalLists() {
        assertEquals(List.of("nights"), ofKind(
                complete("routing {\n  route default to pager { mute_time_intervals [%|%] }\n}\n"), CompletionItemKind.Value));
        assertEquals(List.of("nights"), ofKind(complete(
                "routing {\n  route default to pager {\n    active_time_intervals [nights, %|%]\n  }\n}\n"),
                CompletionItemKind.Value));
    }

    @Test
    void metricsRecordingRulesAndFunctionsWhereAQueryStarts() {
        List<CompletionItem> items = complete(alertBody("when %|%"));
        assertEquals(List.of("http_requests_total", "job:http_errors:rate5m", "request_duration_seconds"),
                ofKind(items, CompletionItemKind.Variable));
        CompletionItem requests = items.get(0);
        assertEquals("counter {code, job, method}", requests.getDetail());
        assertEquals("Requests served.", requests.getDocumentation().getRight().getValue());
        assertEquals("recording rule", items.get(1).getDetail());
        List<String> functions = ofKind(items, CompletionItemKind.Function);
        assertTrue(functions.containsAll(List.of("rate", "histogram_quantile", "label_replace", "time")), functions.toString());
        CompletionItem rate = items.stream().filter(i -> i.getLabel().equals("rate")).findFirst().orElseThrow();
        assertEquals("rate(v range-vector) → instant-vector", rate.getDetail());
        assertEquals("rate(", rate.getTextEdit().getLeft().getNewText());
        assertEquals("time()", items.stream().filter(i -> i.getLabel().equals("time")).findFirst().orElseThrow()
                .getTextEdit().getLeft().getNewText());
        // Aggregations are operators; DSL words cannot start a query.
        assertTrue(ofKind(items, CompletionItemKind.Operator).containsAll(List.of("sum", "topk", "count_values")));
        assertFalse(items.stream().anyMatch(i -> i.getLabel().equals("severity")));
        // Names first, then functions, constants and keywords; each group alphabetical.
        assertEquals(CompletionItemKind.Variable, items.get(0).getKind());
        assertEquals(CompletionItemKind.Operator, items.get(items.size() - 1).getKind());
    }

    @Test
    void labelsOfTheMetricInsideAnUnfinishedSelector() {
        List<CompletionItem> items = complete(alertBody("when rate(http_requests_total{%|%"));
        assertEquals(List.of("code", "instance", "job", "method"), ofKind(items, CompletionItemKind.Property));
        assertEquals("label", items.get(0).getDetail());
        // Labels already matched are not offered again; a recording rule's are those label inference gives it.
        assertEquals(List.of("instance", "method"), ofKind(complete(
                alertBody("when rate(http_requests_total{code=\"500\", job=\"api\", %|%")), CompletionItemKind.Property));
        assertEquals(List.of("job"), ofKind(complete(alertBody("when job:http_errors:rate5m{%|%")),
                CompletionItemKind.Property));
        // A histogram's buckets carry `le`.
        assertTrue(ofKind(complete(alertBody("when request_duration_seconds_bucket{%|%")), CompletionItemKind.Property)
                .containsAll(List.of("le", "route")));
    }

    @Test
    void labelsInGroupingsAreThoseOfTheMetricsTheQueryReads() {
        assertEquals(List.of("code", "instance", "job", "method"), ofKind(complete(
                alertBody("when sum by (%|%) (rate(http_requests_total[5m])) > 1")), CompletionItemKind.Property));
        assertEquals(List.of("instance", "method"), ofKind(complete(
                alertBody("when sum without (code, job, %|%) (rate(http_requests_total[5m])) > 1")),
                CompletionItemKind.Property));
        assertEquals(List.of("code", "instance", "job", "method"), ofKind(complete(
                alertBody("when rate(http_requests_total[5m]) / on (%|%")), CompletionItemKind.Property));
    }

    @Test
    void grafanaUnitsAfterAPanelsUnit() {
        String panel = "service shop {\n  dashboard d \"D\" {\n    stat s \"S\" {\n      query up\n      unit %s\n    }\n  }\n}\n";
        List<CompletionItem> items = complete(String.format(panel, "%|%"));
        List<String> units = ofKind(items, CompletionItemKind.Unit);
        assertTrue(units.containsAll(List.of("\"bytes\"", "\"percentunit\"", "\"s\"")), units.toString());
        // Besides units, only what else a value may be there: a constant.
        assertEquals(List.of("$error_budget", "$threshold"), items.stream().filter(i -> i.getKind() != CompletionItemKind.Unit)
                .map(CompletionItem::getLabel).toList());
        // Inside a string the item replaces the whole string.
        Markers.Marked m = Markers.strip(String.format(panel, "\"by%|%tes\""));
        CompletionItem bytes = complete(String.format(panel, "\"by%|%tes\"")).stream()
                .filter(i -> i.getLabel().equals("\"bytes\"")).findFirst().orElseThrow();
        Position at = m.position(0);
        assertEquals(new Range(new Position(at.getLine(), at.getCharacter() - 3), new Position(at.getLine(),
                at.getCharacter() + 4)), bytes.getTextEdit().getLeft().getRange());
    }

    @Test
    void aWordBeingTypedIsReplacedAndTheAnswerIsTheSameEveryTime() {
        String text = alertBody("sev%|%");
        Markers.Marked m = Markers.strip(text);
        List<CompletionItem> first = complete(text);
        assertEquals(first, complete(text));
        CompletionItem severity = first.stream().filter(i -> i.getLabel().equals("severity")).findFirst().orElseThrow();
        Position end = m.position(0);
        assertEquals(new Range(new Position(end.getLine(), end.getCharacter() - 3), end),
                severity.getTextEdit().getLeft().getRange());
    }

    @Test
    void nothingInsideACommentAndNoNamesWhereANewNameGoes() {
        assertEquals(List.of(), labels("// a comment %|%\n"));
        assertEquals(List.of(), labels("service shop {\n  group g2 {\n    alert %|%\n  }\n}\n"));
        Set<String> afterRecord = Set.copyOf(labels("service shop {\n  group g2 {\n    record %|%\n  }\n}\n"));
        assertFalse(afterRecord.contains("http_requests_total"), afterRecord.toString());
    }
}
