package dev.vigil.lsp.features.navigation;

import dev.vigil.compiler.index.Occurrence;
import dev.vigil.lsp.features.Handler;
import dev.vigil.lsp.features.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Go to definition: where every symbol named at the cursor is declared (several for a recording rule
 * that several rules write, or for text a template writes for several symbols). As links, with the
 * name under the cursor as their origin, when the client supports them; else as locations. A name
 * declared in a library's file has no location to go to.
 */
final class DefinitionHandler implements Handler<DefinitionParams,
        Either<List<? extends Location>, List<? extends LocationLink>>> {
    @Override
    public Either<List<? extends Location>, List<? extends LocationLink>> handle(RequestContext context,
            DefinitionParams params) {
        Optional<Cursor> cursor = Cursor.of(context, params.getTextDocument().getUri(), params.getPosition());
        if (cursor.isEmpty()) {
            return Either.forLeft(List.of());
        }
        Cursor c = cursor.get();
        Places places = c.places(context);
        List<Occurrence> definitions = c.index().definitionsAt(c.file(), c.line(), c.column());
        if (!linkSupport(context.clientCapabilities())) {
            List<Location> out = new ArrayList<>();
            definitions.forEach(d -> places.location(d.span()).ifPresent(out::add));
            return Either.forLeft(out);
        }
        List<Occurrence> here = c.index().occurrencesAt(c.file(), c.line(), c.column());
        Range origin = here.isEmpty() ? null : places.range(here.get(0).span()).orElse(null);
        List<LocationLink> out = new ArrayList<>();
        for (Occurrence d : definitions) {
            places.location(d.span()).ifPresent(l -> out.add(new LocationLink(l.getUri(), l.getRange(), l.getRange(), origin)));
        }
        return Either.forRight(out);
    }

    static boolean linkSupport(ClientCapabilities capabilities) {
        return capabilities != null && capabilities.getTextDocument() != null
                && capabilities.getTextDocument().getDefinition() != null
                && Boolean.TRUE.equals(capabilities.getTextDocument().getDefinition().getLinkSupport());
    }
}
