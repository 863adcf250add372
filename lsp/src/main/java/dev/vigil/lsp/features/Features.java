package dev.vigil.lsp.features;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.lsp4j.ServerCapabilities;

/**
 * The request handlers of a server, one per {@link Request}: the built-in ones ({@link #builtIn()}) and
 * whatever is registered next to them (definition, references, hover, rename, completion...). The
 * services look handlers up here, so a new feature is one class and one {@link #register} call.
 */
public final class Features {
    private final Map<Request<?, ?>, Handler<?, ?>> handlers = new LinkedHashMap<>();

    /** The features this module implements: quick fixes, formatting, folding and symbols. */
    public static Features builtIn() {
        Features f = new Features();
        f.register(Request.CODE_ACTION, new CodeActions());
        f.register(Request.FORMATTING, Formatting.document());
        f.register(Request.RANGE_FORMATTING, Formatting.range());
        f.register(Request.FOLDING_RANGE, new FoldingRanges());
        f.register(Request.DOCUMENT_SYMBOL, new DocumentSymbols());
        f.register(Request.WORKSPACE_SYMBOL, new WorkspaceSymbols());
        dev.vigil.lsp.features.navigation.NavigationFeatures.register(f);
        dev.vigil.lsp.features.editing.EditingFeatures.register(f);
        return f;
    }

    /** Registers (or replaces) the handler of {@code request}. Before {@code initialize}, to be announced. */
    public synchronized <P, R> Features register(Request<P, R> request, Handler<P, R> handler) {
        handlers.put(request, handler);
        return this;
    }

    @SuppressWarnings("unchecked")
    public synchronized <P, R> Handler<P, R> handler(Request<P, R> request) {
        return (Handler<P, R>) handlers.get(request);
    }

    /** Announces every registered request, then lets each handler refine its options. */
    public synchronized void announce(ServerCapabilities capabilities) {
        handlers.keySet().forEach(r -> r.announce(capabilities));
        handlers.values().forEach(h -> h.capabilities(capabilities));
    }
}
