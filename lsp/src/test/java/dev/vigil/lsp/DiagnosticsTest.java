package dev.vigil.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.vigil.lsp.harness.Markers;
import dev.vigil.lsp.harness.ServerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnostics as the client receives them: what each carries, when they are published and cleared. */
class DiagnosticsTest {
    static final String CLEAN = """
            service checkout {
              group api {
                alert CheckoutDown {
                  when up{job="checkout"} == 0
                  for 2m
                  severity warning
                  summary "Checkout is down."
                }
              }
            }
            """;

    /** CLEAN with a reference to a panel that does not exist, marked. */
    static final String UNKNOWN_PANEL = CLEAN.replace("      severity warning\n",
            "      severity warning\n      panel %|%overview.up%|%\n");

    @TempDir
    Path dir;

    @Test
    void aFindingCarriesItsRangeIdSeveritySourceHintAndPage() {
        JsonObject options = new JsonObject();
        options.addProperty("docsBaseUrl", "https://docs.example.com/vigil");
        try (ServerHarness h = ServerHarness.start(dir, options)) {
            Markers.Marked m = h.open("checkout.vigil", UNKNOWN_PANEL);
            List<Diagnostic> ds = h.diagnostics("checkout.vigil");
            Diagnostic d = ds.stream().filter(x -> x.getCode().getLeft().equals("Reference.Unknown")).findFirst().orElseThrow();
            assertEquals(new Range(m.position(0), m.position(1)).getStart(), d.getRange().getStart());
            assertEquals(DiagnosticSeverity.Error, d.getSeverity());
            assertEquals("vigil", d.getSource());
            assertTrue(d.getMessage().startsWith("Unknown dashboard `overview`."), d.getMessage());
            assertEquals("https://docs.example.com/vigil/checks/Reference.Unknown.md", d.getCodeDescription().getHref());
            h.assertNoInternalErrors();
        }
    }

    @Test
    void anIdWithoutAPageLinksToItsFamilysSectionOfTheLocalCopy() throws Exception {
        try (ServerHarness h = ServerHarness.start(dir)) {
            h.open("broken.vigil", "service x {\n  group g {\n    alert A { when up == 0 \"\n");
            Diagnostic d = h.diagnostics("broken.vigil").get(0);
            assertTrue(d.getCode().getLeft().startsWith("Syntax."), d.toString());
            String href = d.getCodeDescription().getHref();
            assertTrue(href.startsWith(h.root.resolve(".docs-cache").toUri().toString()) && href.endsWith("diagnostics.md#syntax"),
                    href);
            Path page = Path.of(java.net.URI.create(href.substring(0, href.indexOf('#'))));
            assertTrue(Files.readString(page).contains("\n### Syntax\n"), "the local copy holds the section");
        }
    }

    @Test
    void columnsAreUtf16CodeUnitsWhereVigilCountsCodePoints() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            // Two characters outside the BMP before the unknown name: two code points, four UTF-16 units.
            Markers.Marked m = h.open("emoji.vigil", UNKNOWN_PANEL.replace("\"Checkout is down.\"", "\"🛒🛒 down\"")
                    .replace("      panel %|%overview.up%|%\n", "      /* 🛒🛒 */ panel %|%overview.up%|%\n"));
            Diagnostic d = h.diagnostics("emoji.vigil").stream()
                    .filter(x -> x.getCode().getLeft().equals("Reference.Unknown")).findFirst().orElseThrow();
            assertEquals(m.position(0), d.getRange().getStart());
        }
    }

    @Test
    void theEditedFileIsPublishedFirstAndFixingItClearsIt() throws Exception {
        Files.writeString(dir.resolve("other.vigil"), "service other {\n  group g {\n    alert O {\n      when up == 0\n"
                + "      severity warning\n      summary \"x\"\n      panel nowhere.up\n    }\n  }\n}\n");
        Files.writeString(dir.resolve("checkout.vigil"), Markers.strip(CLEAN).text());
        try (ServerHarness h = ServerHarness.start(dir)) {
            assertFalse(h.diagnostics("other.vigil").isEmpty(), "the workspace is checked at start");
            h.client.clear();
            Markers.Marked m = h.open("checkout.vigil", UNKNOWN_PANEL);
            h.awaitCompiled();
            List<PublishDiagnosticsParams> sent = h.client.publications();
            assertEquals(h.uri("checkout.vigil"), sent.get(0).getUri());
            assertEquals(1, sent.get(0).getVersion());
            h.change("checkout.vigil", new Range(new Position(m.position(0).getLine(), 0),
                    new Position(m.position(0).getLine() + 1, 0)), "");
            PublishDiagnosticsParams last = lastFor(h, "checkout.vigil");
            assertEquals(h.version("checkout.vigil"), last.getVersion());
            assertEquals(List.of(), last.getDiagnostics().stream().filter(d -> d.getSeverity() == DiagnosticSeverity.Error)
                    .toList());
        }
    }

    @Test
    void silencedFindingsAreNotPublished() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            h.open("checkout.vigil", UNKNOWN_PANEL.replace("      panel %|%",
                    "      // vigil:ignore Reference.Unknown provisioned by another team\n      panel %|%"));
            assertTrue(h.diagnostics("checkout.vigil").stream().noneMatch(d -> d.getCode().getLeft().equals("Reference.Unknown")),
                    h.diagnostics("checkout.vigil").toString());
        }
    }

    @Test
    void aSaveOrAFileEventReadsTheDiskAgain() throws Exception {
        try (ServerHarness h = ServerHarness.start(dir)) {
            h.write("checkout.vigil", Markers.strip(UNKNOWN_PANEL).text());
            h.fileChanged("checkout.vigil");
            assertFalse(h.diagnostics("checkout.vigil").isEmpty());
            h.write("checkout.vigil", Markers.strip(CLEAN).text());
            h.open("note.vigil", "const answer = 42\n");
            h.save("note.vigil");
            assertEquals(List.of(), h.diagnostics("checkout.vigil"));

            h.write("checkout.vigil", Markers.strip(UNKNOWN_PANEL).text());
            h.fileChanged("checkout.vigil");
            assertFalse(h.diagnostics("checkout.vigil").isEmpty(), "a watched file's change is compiled");
        }
    }

    @Test
    void closingADocumentFallsBackToTheDisk() throws Exception {
        try (ServerHarness h = ServerHarness.start(dir)) {
            h.write("checkout.vigil", Markers.strip(CLEAN).text());
            h.open("checkout.vigil", UNKNOWN_PANEL);
            assertFalse(h.diagnostics("checkout.vigil").isEmpty());
            h.close("checkout.vigil");
            assertEquals(List.of(), h.diagnostics("checkout.vigil"));
        }
    }

    @Test
    void aFileOutsideEveryFolderIsCheckedOnItsOwnAndClearedWhenClosed(@TempDir Path elsewhere) throws Exception {
        try (ServerHarness h = ServerHarness.start(dir)) {
            Path outside = elsewhere.resolve("loose.vigil");
            Files.writeString(outside, Markers.strip(UNKNOWN_PANEL).text());
            String uri = outside.toUri().toString();
            h.server.getTextDocumentService().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(
                    new org.eclipse.lsp4j.TextDocumentItem(uri, "vigil", 1, Markers.strip(UNKNOWN_PANEL).text())));
            h.awaitCompiled();
            assertFalse(h.client.last(uri).getDiagnostics().isEmpty());
            h.server.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams(
                    new org.eclipse.lsp4j.TextDocumentIdentifier(uri)));
            h.awaitCompiled();
            assertEquals(List.of(), h.client.last(uri).getDiagnostics());
        }
    }

    @Test
    void publicationsOfADocumentNeverGoBackToAnOlderVersion() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            Markers.Marked m = h.open("checkout.vigil", CLEAN + "%|%");
            for (int i = 0; i < 60; i++) {
                h.insert("checkout.vigil", new Position(m.position(0).getLine(), i), i % 2 == 0 ? "/" : "/");
            }
            PublishDiagnosticsParams last = lastFor(h, "checkout.vigil");
            assertEquals(h.version("checkout.vigil"), last.getVersion());
            int seen = 0;
            for (PublishDiagnosticsParams p : h.client.publications()) {
                if (p.getUri().equals(h.uri("checkout.vigil"))) {
                    assertNotNull(p.getVersion());
                    assertTrue(p.getVersion() > seen, "version " + p.getVersion() + " after " + seen);
                    seen = p.getVersion();
                }
            }
            h.assertNoInternalErrors();
        }
    }

    private static PublishDiagnosticsParams lastFor(ServerHarness h, String file) {
        h.awaitCompiled();
        return h.client.last(h.uri(file));
    }
}
