package dev.vigil.lsp.features.editing;

import dev.vigil.lsp.features.Features;
import dev.vigil.lsp.features.Request;
import dev.vigil.lsp.features.completion.Completions;
import dev.vigil.lsp.features.completion.SignatureHelps;
import dev.vigil.lsp.features.hints.RecordingRuleHints;
import dev.vigil.lsp.features.tokens.SemanticHighlighting;

/**
 * The editing features: completion, signature help, semantic tokens and inlay hints. The preview request
 * ({@link dev.vigil.lsp.features.preview.Preview}) is not an LSP request, so the server answers it itself.
 */
public final class EditingFeatures {
    private EditingFeatures() {
    }

    public static Features register(Features features) {
        features.register(Request.COMPLETION, new Completions());
        features.register(Request.SIGNATURE_HELP, new SignatureHelps());
        features.register(Request.SEMANTIC_TOKENS, new SemanticHighlighting());
        features.register(Request.INLAY_HINT, new RecordingRuleHints());
        return features;
    }
}
