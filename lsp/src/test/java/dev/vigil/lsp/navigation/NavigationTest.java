package dev.vigil.lsp.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.Test;

/**
 * Go to definition, find references and document highlight through the server, for every kind of
 * symbol: constants, metrics, recording rules (from the selectors that read them), alerts, receivers,
 * dashboards, panels, time intervals and templates; across an open file and one only on disk.
 */
class NavigationTest extends OneServer {
    String file(String mark) {
        return f.file(mark);
    }

    Position at(String mark) {
        return f.at(mark);
    }

    TextDocumentIdentifier doc(String mark) {
        return f.doc(mark);
    }

    Location location(String mark, String name) {
        return f.location(mark, name);
    }

    List<? extends Location> definition(String mark) {
        return f.h.server.getTextDocumentService().definition(new DefinitionParams(doc(mark), at(mark))).join().getLeft();
    }

    List<Location> references(String mark, boolean declaration) {
        return new ArrayList<>(f.h.server.getTextDocumentService().references(new ReferenceParams(doc(mark), at(mark),
                new ReferenceContext(declaration))).join());
    }

    List<? extends DocumentHighlight> highlights(String mark) {
        return f.h.server.getTextDocumentService().documentHighlight(new DocumentHighlightParams(doc(mark), at(mark)))
                .join();
    }

    static final Comparator<Location> ORDER = Comparator.comparing(Location::getUri)
            .thenComparingInt(l -> l.getRange().getStart().getLine())
            .thenComparingInt(l -> l.getRange().getStart().getCharacter());

    static List<Location> sorted(List<Location> locations) {
        List<Location> out = new ArrayList<>(locations);
        out.sort(ORDER);
        return out;
    }

    /**
     * From the definition and from every reference, definition goes to the definition; references (with
     * and without the declaration) are exactly the marked ones; highlights at the definition are it
     * (written) and the references in its file (read).
     */
    void assertNavigation(String def, String name, String... refs) {
        Location declared = location(def, name);
        List<Location> expected = new ArrayList<>();
        for (String r : refs) {
            expected.add(location(r, name));
        }
        for (String from : concat(def, refs)) {
            assertEquals(List.of(declared), definition(from), "definition from " + from);
        }
        assertEquals(sorted(expected), references(refs[0], false), "references of " + name);
        List<Location> withDeclaration = new ArrayList<>(expected);
        withDeclaration.add(declared);
        assertEquals(sorted(withDeclaration), references(def, true), "references of " + name + " with its declaration");

        List<DocumentHighlight> highlights = new ArrayList<>();
        highlights.add(new DocumentHighlight(declared.getRange(), DocumentHighlightKind.Write));
        for (String r : refs) {
            if (file(r).equals(file(def))) {
                highlights.add(new DocumentHighlight(location(r, name).getRange(), DocumentHighlightKind.Read));
            }
        }
        highlights.sort(Comparator.comparingInt((DocumentHighlight h) -> h.getRange().getStart().getLine())
                .thenComparingInt(h -> h.getRange().getStart().getCharacter()));
        assertEquals(highlights, highlights(def), "highlights of " + name);
    }

    private static List<String> concat(String first, String[] rest) {
        List<String> out = new ArrayList<>(List.of(first));
        out.addAll(List.of(rest));
        return out;
    }

    @Test
    void theServerAnnouncesNavigationRenameAndHover() {
        ServerCapabilities caps = f.h.initialized.getCapabilities();
        assertTrue(caps.getDefinitionProvider().getLeft());
        assertTrue(caps.getReferencesProvider().getLeft());
        assertTrue(caps.getDocumentHighlightProvider().getLeft());
        assertTrue(caps.getHoverProvider().getLeft());
        assertTrue(caps.getRenameProvider().getRight().getPrepareProvider());
    }

    @Test
    void constantsOfTheProjectAndOfAService() {
        assertNavigation("gdef", "error_ratio", "gref1");
        assertNavigation("wdef", "window", "wref1", "wref2");
        assertNavigation("sdef", "min_instances", "sref1");
        // On the `$` of a use.
        Position dollar = at("sref1");
        assertEquals(List.of(location("sdef", "min_instances")), f.h.server.getTextDocumentService().definition(
                new DefinitionParams(doc("sref1"), new Position(dollar.getLine(), dollar.getCharacter() - 1))).join()
                .getLeft());
    }

    @Test
    void metricsFromSelectorsSloEventsAndTestSeries() {
        assertNavigation("mdef", "http_requests_total", "mref1", "mref2", "mref3", "mref4", "mref5");
        // A histogram's `_bucket` series leads to the histogram.
        assertEquals(List.of(location("hdef", "http_request_duration_seconds")), definition("href"));
    }

    @Test
    void recordingRulesFromTheSelectorsThatReadThem() {
        assertNavigation("rdef", "job:http_errors:ratio_rate5m", "rref1", "rref2");
    }

    @Test
    void alertsFromPanelsTestsRunbooksRoutesAndInhibitions() {
        assertNavigation("adef", "CheckoutErrors", "aref1", "aref2", "aref3", "aref4");
        assertNavigation("a2def", "CheckoutFewInstances", "a2ref1", "a2ref2", "a2ref3");
    }

    @Test
    void receiversAndTimeIntervalsInAFileTheEditorHasNotOpened() {
        assertNavigation("vdef", "pager", "vref1", "vref2");
        assertNavigation("idef", "nights", "iref1");
    }

    @Test
    void dashboardsAndPanels() {
        assertNavigation("ddef", "overview", "dref1", "dref2");
        assertNavigation("pdef", "errors", "pref1");
    }

    @Test
    void templatesFromTheirUses() {
        assertNavigation("tdef", "availability", "tref1");
    }

    @Test
    void aPositionAfterACharacterOutsideTheBmpIsCountedInUtf16() {
        // `🚨` is two UTF-16 units and one code point: the marker's column counts it twice.
        Position p = at("aref4");
        String line = f.routing.text().split("\n")[p.getLine()];
        assertEquals("CheckoutErrors", line.substring(p.getCharacter(), p.getCharacter() + "CheckoutErrors".length()));
        assertEquals(List.of(location("adef", "CheckoutErrors")), definition("aref4"));
        assertTrue(references("adef", false).contains(location("aref4", "CheckoutErrors")));
    }

    @Test
    void textATemplateBuildsANameFromOrTheCompilerGeneratesOneFromIsHighlightedAsText() {
        Position built = at("built");
        Range string = new Range(built, new Position(built.getLine(), built.getCharacter()
                + "\"${service|pascal}Down\"".length()));
        assertEquals(List.of(new DocumentHighlight(string, DocumentHighlightKind.Text)), highlights("built"));
        List<? extends DocumentHighlight> slo = highlights("slo");
        assertEquals(List.of(new DocumentHighlight(location("slo", "availability").getRange(), DocumentHighlightKind.Text)),
                slo);
    }

    @Test
    void nothingOnKeywordsWhitespaceOrAnUnknownDocument() {
        Position keyword = new Position(at("adef").getLine(), at("adef").getCharacter() - 3);
        assertEquals(List.of(), f.h.server.getTextDocumentService().definition(
                new DefinitionParams(doc("adef"), keyword)).join().getLeft());
        assertEquals(List.of(), f.h.server.getTextDocumentService().references(new ReferenceParams(doc("adef"), keyword,
                new ReferenceContext(true))).join());
        assertEquals(List.of(), f.h.server.getTextDocumentService().documentHighlight(
                new DocumentHighlightParams(doc("adef"), keyword)).join());
        TextDocumentIdentifier elsewhere = new TextDocumentIdentifier("file:///nowhere/x.vigil");
        assertEquals(List.of(), f.h.server.getTextDocumentService().definition(
                new DefinitionParams(elsewhere, new Position(0, 0))).join().getLeft());
    }

    @Test
    void aNameDeclaredInALibraryFileHasNoLocationButIsFound() {
        // The template is declared in `lib:std/prometheus.vigil`, inside a jar: nowhere to go.
        assertEquals(List.of(), definition("lib"));
        assertEquals(List.of(location("lib", "prometheus_server")), references("lib", true));
    }

    @Test
    void workspaceSymbolsFindNamesTemplatesAndTheCompilerMakeToo() {
        List<WorkspaceSymbol> down = symbols("CheckoutDown");
        assertEquals(1, down.size(), down.toString());
        assertEquals(SymbolKind.Event, down.get(0).getKind());
        assertEquals("availability", down.get(0).getContainerName());
        assertEquals(f.main.at("built"), down.get(0).getLocation().getLeft().getRange().getStart());

        List<WorkspaceSymbol> burn = symbols("CheckoutAvailabilityBurnRate");
        assertEquals(List.of("CheckoutAvailabilityBurnRatePage", "CheckoutAvailabilityBurnRateTicket"),
                burn.stream().map(WorkspaceSymbol::getName).toList());
        assertEquals(location("slo", "availability"), burn.get(0).getLocation().getLeft());

        // Written names are listed once, from the outline, with its container.
        List<WorkspaceSymbol> errors = symbols("CheckoutErrors").stream().filter(s -> s.getName().equals("CheckoutErrors"))
                .toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("checkout_rules", errors.get(0).getContainerName());
        // A file the editor has not opened, at the columns the client counts.
        List<WorkspaceSymbol> pager = symbols("pager");
        assertEquals("pager", pager.get(0).getName(), "a name that starts with the query comes first");
        assertEquals(location("vdef", "pager"), pager.get(0).getLocation().getLeft());
        assertTrue(pager.stream().skip(1).noneMatch(s -> s.getName().startsWith("pager")), pager.toString());
        // The same answer twice: a deterministic order.
        assertEquals(symbols("c"), symbols("c"));
        List<WorkspaceSymbol> all = symbols("");
        assertTrue(all.size() > 30, all.toString());
    }

    List<WorkspaceSymbol> symbols(String query) {
        return new ArrayList<>(f.h.server.getWorkspaceService().symbol(new WorkspaceSymbolParams(query)).join().getRight());
    }
}
