package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.source.Span;

/** A named value; {@code service} is null for project-wide constants. */
public record Constant(String name, String service, Value value, Span span) {
}
