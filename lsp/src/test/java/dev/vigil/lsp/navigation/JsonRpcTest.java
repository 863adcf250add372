package dev.vigil.lsp.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.lsp.LspServer;
import dev.vigil.lsp.harness.StubClient;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DefinitionCapabilities;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over JSON-RPC, as an editor that announces links and document changes talks to the server: definition
 * answers links whose origin is the name under the cursor, rename answers versioned document edits (the
 * open document's version, none for a file on disk), and a refused rename arrives as a {@code
 * RequestFailed} error response with the reason as its message.
 */
class JsonRpcTest {
    @TempDir
    Path dir;

    @Test
    void linksVersionedEditsAndRefusalsOverTheWire() throws Exception {
        Marks main = Marks.strip(Fixture.MAIN);
        Marks routing = Marks.strip(Fixture.ROUTING);
        Files.writeString(dir.resolve("main.vigil"), main.text());
        Files.writeString(dir.resolve("routing.vigil"), routing.text());
        String mainUri = dir.resolve("main.vigil").toUri().toString();
        String routingUri = dir.resolve("routing.vigil").toUri().toString();

        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try (serverOut) {
                return LspServer.run(serverIn, serverOut, null, dir.resolve(".docs-cache"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        StubClient client = new StubClient();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();

        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "p")));
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setDefinition(new DefinitionCapabilities(false, true));
        caps.setTextDocument(text);
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setWorkspaceEdit(new WorkspaceEditCapabilities(true));
        caps.setWorkspace(workspace);
        init.setCapabilities(caps);
        server.initialize(init).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(mainUri, "vigil", 7,
                main.text())));

        // Requests wait for the compilation of what was sent before them.
        List<? extends LocationLink> links = server.getTextDocumentService().definition(new DefinitionParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier(routingUri), routing.at("aref4", 2)))
                .get(60, TimeUnit.SECONDS).getRight();
        assertEquals(List.of(new LocationLink(mainUri, main.range("adef", 14), main.range("adef", 14),
                routing.range("aref4", 14))), links);

        WorkspaceEdit edit = server.getTextDocumentService().rename(new RenameParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier(mainUri), main.at("adef"), "CheckoutErrorRatio"))
                .get(60, TimeUnit.SECONDS);
        assertTrue(edit.getChanges() == null || edit.getChanges().isEmpty(), "one form of the edits only");
        List<TextDocumentEdit> documents = edit.getDocumentChanges().stream().map(e -> e.getLeft()).toList();
        assertEquals(List.of(mainUri, routingUri), documents.stream().map(d -> d.getTextDocument().getUri()).toList());
        assertEquals(7, documents.get(0).getTextDocument().getVersion(), "the open document's version");
        assertNull(documents.get(1).getTextDocument().getVersion(), "a file the editor has not opened");
        assertEquals(3, documents.get(0).getEdits().size());
        assertEquals(List.of(routing.range("aref3", 14), routing.range("aref4", 14)),
                documents.get(1).getEdits().stream().map(e -> e.getRange()).toList());

        ExecutionException library = assertThrows(ExecutionException.class, () -> server.getTextDocumentService()
                .prepareRename(new PrepareRenameParams(new org.eclipse.lsp4j.TextDocumentIdentifier(mainUri),
                        main.at("lib"))).get(60, TimeUnit.SECONDS));
        ResponseErrorException error = assertInstanceOf(ResponseErrorException.class, library.getCause());
        assertEquals(ResponseErrorCode.RequestFailed.getValue(), error.getResponseError().getCode());
        assertTrue(error.getResponseError().getMessage().startsWith(
                "`prometheus_server` is declared in the library file `lib:std/prometheus.vigil`"), error.getMessage());

        ExecutionException taken = assertThrows(ExecutionException.class, () -> server.getTextDocumentService()
                .rename(new RenameParams(new org.eclipse.lsp4j.TextDocumentIdentifier(routingUri), routing.at("vdef"),
                        "slack_ops")).get(60, TimeUnit.SECONDS));
        assertEquals("`slack_ops` is already the name of a receiver.",
                assertInstanceOf(ResponseErrorException.class, taken.getCause()).getResponseError().getMessage());

        server.shutdown().get(60, TimeUnit.SECONDS);
        server.exit();
        assertEquals(0, status.get(60, TimeUnit.SECONDS));
        assertEquals(List.of(), client.errors(), "a refusal is not an internal error");
    }
}
