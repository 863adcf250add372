package dev.vigil.lsp.tolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.vigil.lsp.VigilTextDocumentService;
import dev.vigil.lsp.harness.ServerHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** The requests the tolerance test makes, through the server's services. */
final class Requests {
    private Requests() {
    }

    /** What the server answers at a position: hover and definition. */
    record Answer(Hover hover, List<Location> definition) {
    }

    static Answer ask(ServerHarness h, String file, Position position) {
        TextDocumentIdentifier doc = new TextDocumentIdentifier(h.uri(file));
        Hover hover = h.server.getTextDocumentService().hover(new HoverParams(doc, position)).join();
        List<Location> definition = new ArrayList<>(h.server.getTextDocumentService()
                .definition(new DefinitionParams(doc, position)).join().getLeft());
        return new Answer(hover, definition);
    }

    /**
     * Every navigation request at a position, for what they throw: each is answered, a refused
     * prepareRename with a {@code RequestFailed} error.
     */
    static void everything(ServerHarness h, String file, Position position) {
        TextDocumentIdentifier doc = new TextDocumentIdentifier(h.uri(file));
        VigilTextDocumentService s = h.server.getTextDocumentService();
        s.hover(new HoverParams(doc, position)).join();
        s.definition(new DefinitionParams(doc, position)).join();
        s.references(new ReferenceParams(doc, position, new ReferenceContext(true))).join();
        s.documentHighlight(new DocumentHighlightParams(doc, position)).join();
        try {
            s.prepareRename(new PrepareRenameParams(doc, position)).join();
        } catch (CompletionException e) {
            ResponseErrorException refused = assertInstanceOf(ResponseErrorException.class, e.getCause());
            assertEquals(ResponseErrorCode.RequestFailed.getValue(), refused.getResponseError().getCode());
        }
    }

    static List<DocumentSymbol> symbols(ServerHarness h, String file) {
        return h.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(
                new TextDocumentIdentifier(h.uri(file)))).join().stream().map(Either::getRight).toList();
    }
}
