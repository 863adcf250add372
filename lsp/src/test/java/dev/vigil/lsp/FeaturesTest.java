package dev.vigil.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.format.Formatter;
import dev.vigil.lsp.harness.Markers;
import dev.vigil.lsp.harness.ServerHarness;
import dev.vigil.lsp.text.TextEdits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quick fixes, formatting, folding and symbols, each through the server's request. */
class FeaturesTest {
    static final String PROJECT = """
            import "common.vigil"

            // Shop's checkout: the one service
            // of this test.
            const threshold = 0.05

            service shop {
              metric http_requests_total counter {
                labels [code, job]
                help   "Requests."
              }
              group api {
                record job:http_errors:rate5m = sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
                alert HighErrorRate {
                  when job:http_errors:rate5m > $threshold
                  for 5m
                  severity warning
                  summary "Errors."
                }
              }
              dashboard shop_overview "Shop" {
                row "Traffic" {
                  stat skew "Skew" {
                    query max(up)
                    unit %|%"Suffix:x"%|%
                  }
                }
              }
            }

            routing {
              receiver pager webhook { url "https://pager.example.com/hook" }
              route default to pager { group_by [alertname] }
            }
            /* A block comment
               over two lines. */
            """;

    @TempDir
    Path dir;

    private ServerHarness start() throws Exception {
        ServerHarness h = ServerHarness.start(dir);
        h.write("common.vigil", "const unused_here = 1\n");
        h.fileChanged("common.vigil");
        return h;
    }

    @Test
    void aFixIsOfferedWhereItsFindingIsAndFixAllAppliesEveryOne() throws Exception {
        try (ServerHarness h = start()) {
            Markers.Marked m = h.open("shop.vigil", PROJECT);
            h.awaitCompiled();
            List<CodeAction> here = h.codeActions("shop.vigil", new Range(m.position(0), m.position(0)), null);
            CodeAction fix = here.stream().filter(a -> CodeActionKind.QuickFix.equals(a.getKind())).findFirst().orElseThrow();
            assertEquals("Dashboard.UnknownUnit", fix.getDiagnostics().get(0).getCode().getLeft());
            List<TextEdit> edits = fix.getEdit().getChanges().get(h.uri("shop.vigil"));
            assertEquals(List.of(new TextEdit(new Range(m.position(0), m.position(1)), "\"suffix:x\"")), edits);
            assertTrue(here.stream().anyMatch(a -> "source.fixAll.vigil".equals(a.getKind())));

            Range elsewhere = new Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 1));
            assertTrue(h.codeActions("shop.vigil", elsewhere, List.of(CodeActionKind.QuickFix)).isEmpty(),
                    "no quick fix away from a finding");
            List<CodeAction> all = h.codeActions("shop.vigil", elsewhere, List.of(CodeActionKind.Source));
            assertEquals(1, all.size());
            String fixed = TextEdits.apply(m.text(), all.get(0).getEdit().getChanges().get(h.uri("shop.vigil")));
            assertTrue(fixed.contains("unit \"suffix:x\""), fixed);
            h.assertNoInternalErrors();
        }
    }

    @Test
    void noFixIsOfferedFromACompilationOfAnOlderVersion() throws Exception {
        try (ServerHarness h = start()) {
            Markers.Marked m = h.open("shop.vigil", PROJECT);
            h.awaitCompiled();
            // The compilation of the new version replaces the old one before the request is answered.
            h.insert("shop.vigil", new org.eclipse.lsp4j.Position(0, 0), "\n");
            org.eclipse.lsp4j.Position moved = new org.eclipse.lsp4j.Position(m.position(0).getLine() + 1,
                    m.position(0).getCharacter());
            CodeAction fix = h.codeActions("shop.vigil", new Range(moved, moved), List.of(CodeActionKind.QuickFix)).get(0);
            assertEquals(moved, fix.getEdit().getChanges().get(h.uri("shop.vigil")).get(0).getRange().getStart());
        }
    }

    @Test
    void formattingGivesTheFormattersTextInRunsOfLinesAndRefusesASyntaxError() throws Exception {
        try (ServerHarness h = start()) {
            String messy = Markers.strip(PROJECT).text().replace("  group api {", "  group    api {")
                    .replace("      for 5m", "  for 5m").replace("  route default", "      route   default");
            h.open("shop.vigil", messy);
            List<? extends TextEdit> edits = h.server.getTextDocumentService().formatting(new DocumentFormattingParams(
                    new TextDocumentIdentifier(h.uri("shop.vigil")), new FormattingOptions(2, true))).join();
            String expected = Formatter.format("shop.vigil", messy).formatted().orElseThrow();
            assertEquals(expected, TextEdits.apply(messy, new ArrayList<>(edits)));
            assertTrue(edits.size() >= 2, "one edit per changed run: " + edits);

            // Only the lines 11..15 (0-based) may change: the group line and `for`, not the route far below.
            Range range = new Range(new org.eclipse.lsp4j.Position(11, 0), new org.eclipse.lsp4j.Position(16, 0));
            List<? extends TextEdit> inRange = h.server.getTextDocumentService().rangeFormatting(
                    new DocumentRangeFormattingParams(new TextDocumentIdentifier(h.uri("shop.vigil")),
                            new FormattingOptions(2, true), range)).join();
            String partly = TextEdits.apply(messy, new ArrayList<>(inRange));
            assertEquals(expected.lines().toList().subList(11, 16), partly.lines().toList().subList(11, 16), partly);
            assertTrue(partly.contains("      route   default"), "outside the range nothing changes");

            h.open("broken.vigil", "service x {\n  group   g {\n");
            assertEquals(List.of(), h.server.getTextDocumentService().formatting(new DocumentFormattingParams(
                    new TextDocumentIdentifier(h.uri("broken.vigil")), new FormattingOptions(2, true))).join());
            h.assertNoInternalErrors();
        }
    }

    @Test
    void bracesCommentsAndImportsFold() throws Exception {
        try (ServerHarness h = start()) {
            h.open("shop.vigil", PROJECT + "import \"a.vigil\"\nimport \"b.vigil\"\n");
            List<FoldingRange> ranges = h.server.getTextDocumentService().foldingRange(
                    new FoldingRangeRequestParams(new TextDocumentIdentifier(h.uri("shop.vigil")))).join();
            List<String> shown = ranges.stream().map(r -> r.getStartLine() + "-" + r.getEndLine() + " " + r.getKind()).toList();
            assertTrue(shown.contains("2-3 comment"), "a run of line comments: " + shown);
            assertTrue(shown.contains("6-27 region"), "the service up to the line before its brace: " + shown);
            assertTrue(shown.contains("13-17 region"), "the alert: " + shown);
            assertTrue(shown.contains("34-35 comment"), "the block comment: " + shown);
            assertTrue(shown.contains("36-37 imports"), "the imports: " + shown);
            assertFalse(shown.stream().anyMatch(s -> s.startsWith("31-")), "a one-line block does not fold: " + shown);
        }
    }

    @Test
    void theOutlineNestsDeclarationsWithTheirKinds() throws Exception {
        try (ServerHarness h = start()) {
            h.open("shop.vigil", PROJECT);
            List<DocumentSymbol> symbols = h.server.getTextDocumentService().documentSymbol(
                    new DocumentSymbolParams(new TextDocumentIdentifier(h.uri("shop.vigil")))).join()
                    .stream().map(Either::getRight).toList();
            assertEquals(List.of("threshold Constant", "shop Module", "routing Namespace"),
                    symbols.stream().map(s -> s.getName() + " " + s.getKind()).toList());
            DocumentSymbol shop = symbols.get(1);
            assertEquals(List.of("http_requests_total Field", "api Namespace", "shop_overview Class"),
                    shop.getChildren().stream().map(s -> s.getName() + " " + s.getKind()).toList());
            DocumentSymbol api = shop.getChildren().get(1);
            assertEquals(List.of("job:http_errors:rate5m Variable", "HighErrorRate Event"),
                    api.getChildren().stream().map(s -> s.getName() + " " + s.getKind()).toList());
            DocumentSymbol alert = api.getChildren().get(1);
            assertEquals(new Range(new org.eclipse.lsp4j.Position(13, 10), new org.eclipse.lsp4j.Position(13, 23)),
                    alert.getSelectionRange());
            assertEquals(13, alert.getRange().getStart().getLine());
            assertEquals(18, alert.getRange().getEnd().getLine());
            DocumentSymbol panel = shop.getChildren().get(2).getChildren().get(0).getChildren().get(0);
            assertEquals("skew Struct", panel.getName() + " " + panel.getKind());
            DocumentSymbol routing = symbols.get(2);
            assertEquals(List.of("pager Interface", "route default to pager Key"),
                    routing.getChildren().stream().map(s -> s.getName() + " " + s.getKind()).toList());
        }
    }

    @Test
    void workspaceSymbolsMatchWithoutCaseBySubstringAndInOrderLetters() throws Exception {
        try (ServerHarness h = start()) {
            h.open("shop.vigil", PROJECT);
            h.awaitCompiled();
            assertEquals(List.of("HighErrorRate"), names(h, "higherror"));
            assertEquals(List.of("HighErrorRate", "job:http_errors:rate5m"), names(h, "error"));
            assertEquals(List.of("HighErrorRate"), names(h, "hgerr"));
            WorkspaceSymbol alert = symbols(h, "HighErrorRate").get(0);
            assertEquals(SymbolKind.Event, alert.getKind());
            assertEquals("api", alert.getContainerName());
            assertEquals(h.uri("shop.vigil"), alert.getLocation().getLeft().getUri());
            assertTrue(names(h, "unused").contains("unused_here"), "files the editor has not opened count too");
        }
    }

    private static List<WorkspaceSymbol> symbols(ServerHarness h, String query) {
        return new ArrayList<>(h.server.getWorkspaceService().symbol(new WorkspaceSymbolParams(query)).join().getRight());
    }

    private static List<String> names(ServerHarness h, String query) {
        return symbols(h, query).stream().map(WorkspaceSymbol::getName).toList();
    }
}
