package dev.vigil.compiler.diag;

import dev.vigil.compiler.source.Span;
import java.util.Objects;

/** A concrete edit that resolves a diagnostic: replace the text at {@code span} with {@code replacement}. */
public record Fix(String description, Span span, String replacement) {
    public Fix {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(replacement, "replacement");
    }
}
