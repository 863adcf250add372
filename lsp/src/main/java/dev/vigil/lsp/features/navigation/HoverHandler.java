package dev.vigil.lsp.features.navigation;

import dev.vigil.compiler.index.Hover;
import dev.vigil.compiler.index.HoverInfo;
import dev.vigil.lsp.features.Handler;
import dev.vigil.lsp.features.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover: what the compiler knows of the name and the query at the cursor, as the index's Markdown (a
 * metric's declaration, an alert's threshold, {@code for}, severity, receivers and panel, a constant's
 * value, a recording rule's query and series, a PromQL expression's value type and labels), over the
 * range of the name, or else of the innermost expression, under the cursor. A recording rule read by a
 * bare selector shows its series once: the selector's own part would repeat it.
 */
final class HoverHandler implements Handler<HoverParams, org.eclipse.lsp4j.Hover> {
    @Override
    public org.eclipse.lsp4j.Hover handle(RequestContext context, HoverParams params) {
        Optional<Cursor> cursor = Cursor.of(context, params.getTextDocument().getUri(), params.getPosition());
        if (cursor.isEmpty()) {
            return null;
        }
        Cursor c = cursor.get();
        Optional<Hover> hover = c.index().hover(c.file(), c.line(), c.column());
        if (hover.isEmpty()) {
            return null;
        }
        org.eclipse.lsp4j.Hover out = new org.eclipse.lsp4j.Hover(new MarkupContent(MarkupKind.MARKDOWN,
                withoutRepeats(hover.get()).markdown()));
        if (hover.get().range() != null) {
            c.places(context).range(hover.get().range()).ifPresent(out::setRange);
        }
        return out;
    }

    static Hover withoutRepeats(Hover hover) {
        List<HoverInfo> parts = new ArrayList<>();
        for (HoverInfo p : hover.parts()) {
            boolean repeat = p instanceof HoverInfo.Expression e && parts.stream()
                    .anyMatch(q -> q instanceof HoverInfo.RecordingRule r && e.equals(r.series()));
            if (!repeat) {
                parts.add(p);
            }
        }
        return new Hover(hover.range(), parts);
    }
}
