package dev.vigil.compiler.ast;

import dev.vigil.compiler.source.Span;

/** A comment, kept with its position so a formatter can put it back. */
public record Comment(String text, Span span) {
}
