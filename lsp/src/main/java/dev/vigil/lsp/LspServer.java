package dev.vigil.lsp;

import dev.vigil.lsp.diagnostics.DocLinks;
import dev.vigil.lsp.features.Features;
import dev.vigil.lsp.workspace.ServerLog;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the language server over a pair of streams, as {@code vigil lsp} does over standard input and output. */
public final class LspServer {
    private LspServer() {
    }

    /**
     * Serves JSON-RPC on {@code in} and {@code out} until the client sends {@code exit} or closes the
     * input; returns the exit status (0 after {@code shutdown} then {@code exit}, else 1). {@code log},
     * when given, receives the server's log lines and every message in both directions.
     */
    public static int run(InputStream in, OutputStream out, PrintWriter log) throws InterruptedException {
        return run(in, out, log, DocLinks.defaultCache());
    }

    /** As {@link #run(InputStream, OutputStream, PrintWriter)}, writing the local copies of the doc pages below {@code docsCache}. */
    public static int run(InputStream in, OutputStream out, PrintWriter log, java.nio.file.Path docsCache)
            throws InterruptedException {
        ServerLog fileLog = log == null ? ServerLog.NONE : (type, message) -> {
            synchronized (log) {
                log.println(Instant.now() + " " + type + " " + message);
                log.flush();
            }
        };
        VigilLanguageServer server = new VigilLanguageServer(Features.builtIn(), fileLog, docsCache);
        Launcher.Builder<LanguageClient> builder = new LSPLauncher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out);
        if (log != null) {
            builder.traceMessages(log);
        }
        Launcher<LanguageClient> launcher = builder.create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        CompletableFuture<Integer> inputClosed = CompletableFuture.supplyAsync(() -> {
            try {
                listening.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                fileLog.warn("The connection ended: " + e.getMessage());
            }
            return 1;
        });
        try {
            return (Integer) CompletableFuture.anyOf(server.exited(), inputClosed).get();
        } catch (ExecutionException e) {
            return 1;
        } finally {
            if (log != null) {
                log.flush();
            }
        }
    }
}
