package dev.vigil.compiler.ast;

import dev.vigil.compiler.source.Span;

/** {@code name = value} inside a label or annotation block. */
public record LabelPair(Name name, Value value, Span span) {
}
