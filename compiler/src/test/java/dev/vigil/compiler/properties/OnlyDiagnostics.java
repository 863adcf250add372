package dev.vigil.compiler.properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.JsonRenderer;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * What the robustness properties demand of an outcome, beyond not throwing: no declared internal error
 * (an `Internal.*` diagnostic is a bug even when it is reported politely), a failure that says why, and
 * diagnostics that both renderers of the CLI can print against the sources they point into.
 */
public final class OnlyDiagnostics {
    /** The seed of the properties' fixed-seed runs; the other run of each property takes a random seed, which jqwik prints. */
    public static final String FIXED_SEED = "1402";

    private OnlyDiagnostics() {
    }

    public static void check(List<Diagnostic> diagnostics, Map<String, SourceFile> sources, boolean failed, String input) {
        for (Diagnostic d : diagnostics) {
            assertFalse(d.code().startsWith("Internal."), () -> "internal error " + d + " on\n" + input);
        }
        if (failed) {
            assertTrue(diagnostics.stream().anyMatch(Diagnostic::isError), () -> "failed without an error on\n" + input);
        }
        TextRenderer.render(diagnostics, sources);
        JsonRenderer.render(diagnostics);
    }
}
