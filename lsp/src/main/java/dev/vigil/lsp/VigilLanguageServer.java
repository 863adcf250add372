package dev.vigil.lsp;

import dev.vigil.lsp.diagnostics.DiagnosticConverter;
import dev.vigil.lsp.diagnostics.DiagnosticPublisher;
import dev.vigil.lsp.diagnostics.DocLinks;
import dev.vigil.lsp.features.Features;
import dev.vigil.lsp.features.Handler;
import dev.vigil.lsp.features.Request;
import dev.vigil.lsp.features.RequestContext;
import dev.vigil.lsp.features.preview.Preview;
import dev.vigil.lsp.features.preview.PreviewItem;
import dev.vigil.lsp.workspace.CompileScheduler;
import dev.vigil.lsp.workspace.Compilation;
import dev.vigil.lsp.workspace.ServerLog;
import dev.vigil.lsp.workspace.ServerSettings;
import dev.vigil.lsp.workspace.Snapshot;
import dev.vigil.lsp.workspace.Uris;
import dev.vigil.lsp.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * {@code vigil lsp}: the language server over the compiler library. The workspace (folders, open
 * documents, settings) lives in {@link Workspace}, which turns every notification into a new
 * {@link Snapshot}; a {@link CompileScheduler} compiles on one background thread, the latest snapshot
 * winning, and a {@link DiagnosticPublisher} publishes what it found. Requests go to the {@link Handler}s
 * registered in {@link Features}, on a small pool of request threads.
 */
public final class VigilLanguageServer implements LanguageServer, LanguageClientAware {
    private final Workspace workspace = new Workspace();
    private final Features features;
    private final ServerLog fileLog;
    private final Path docsCache;
    private final CompileScheduler scheduler;
    private final VigilTextDocumentService documents;
    private final VigilWorkspaceService workspaceService;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final ExecutorService requests;
    private final Preview preview = new Preview();
    private volatile LanguageClient client;
    private volatile DiagnosticConverter converter;
    private volatile boolean shutdown;
    private volatile boolean watchFiles;
    private volatile ClientCapabilities clientCapabilities = new ClientCapabilities();

    /** A server with the built-in features, logging to the client only, with the default docs cache. */
    public VigilLanguageServer() {
        this(Features.builtIn(), ServerLog.NONE, DocLinks.defaultCache());
    }

    /**
     * A server answering with {@code features}; {@code fileLog} also receives every log line (the
     * {@code --log} file); the pages diagnostics link to are written below {@code docsCache} unless the
     * setting {@code docsBaseUrl} says where they are published.
     */
    public VigilLanguageServer(Features features, ServerLog fileLog, Path docsCache) {
        this.features = features;
        this.fileLog = fileLog;
        this.docsCache = docsCache;
        this.converter = new DiagnosticConverter(new DocLinks(java.util.Optional.empty(), docsCache));
        this.scheduler = new CompileScheduler(log());
        AtomicInteger n = new AtomicInteger();
        this.requests = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vigil-lsp-request-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.documents = new VigilTextDocumentService(this);
        this.workspaceService = new VigilWorkspaceService(this);
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
        scheduler.addListener(new DiagnosticPublisher(p -> client.publishDiagnostics(p), () -> converter,
                DiagnosticPublisher.uris(workspace::current), log()));
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        List<Path> folders = new ArrayList<>();
        if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                Uris.toPath(f.getUri()).ifPresent(folders::add);
            }
        } else if (params.getRootUri() != null) {
            Uris.toPath(params.getRootUri()).ifPresent(folders::add);
        } else {
            @SuppressWarnings("deprecation")
            String rootPath = params.getRootPath();
            if (rootPath != null) {
                folders.add(Path.of(rootPath));
            }
        }
        workspace.setFolders(folders);
        if (params.getCapabilities() != null) {
            clientCapabilities = params.getCapabilities();
        }
        applySettings(ServerSettings.from(params.getInitializationOptions(), folders.isEmpty() ? null : folders.get(0)));
        watchFiles = params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
                && params.getCapabilities().getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getDidChangeWatchedFiles()
                        .getDynamicRegistration());

        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        WorkspaceServerCapabilities ws = new WorkspaceServerCapabilities();
        WorkspaceFoldersOptions wf = new WorkspaceFoldersOptions();
        wf.setSupported(true);
        wf.setChangeNotifications(true);
        ws.setWorkspaceFolders(wf);
        caps.setWorkspace(ws);
        features.announce(caps);
        caps.setExperimental(java.util.Map.of(Preview.METHOD, true));
        log().info("Vigil language server: " + folders.size() + " workspace folder(s) " + folders);
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("vigil")));
    }

    @Override
    public void initialized(InitializedParams params) {
        if (watchFiles && client != null) {
            // Saves made outside the editor (git checkout, another tool) reach the server as file events.
            DidChangeWatchedFilesRegistrationOptions opts = new DidChangeWatchedFilesRegistrationOptions(
                    List.of(new FileSystemWatcher(Either.forLeft("**/*.vigil"))));
            client.registerCapability(new RegistrationParams(List.of(new Registration("vigil-watch-sources",
                    "workspace/didChangeWatchedFiles", opts))));
        }
        scheduler.compileAll(workspace.current());
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        scheduler.close();
        requests.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        scheduler.close();
        requests.shutdownNow();
        exited.complete(shutdown ? 0 : 1);
    }

    /** Completes with the exit status when the client sends {@code exit}: 0 after {@code shutdown}, else 1. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public VigilTextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public VigilWorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    Workspace workspace() {
        return workspace;
    }

    /** The background compilations, for features and tests that wait for one. */
    public CompileScheduler compilations() {
        return scheduler;
    }

    /** The generation of the workspace now: a compilation of it or later reflects every change so far. */
    public long generation() {
        return workspace.current().generation();
    }

    void applySettings(ServerSettings settings) {
        workspace.setSettings(settings);
        converter = new DiagnosticConverter(new DocLinks(settings.docsBaseUrl(), docsCache));
    }

    /** Where the server logs: the client's log, and the log file. */
    ServerLog log() {
        return (type, message) -> {
            fileLog.log(type, message);
            LanguageClient c = client;
            if (c != null) {
                c.logMessage(new MessageParams(type, message));
            }
        };
    }

    /** Runs a request's handler on a request thread; a request without one answers {@code null}. */
    <P, R> CompletableFuture<R> run(Request<P, R> request, P params) {
        return answer(request.method(), features.handler(request), params);
    }

    /**
     * {@code vigil/preview}, Vigil's own request: the artifacts {@code vigil build} writes for the declaration
     * at a position (see docs/language-server.md).
     */
    @JsonRequest(Preview.METHOD)
    public CompletableFuture<List<PreviewItem>> preview(TextDocumentPositionParams params) {
        return answer(Preview.METHOD, preview, params);
    }

    private <P, R> CompletableFuture<R> answer(String method, Handler<P, R> handler, P params) {
        if (handler == null || shutdown) {
            return CompletableFuture.completedFuture(null);
        }
        RequestContext context = context(workspace.current());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return handler.handle(context, params);
            } catch (ResponseErrorException e) {
                // The handler's answer is an error for the user (a refused rename), not a failure of the server.
                throw e;
            } catch (Exception | StackOverflowError e) {
                log().internal("Answering " + method + " failed", e);
                return null;
            }
        }, requests);
    }

    private RequestContext context(Snapshot snapshot) {
        ServerLog log = log();
        Function<Path, String> uris = DiagnosticPublisher.uris(() -> snapshot);
        DiagnosticConverter diagnostics = converter;
        ClientCapabilities capabilities = clientCapabilities;
        return new RequestContext() {
            private Compilation compiled;

            @Override
            public Snapshot snapshot() {
                return snapshot;
            }

            @Override
            public synchronized Compilation compilation() {
                if (compiled == null) {
                    compiled = await(snapshot.generation());
                }
                return compiled;
            }

            @Override
            public Function<Path, String> uris() {
                return uris;
            }

            @Override
            public DiagnosticConverter diagnostics() {
                return diagnostics;
            }

            @Override
            public ServerLog log() {
                return log;
            }

            @Override
            public ClientCapabilities clientCapabilities() {
                return capabilities;
            }
        };
    }

    /** The compilation of {@code generation} or later; the latest one if that takes longer than a minute. */
    private Compilation await(long generation) {
        try {
            return scheduler.awaitGeneration(generation).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return scheduler.latest();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            log().log(MessageType.Warning, "No compilation of the current text is ready; answering from an older one.");
            return scheduler.latest();
        }
    }
}
