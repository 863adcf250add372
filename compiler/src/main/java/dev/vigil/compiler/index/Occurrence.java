package dev.vigil.compiler.index;

import dev.vigil.compiler.source.Span;

/**
 * One place where a symbol's name stands. {@code span} covers exactly the name (without a constant's
 * {@code $} or a string's quotes) and carries no expansion; {@code via} is the first template or loop
 * expansion the place was seen in, or null for text used where it is written.
 */
public record Occurrence(Symbol symbol, Span span, Role role, Form form, Span.Via via) {
    public enum Role {
        DEFINITION, REFERENCE
    }

    /** How the name is written at {@code span}. */
    public enum Form {
        /** The name itself, bare or as a plain string: an edit of {@code span} renames it. */
        WRITTEN,
        /** Built by a template or loop from its parameters (`"${service|pascal}Down"`): {@code span} is the whole text. */
        BUILT,
        /** A series of the symbol rather than its name: {@code x_bucket} of histogram {@code x}. */
        DERIVED,
        /** Made by the compiler (an SLO's burn-rate alerts): {@code span} is the declaration that made it. */
        GENERATED
    }

    public boolean isDefinition() {
        return role == Role.DEFINITION;
    }

    /** True when the file is a library's ({@code lib:...}), which the project cannot edit. */
    public boolean inLibrary() {
        return dev.vigil.compiler.library.LibraryFile.isShownPath(span.file());
    }
}
