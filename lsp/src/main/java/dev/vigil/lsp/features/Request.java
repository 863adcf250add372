package dev.vigil.lsp.features;

import java.util.List;
import java.util.function.Consumer;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
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
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;

/**
 * A request a {@link Handler} can answer: its LSP method, and the capability the server announces once a
 * handler is registered for it. The constants are typed with lsp4j's own parameter and result types, so
 * a handler plugs in without any change to the services: {@code features.register(Request.HOVER, new
 * MyHover())}. A request without a handler answers {@code null} and is not announced.
 */
public final class Request<P, R> {
    private final String method;
    private final Consumer<ServerCapabilities> capability;

    private Request(String method, Consumer<ServerCapabilities> capability) {
        this.method = method;
        this.capability = capability;
    }

    public String method() {
        return method;
    }

    /** Announces this request in {@code capabilities}, as its handler is registered. */
    void announce(ServerCapabilities capabilities) {
        capability.accept(capabilities);
    }

    @Override
    public String toString() {
        return method;
    }

    public static final Request<HoverParams, Hover> HOVER =
            new Request<>("textDocument/hover", c -> c.setHoverProvider(true));
    public static final Request<DefinitionParams, Either<List<? extends Location>, List<? extends LocationLink>>>
            DEFINITION = new Request<>("textDocument/definition", c -> c.setDefinitionProvider(true));
    public static final Request<ReferenceParams, List<? extends Location>> REFERENCES =
            new Request<>("textDocument/references", c -> c.setReferencesProvider(true));
    public static final Request<DocumentHighlightParams, List<? extends DocumentHighlight>> DOCUMENT_HIGHLIGHT =
            new Request<>("textDocument/documentHighlight", c -> c.setDocumentHighlightProvider(true));
    public static final Request<PrepareRenameParams, Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>
            PREPARE_RENAME = new Request<>("textDocument/prepareRename", c -> c.setRenameProvider(new RenameOptions(true)));
    public static final Request<RenameParams, WorkspaceEdit> RENAME = new Request<>("textDocument/rename", c -> {
        if (c.getRenameProvider() == null) {
            c.setRenameProvider(true);
        }
    });
    public static final Request<CompletionParams, Either<List<CompletionItem>, CompletionList>> COMPLETION =
            new Request<>("textDocument/completion", c -> c.setCompletionProvider(new CompletionOptions(false,
                    List.of(".", "$", "{", "(", "\"", ",", " "))));
    public static final Request<SignatureHelpParams, SignatureHelp> SIGNATURE_HELP = new Request<>(
            "textDocument/signatureHelp", c -> c.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ","))));
    public static final Request<SemanticTokensParams, SemanticTokens> SEMANTIC_TOKENS =
            new Request<>("textDocument/semanticTokens/full", c -> {
            });
    public static final Request<InlayHintParams, List<InlayHint>> INLAY_HINT =
            new Request<>("textDocument/inlayHint", c -> c.setInlayHintProvider(true));
    public static final Request<CodeActionParams, List<Either<Command, CodeAction>>> CODE_ACTION =
            new Request<>("textDocument/codeAction", c -> c.setCodeActionProvider(true));
    public static final Request<DocumentFormattingParams, List<? extends TextEdit>> FORMATTING =
            new Request<>("textDocument/formatting", c -> c.setDocumentFormattingProvider(true));
    public static final Request<DocumentRangeFormattingParams, List<? extends TextEdit>> RANGE_FORMATTING =
            new Request<>("textDocument/rangeFormatting", c -> c.setDocumentRangeFormattingProvider(true));
    public static final Request<FoldingRangeRequestParams, List<FoldingRange>> FOLDING_RANGE =
            new Request<>("textDocument/foldingRange", c -> c.setFoldingRangeProvider(true));
    public static final Request<DocumentSymbolParams, List<Either<SymbolInformation, DocumentSymbol>>> DOCUMENT_SYMBOL =
            new Request<>("textDocument/documentSymbol", c -> c.setDocumentSymbolProvider(true));
    public static final Request<WorkspaceSymbolParams, Either<List<? extends SymbolInformation>,
            List<? extends WorkspaceSymbol>>> WORKSPACE_SYMBOL =
            new Request<>("workspace/symbol", c -> c.setWorkspaceSymbolProvider(true));
}
