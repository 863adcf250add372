package dev.vigil.lsp;

import dev.vigil.lsp.features.Request;
import dev.vigil.lsp.workspace.ServerSettings;
import dev.vigil.lsp.workspace.Uris;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Folder, file and setting changes recompile the whole workspace; {@code workspace/symbol} goes to its handler. */
public final class VigilWorkspaceService implements WorkspaceService {
    private final VigilLanguageServer server;

    VigilWorkspaceService(VigilLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        List<Path> folders = server.workspace().current().folders();
        server.applySettings(ServerSettings.from(params.getSettings(), folders.isEmpty() ? null : folders.get(0)));
        server.compilations().compileAll(server.workspace().current());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        server.compilations().compileAll(server.workspace().touch());
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        List<Path> folders = new ArrayList<>(server.workspace().current().folders());
        if (params.getEvent() != null) {
            for (WorkspaceFolder f : params.getEvent().getRemoved()) {
                Uris.toPath(f.getUri()).ifPresent(folders::remove);
            }
            for (WorkspaceFolder f : params.getEvent().getAdded()) {
                Uris.toPath(f.getUri()).ifPresent(folders::add);
            }
        }
        server.compilations().compileAll(server.workspace().setFolders(folders));
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
            WorkspaceSymbolParams params) {
        return server.run(Request.WORKSPACE_SYMBOL, params);
    }
}
