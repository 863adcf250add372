package dev.vigil.compiler.index;

import dev.vigil.compiler.source.Span;

/** Replace the text of {@code range} (1-based lines, columns in code points, end-exclusive) by {@code newText}. */
public record TextEdit(Span range, String newText) {
}
