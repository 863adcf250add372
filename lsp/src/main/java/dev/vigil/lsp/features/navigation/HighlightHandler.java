package dev.vigil.lsp.features.navigation;

import dev.vigil.compiler.index.Occurrence;
import dev.vigil.lsp.features.Handler;
import dev.vigil.lsp.features.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;

/**
 * The places in the document that name a symbol at the cursor. A declaration is a {@code Write}, a
 * name written where it is used a {@code Read}; text a template builds a name from, or the declaration
 * the compiler generates a name from (an SLO's alerts), is {@code Text}: it stands for the name without
 * being it.
 */
final class HighlightHandler implements Handler<DocumentHighlightParams, List<? extends DocumentHighlight>> {
    @Override
    public List<? extends DocumentHighlight> handle(RequestContext context, DocumentHighlightParams params) {
        Optional<Cursor> cursor = Cursor.of(context, params.getTextDocument().getUri(), params.getPosition());
        if (cursor.isEmpty()) {
            return List.of();
        }
        Cursor c = cursor.get();
        Places places = c.places(context);
        List<DocumentHighlight> out = new ArrayList<>();
        for (Occurrence o : c.index().highlights(c.file(), c.line(), c.column())) {
            places.range(o.span()).ifPresent(r -> out.add(new DocumentHighlight(r, kind(o))));
        }
        return out;
    }

    static DocumentHighlightKind kind(Occurrence o) {
        if (o.form() == Occurrence.Form.BUILT || o.form() == Occurrence.Form.GENERATED) {
            return DocumentHighlightKind.Text;
        }
        return o.isDefinition() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read;
    }
}
