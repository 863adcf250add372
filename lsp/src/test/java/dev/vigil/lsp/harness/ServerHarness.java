package dev.vigil.lsp.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.lsp.VigilLanguageServer;
import dev.vigil.lsp.features.Features;
import dev.vigil.lsp.workspace.Compilation;
import dev.vigil.lsp.workspace.ServerLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The server in-process, talking to a {@link StubClient} through lsp4j's interfaces (no JSON-RPC): a
 * workspace folder on disk, helpers to open, edit, save and close documents, and a wait for the
 * compilation of everything sent so far.
 */
public final class ServerHarness implements AutoCloseable {
    public final Path root;
    public final StubClient client = new StubClient();
    public final VigilLanguageServer server;
    public final List<String> fileLog = new ArrayList<>();
    public InitializeResult initialized;
    private final Map<String, Integer> versions = new java.util.HashMap<>();

    private ServerHarness(Path root, Object initializationOptions) {
        this.root = root.toAbsolutePath().normalize();
        ServerLog log = (type, message) -> {
            synchronized (fileLog) {
                fileLog.add(type + " " + message);
            }
        };
        server = new VigilLanguageServer(Features.builtIn(), log, this.root.resolve(".docs-cache"));
        server.connect(client);
        InitializeParams params = new InitializeParams();
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(uri(""), "root")));
        params.setCapabilities(new ClientCapabilities());
        params.setInitializationOptions(initializationOptions);
        initialized = server.initialize(params).join();
        server.initialized(new InitializedParams());
    }

    /** A server whose one workspace folder is {@code root}. */
    public static ServerHarness start(Path root) {
        return new ServerHarness(root, null);
    }

    public static ServerHarness start(Path root, Object initializationOptions) {
        return new ServerHarness(root, initializationOptions);
    }

    /** Writes a file below the folder (not opened). */
    public Path write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    public String uri(String relative) {
        return root.resolve(relative).toUri().toString();
    }

    /**
     * Opens {@code relative} with {@code text} (markers stripped); returns the marked positions. A file not
     * on disk yet is created there first, empty, as an editor's "new file" does: the server finds the
     * files of a folder on disk and reads open ones from the editor.
     */
    public Markers.Marked open(String relative, String marked) {
        Markers.Marked m = Markers.strip(marked);
        String uri = uri(relative);
        Path p = root.resolve(relative);
        try {
            if (!Files.exists(p)) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, "");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        versions.put(uri, 1);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "vigil", 1, m.text())));
        return m;
    }

    /** Replaces {@code range} with {@code text}, as one incremental change; returns the new version. */
    public int change(String relative, Range range, String text) {
        String uri = uri(relative);
        int version = versions.merge(uri, 1, Integer::sum);
        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(range, text);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
        return version;
    }

    /** Inserts {@code text} at {@code at}. */
    public int insert(String relative, Position at, String text) {
        return change(relative, new Range(at, at), text);
    }

    public void save(String relative) {
        server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri(relative))));
    }

    public void close(String relative) {
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri(relative))));
    }

    public void fileChanged(String relative) {
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(uri(relative), FileChangeType.Changed))));
    }

    /** Records a version sent without these helpers. */
    public void setVersion(String relative, int version) {
        versions.put(uri(relative), version);
    }

    public int version(String relative) {
        return versions.getOrDefault(uri(relative), 0);
    }

    /** Waits for the compilation of everything sent so far; its publications have been made when this returns. */
    public Compilation awaitCompiled() {
        try {
            return server.compilations().awaitGeneration(server.generation()).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no compilation of generation " + server.generation(), e);
        }
    }

    /** The diagnostics last published for a file, after waiting for the compilation. */
    public List<org.eclipse.lsp4j.Diagnostic> diagnostics(String relative) {
        awaitCompiled();
        PublishDiagnosticsParams p = client.last(uri(relative));
        return p == null ? List.of() : p.getDiagnostics();
    }

    public List<CodeAction> codeActions(String relative, Range range, List<String> only) {
        CodeActionContext context = new CodeActionContext(List.of());
        context.setOnly(only);
        List<Either<Command, CodeAction>> actions = server.getTextDocumentService()
                .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri(relative)), range, context)).join();
        return actions.stream().map(Either::getRight).toList();
    }

    /** Fails when the server logged an internal error. */
    public void assertNoInternalErrors() {
        assertEquals(List.of(), client.errors(), "internal errors logged");
        synchronized (fileLog) {
            assertEquals(List.of(), fileLog.stream().filter(l -> l.startsWith(MessageType.Error.toString())).toList());
        }
    }

    @Override
    public void close() {
        server.shutdown().join();
        server.exit();
    }
}
