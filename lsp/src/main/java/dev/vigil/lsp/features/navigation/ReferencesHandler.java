package dev.vigil.lsp.features.navigation;

import dev.vigil.compiler.index.Occurrence;
import dev.vigil.lsp.features.Handler;
import dev.vigil.lsp.features.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceParams;

/**
 * Find references: every place in the project that names a symbol at the cursor, in every file the
 * compilation read (open or not), with the declarations too when the client asks to include them. Places
 * in a library's files are left out: they have no location.
 */
final class ReferencesHandler implements Handler<ReferenceParams, List<? extends Location>> {
    @Override
    public List<? extends Location> handle(RequestContext context, ReferenceParams params) {
        Optional<Cursor> cursor = Cursor.of(context, params.getTextDocument().getUri(), params.getPosition());
        if (cursor.isEmpty()) {
            return List.of();
        }
        Cursor c = cursor.get();
        boolean declarations = params.getContext() != null && params.getContext().isIncludeDeclaration();
        Places places = c.places(context);
        List<Location> out = new ArrayList<>();
        for (Occurrence o : c.index().referencesAt(c.file(), c.line(), c.column(), declarations)) {
            places.location(o.span()).ifPresent(out::add);
        }
        return out;
    }
}
