package dev.vigil.compiler.index;

import dev.vigil.compiler.source.Span;

/** Whether the name under the cursor can be renamed: its range and symbol, or why not. */
public sealed interface PrepareRename {
    /** {@code range} is the name at the cursor; {@code name} the current name, to offer for editing. */
    record Allowed(Symbol symbol, Span range, String name) implements PrepareRename {
    }

    /** {@code reason} is a sentence for the user, Markdown code in backticks. */
    record Refused(String reason) implements PrepareRename {
    }
}
