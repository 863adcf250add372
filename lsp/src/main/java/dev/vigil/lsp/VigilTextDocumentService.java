package dev.vigil.lsp;

import dev.vigil.lsp.features.Request;
import dev.vigil.lsp.workspace.Snapshot;
import dev.vigil.lsp.workspace.Uris;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document notifications update the workspace and schedule a compilation: an edit, an open or a close
 * compiles the project that holds the document (its findings published first); a save compiles every
 * project, re-reading the disk. Requests go to the registered handlers.
 */
public final class VigilTextDocumentService implements TextDocumentService {
    private final VigilLanguageServer server;

    VigilTextDocumentService(VigilLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        Optional<Path> file = Uris.toPath(uri);
        if (file.isEmpty()) {
            return;
        }
        Snapshot s = server.workspace().open(file.get(), uri, params.getTextDocument().getVersion(),
                params.getTextDocument().getText());
        server.compilations().compileFor(s, file.get());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        Optional<Path> file = Uris.toPath(params.getTextDocument().getUri());
        if (file.isEmpty()) {
            return;
        }
        Integer version = params.getTextDocument().getVersion();
        server.workspace().change(file.get(), version == null ? 0 : version, params.getContentChanges())
                .ifPresent(s -> server.compilations().compileFor(s, file.get()));
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        Optional<Path> file = Uris.toPath(params.getTextDocument().getUri());
        if (file.isEmpty()) {
            return;
        }
        Snapshot s = server.workspace().close(file.get());
        server.compilations().compileFor(s, file.get());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        server.compilations().compileAll(server.workspace().touch());
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return server.run(Request.CODE_ACTION, params);
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return server.run(Request.FORMATTING, params);
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
        return server.run(Request.RANGE_FORMATTING, params);
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return server.run(Request.FOLDING_RANGE, params);
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return server.run(Request.DOCUMENT_SYMBOL, params);
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return server.run(Request.HOVER, params);
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return server.run(Request.DEFINITION, params);
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return server.run(Request.REFERENCES, params);
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return server.run(Request.DOCUMENT_HIGHLIGHT, params);
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        return server.run(Request.PREPARE_RENAME, params);
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return server.run(Request.RENAME, params);
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return server.run(Request.COMPLETION, params);
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return server.run(Request.SIGNATURE_HELP, params);
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return server.run(Request.SEMANTIC_TOKENS, params);
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return server.run(Request.INLAY_HINT, params);
    }
}
