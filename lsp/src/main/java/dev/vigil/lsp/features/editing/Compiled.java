package dev.vigil.lsp.features.editing;

import dev.vigil.lsp.features.RequestContext;
import dev.vigil.lsp.text.TextDocument;
import dev.vigil.lsp.workspace.ProjectResult;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The compilation that holds a file: the project's result, the path the compiler shows for the file, and
 * whether it read the document's current text (an open document's version, or the disk for a closed one).
 * Positions in its results are in the text it read, so features that place them in the editor need {@code current}.
 */
public record Compiled(ProjectResult result, String display, boolean current) {
    /** Empty when no compiled project reads the file. */
    public static Optional<Compiled> of(RequestContext context, Path file) {
        Optional<ProjectResult> compiled = context.compilation().resultFor(file);
        Optional<String> display = compiled.flatMap(r -> r.display(file));
        if (display.isEmpty()) {
            return Optional.empty();
        }
        Optional<TextDocument> open = context.snapshot().document(file);
        boolean current = open.isEmpty() || compiled.get().version(file).equals(Optional.of(open.get().version()));
        return Optional.of(new Compiled(compiled.get(), display.get(), current));
    }
}
