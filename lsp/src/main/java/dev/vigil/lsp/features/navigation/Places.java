package dev.vigil.lsp.features.navigation;

import dev.vigil.compiler.source.Span;
import dev.vigil.lsp.features.RequestContext;
import dev.vigil.lsp.workspace.ProjectResult;
import java.util.Optional;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;

/**
 * Spans of one compilation as LSP locations. A span's range is converted in the text the compiler read
 * for its file (an open document's version, else the file on disk as it was read), so positions in files
 * the editor has not opened are right too. A library's file ({@code lib:...}) has no URI and no location.
 */
final class Places {
    private final RequestContext context;
    private final ProjectResult result;

    Places(RequestContext context, ProjectResult result) {
        this.context = context;
        this.result = result;
    }

    /** The URI of a file the compiler shows as {@code display}; empty for a library's file. */
    Optional<String> uri(String display) {
        if (display.startsWith("lib:")) {
            return Optional.empty();
        }
        return result.path(display).map(context.uris());
    }

    Optional<Range> range(Span span) {
        return result.lines(span.file()).map(l -> l.range(span));
    }

    Optional<Location> location(Span span) {
        Optional<String> uri = uri(span.file());
        Optional<Range> range = range(span);
        return uri.isPresent() && range.isPresent() ? Optional.of(new Location(uri.get(), range.get())) : Optional.empty();
    }

    ProjectResult result() {
        return result;
    }
}
