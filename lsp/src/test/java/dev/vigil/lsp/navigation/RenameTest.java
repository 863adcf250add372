package dev.vigil.lsp.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.lsp.text.TextEdits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prepareRename and rename through the server for every kind that renames (alerts, recording rules,
 * constants, receivers, panels, templates): the edits are exactly the marked names, in the open file and
 * in the file on disk; applied as an editor applies them (the open document by {@code didChange}, the
 * other file on disk), the recompiled project has the same findings as before. Every refusal reaches the
 * client as a {@code RequestFailed} error with the index's reason.
 */
class RenameTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void start() throws Exception {
        f = new Fixture(dir);
    }

    @AfterEach
    void stop() {
        f.h.assertNoInternalErrors();
        f.h.close();
    }

    /** Renames the name at {@code at}; {@code marks} are all its occurrences. Checks the edits, applies them, recompiles. */
    private void renameAndCheck(String at, String name, String newName, String... marks) throws Exception {
        PrepareRenameResult prepared = f.h.server.getTextDocumentService()
                .prepareRename(new PrepareRenameParams(f.doc(at), f.at(at, 1))).join().getSecond();
        assertEquals(f.location(at, name).getRange(), prepared.getRange());
        assertEquals(name, prepared.getPlaceholder());

        List<String> before = findings();
        WorkspaceEdit edit = f.h.server.getTextDocumentService()
                .rename(new RenameParams(f.doc(at), f.at(at), newName)).join();
        assertNull(edit.getDocumentChanges(), "the client did not announce document changes");
        List<Location> expected = new ArrayList<>();
        for (String m : marks) {
            expected.add(f.location(m, name));
        }
        List<Location> edited = new ArrayList<>();
        edit.getChanges().forEach((uri, edits) -> edits.forEach(e -> {
            assertEquals(newName, e.getNewText());
            edited.add(new Location(uri, e.getRange()));
        }));
        assertEquals(NavigationTest.sorted(expected), NavigationTest.sorted(edited));

        apply(edit.getChanges());
        assertEquals(before, findings(), "the rename changed the findings");
        // Every place now names the renamed symbol: go to definition from each lands on the new name.
        Location declared = new Location(f.h.uri(f.file(marks[0])), f.marks(f.file(marks[0])).range(marks[0],
                newName.length()));
        for (String m : marks) {
            assertEquals(List.of(declared), f.h.server.getTextDocumentService()
                    .definition(new DefinitionParams(f.doc(m), f.at(m))).join().getLeft(), "definition from " + m);
        }
    }

    /** As an editor applies a workspace edit: the open document by incremental changes, last first; others on disk. */
    private void apply(Map<String, List<TextEdit>> changes) throws Exception {
        for (Map.Entry<String, List<TextEdit>> e : changes.entrySet()) {
            List<TextEdit> edits = new ArrayList<>(e.getValue());
            if (e.getKey().equals(f.h.uri("main.vigil"))) {
                edits.sort(Comparator.comparingInt((TextEdit t) -> t.getRange().getStart().getLine())
                        .thenComparingInt(t -> t.getRange().getStart().getCharacter()).reversed());
                int version = f.h.version("main.vigil") + 1;
                f.h.setVersion("main.vigil", version);
                f.h.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(e.getKey(), version),
                        edits.stream().map(t -> new TextDocumentContentChangeEvent(t.getRange(), t.getNewText())).toList()));
            } else {
                assertEquals(f.h.uri("routing.vigil"), e.getKey());
                Path p = dir.resolve("routing.vigil");
                Files.writeString(p, TextEdits.apply(Files.readString(p, StandardCharsets.UTF_8), edits));
                f.h.fileChanged("routing.vigil");
            }
        }
        f.h.awaitCompiled();
    }

    /** Each file's published findings as code, severity and line; none of them an error. */
    private List<String> findings() {
        List<String> out = new ArrayList<>();
        for (String file : List.of("main.vigil", "routing.vigil")) {
            for (Diagnostic d : f.h.diagnostics(file)) {
                assertTrue(d.getSeverity() != DiagnosticSeverity.Error, () -> "an error: " + d);
                out.add(file + ":" + d.getRange().getStart().getLine() + " " + d.getCode().getLeft() + " " + d.getSeverity());
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void anAlertAcrossTheOpenFileAndTheFileOnDisk() throws Exception {
        renameAndCheck("aref1", "CheckoutErrors", "CheckoutErrorRatio", "adef", "aref1", "aref2", "aref3", "aref4");
        assertTrue(Files.readString(dir.resolve("routing.vigil")).contains("inhibit CheckoutFewInstances while "
                + "CheckoutErrorRatio"));
    }

    @Test
    void anAlertNamedInAStringMatcherAndARunbook() throws Exception {
        renameAndCheck("a2ref2", "CheckoutFewInstances", "CheckoutUnderProvisioned", "a2def", "a2ref1", "a2ref2", "a2ref3");
    }

    @Test
    void aRecordingRuleAndTheSelectorsThatReadIt() throws Exception {
        renameAndCheck("rref2", "job:http_errors:ratio_rate5m", "job:http_errors:ratio_rate5m_v2", "rdef", "rref1", "rref2");
    }

    @Test
    void constantsOfTheProjectAndOfAService() throws Exception {
        renameAndCheck("wref1", "window", "rate_window", "wdef", "wref1", "wref2");
        renameAndCheck("sdef", "min_instances", "fewest_instances", "sdef", "sref1");
    }

    @Test
    void aReceiverInAFileTheEditorHasNotOpened() throws Exception {
        renameAndCheck("vref2", "pager", "oncall_pager", "vdef", "vref1", "vref2");
    }

    @Test
    void aPanelAndATemplate() throws Exception {
        renameAndCheck("pref1", "errors", "error_rate", "pdef", "pref1");
        renameAndCheck("tref1", "availability", "uptime", "tdef", "tref1");
    }

    // ------------------------------------------------------------ refusals

    private ResponseErrorException refusal(java.util.function.Supplier<?> request) {
        CompletionException e = assertThrows(CompletionException.class, request::get);
        ResponseErrorException r = assertInstanceOf(ResponseErrorException.class, e.getCause());
        assertEquals(ResponseErrorCode.RequestFailed.getValue(), r.getResponseError().getCode());
        return r;
    }

    /** prepareRename and rename at the marker both refuse, with the same reason; returns it. */
    private String refused(String mark, int offset) {
        Position at = f.at(mark, offset);
        String prepare = refusal(() -> f.h.server.getTextDocumentService()
                .prepareRename(new PrepareRenameParams(f.doc(mark), at)).join()).getMessage();
        String rename = refusal(() -> f.h.server.getTextDocumentService()
                .rename(new RenameParams(f.doc(mark), at, "anything_else")).join()).getMessage();
        assertEquals(prepare, rename);
        return prepare;
    }

    private String refusedName(String mark, String newName) {
        return refusal(() -> f.h.server.getTextDocumentService()
                .rename(new RenameParams(f.doc(mark), f.at(mark), newName)).join()).getMessage();
    }

    private String where(String mark, int columnOffset) {
        Position p = f.at(mark);
        return f.file(mark) + ":" + (p.getLine() + 1) + ":" + (p.getCharacter() + 1 + columnOffset);
    }

    @Test
    void nothingToRenameAndKindsThatAreNotRenamed() {
        assertTrue(refused("adef", -3).startsWith("There is no name of a constant, recording rule, alert, receiver, "
                + "panel or template here."));
        assertTrue(refused("mdef", 0).startsWith("Renaming a metric is not supported"));
        assertTrue(refused("idef", 0).startsWith("Renaming a time interval is not supported"));
        assertTrue(refused("ddef", 0).startsWith("Renaming a dashboard is not supported"));
    }

    @Test
    void namesATemplateBuildsOrTheCompilerGeneratesOrATemplateSharesAreNotRenamedThere() {
        assertEquals("`CheckoutDown` is built by template `availability` from `\"${service|pascal}Down\"` at "
                + where("built", 0) + ", which a rename cannot change; rename it there.", refused("built", 3));
        String generated = refused("slo", 0);
        // The SLO's name stands for its alerts and recording rules; the first is named.
        assertTrue(generated.matches("`[^`]+` is generated by the compiler from the "
                + "declaration at " + where("slo", 0).replace(".", "\\.") + "; rename that declaration instead\\."),
                generated);
        assertEquals("`requests` at " + where("shared", 0) + " is written once in template `traffic_row` for 2 panels; "
                + "renaming it there would rename all of them.", refused("shared", 0));
    }

    @Test
    void aNameDeclaredInALibraryFile() {
        String reason = refused("lib", 2);
        assertTrue(reason.startsWith("`prometheus_server` is declared in the library file `lib:std/prometheus.vigil` ("),
                reason);
        assertTrue(reason.endsWith("), which is read-only."), reason);
    }

    @Test
    void newNamesThatAreInvalidTakenOrCaptured() {
        assertEquals("`1Checkout` is not a valid alert name: a name of letters, digits and `_`, not starting with a "
                + "digit.", refusedName("adef", "1Checkout"));
        assertEquals("`CheckoutFewInstances` is already the name of an alert.", refusedName("aref4", "CheckoutFewInstances"));
        assertEquals("`slack_ops` is already the name of a receiver.", refusedName("vdef", "slack_ops"));
        assertEquals("`error_ratio` is already a constant of the project.", refusedName("wdef", "error_ratio"));
        String captured = refusedName("down", "job");
        assertTrue(captured.startsWith("`$job` at main.vigil:") && captured.contains(" would mean the parameter or "
                + "variable `job` of the block at main.vigil:"), captured);
    }
}
