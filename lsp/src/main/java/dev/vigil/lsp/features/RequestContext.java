package dev.vigil.lsp.features;

import dev.vigil.lsp.diagnostics.DiagnosticConverter;
import dev.vigil.lsp.text.LineIndex;
import dev.vigil.lsp.workspace.Compilation;
import dev.vigil.lsp.workspace.ServerLog;
import dev.vigil.lsp.workspace.Snapshot;
import dev.vigil.lsp.workspace.Uris;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.lsp4j.ClientCapabilities;

/** What a handler sees of the server for one request. */
public interface RequestContext {
    /** The workspace as the request found it: folders, open documents' text, settings. */
    Snapshot snapshot();

    /**
     * The compiler's results for {@link #snapshot()}'s generation (or a later one), waiting for the
     * background compilation when it has not finished yet. Ranges in its results are in the text the
     * compiler read, which {@link dev.vigil.lsp.workspace.ProjectResult#version} names for open documents.
     */
    Compilation compilation();

    /** The URI to use for a file in a result: the one the client opened it under, else its {@code file:} URI. */
    Function<Path, String> uris();

    /** Turns compiler findings into LSP diagnostics as the server publishes them. */
    DiagnosticConverter diagnostics();

    ServerLog log();

    /**
     * What the client announced it supports in {@code initialize} (empty capabilities when it announced
     * nothing): a handler answers in the richer form a client supports (links, versioned edits) and in
     * the plain one otherwise.
     */
    default ClientCapabilities clientCapabilities() {
        return new ClientCapabilities();
    }

    /** The file a request's URI names, if it is a {@code file:} URI. */
    default Optional<Path> path(String uri) {
        return Uris.toPath(uri);
    }

    /** The current text of a document (open or on disk), with its positions. */
    default Optional<LineIndex> lines(Path file) {
        Optional<dev.vigil.lsp.text.TextDocument> open = snapshot().document(file);
        return open.isPresent() ? Optional.of(open.get().lines()) : snapshot().text(file).map(LineIndex::of);
    }
}
