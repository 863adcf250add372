package dev.vigil.lsp.features.navigation;

import dev.vigil.lsp.features.Features;
import dev.vigil.lsp.features.Request;

/**
 * Navigation, rename and hover over the compiler's symbol index ({@link dev.vigil.compiler.index.SymbolIndex},
 * one per compilation, built on first use): definition, references, document highlight, prepareRename,
 * rename and hover.
 */
public final class NavigationFeatures {
    private NavigationFeatures() {
    }

    public static Features register(Features features) {
        return features.register(Request.DEFINITION, new DefinitionHandler())
                .register(Request.REFERENCES, new ReferencesHandler())
                .register(Request.DOCUMENT_HIGHLIGHT, new HighlightHandler())
                .register(Request.PREPARE_RENAME, new RenameHandlers.Prepare())
                .register(Request.RENAME, new RenameHandlers.Rename())
                .register(Request.HOVER, new HoverHandler());
    }
}
