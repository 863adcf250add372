package dev.vigil.lsp.features.navigation;

import dev.vigil.compiler.index.SymbolIndex;
import dev.vigil.lsp.features.RequestContext;
import dev.vigil.lsp.text.LineIndex;
import dev.vigil.lsp.workspace.ProjectResult;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.lsp4j.Position;

/**
 * A request's position in the compiler's terms: the compilation that holds the document (the one of the
 * document's version, as {@link RequestContext#compilation()} waits for it), the path the compiler shows
 * for the file, and the 1-based line and code-point column in the text the compiler read.
 */
record Cursor(ProjectResult result, String file, int line, int column) {
    /** Where {@code position} of {@code uri} is; empty for a document no compilation read. */
    static Optional<Cursor> of(RequestContext context, String uri, Position position) {
        Optional<Path> path = context.path(uri);
        if (path.isEmpty() || position == null) {
            return Optional.empty();
        }
        Optional<ProjectResult> result = context.compilation().resultFor(path.get());
        Optional<String> display = result.flatMap(r -> r.display(path.get()));
        Optional<LineIndex> lines = display.flatMap(d -> result.get().lines(d));
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        int offset = lines.get().offset(position);
        return Optional.of(new Cursor(result.get(), display.get(), lines.get().vigilLine(offset),
                lines.get().vigilColumn(offset)));
    }

    SymbolIndex index() {
        return result.index();
    }

    Places places(RequestContext context) {
        return new Places(context, result);
    }
}
