package dev.vigil.lsp.features;

import org.eclipse.lsp4j.ServerCapabilities;

/**
 * Answers one kind of {@link Request}. It runs on the server's request threads, reads the workspace
 * through its {@link RequestContext} (the current snapshot, and the compilation of it when it needs the
 * compiler's results) and must not keep state between requests that a snapshot does not hold.
 * Exceptions are logged as internal errors and answered with {@code null}, except a
 * {@link org.eclipse.lsp4j.jsonrpc.ResponseErrorException}, which is the handler's answer to the client
 * (a refused rename) and reaches it as an error response.
 */
@FunctionalInterface
public interface Handler<P, R> {
    R handle(RequestContext context, P params) throws Exception;

    /**
     * Refines the capability announced for the request (options such as trigger characters or a
     * semantic token legend), after the request's default was set.
     */
    default void capabilities(ServerCapabilities capabilities) {
    }
}
