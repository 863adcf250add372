package dev.vigil.compiler.ast;

import dev.vigil.compiler.source.Span;

/** A {@code key value} pair in a block whose keys the model builder knows. */
public record Property(Name key, Value value, Span span) {
}
