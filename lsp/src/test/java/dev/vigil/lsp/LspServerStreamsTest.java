package dev.vigil.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.lsp.harness.StubClient;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LspServer#run} over JSON-RPC on piped streams: the lifecycle, the announced sync and the exit status. */
class LspServerStreamsTest {
    @TempDir
    Path dir;

    private record Session(LanguageServer server, StubClient client, CompletableFuture<Integer> status,
            PipedOutputStream toServer, StringWriter log) {
    }

    private Session start() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        StringWriter log = new StringWriter();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try {
                return LspServer.run(serverIn, serverOut, new PrintWriter(log), dir.resolve(".docs-cache"));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                try {
                    serverOut.close();
                } catch (java.io.IOException ignored) {
                    // the client side is gone already
                }
            }
        });
        StubClient client = new StubClient();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
        launcher.startListening();
        return new Session(launcher.getRemoteProxy(), client, status, toServer, log);
    }

    @Test
    void initializeOpenShutdownExitEndsWithStatusZero() throws Exception {
        Files.writeString(dir.resolve("a.vigil"), "const a = $missing\n");
        Session s = start();
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "a")));
        InitializeResult result = s.server().initialize(init).get(60, TimeUnit.SECONDS);
        assertEquals(TextDocumentSyncKind.Incremental, result.getCapabilities().getTextDocumentSync().getRight().getChange());
        assertTrue(result.getCapabilities().getDocumentFormattingProvider().getLeft());
        s.server().initialized(new InitializedParams());
        String uri = dir.resolve("a.vigil").toUri().toString();
        s.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "vigil", 1, "const a = $missing\n")));
        PublishDiagnosticsParams p = awaitPublication(s.client(), uri);
        assertFalse(p.getDiagnostics().isEmpty());
        s.server().shutdown().get(60, TimeUnit.SECONDS);
        s.server().exit();
        assertEquals(0, s.status().get(60, TimeUnit.SECONDS));
        assertTrue(s.log().toString().contains("textDocument/publishDiagnostics"), "the log traces the messages");
    }

    @Test
    void exitWithoutShutdownOrAClosedInputEndsWithStatusOne() throws Exception {
        Session s = start();
        s.server().initialize(new InitializeParams()).get(60, TimeUnit.SECONDS);
        s.server().exit();
        assertEquals(1, s.status().get(60, TimeUnit.SECONDS));

        Session closed = start();
        closed.server().initialize(new InitializeParams()).get(60, TimeUnit.SECONDS);
        closed.toServer().close();
        assertEquals(1, closed.status().get(60, TimeUnit.SECONDS));
    }

    private static PublishDiagnosticsParams awaitPublication(StubClient client, String uri) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            PublishDiagnosticsParams p = client.last(uri);
            if (p != null) {
                return p;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no diagnostics were published for " + uri);
    }
}
