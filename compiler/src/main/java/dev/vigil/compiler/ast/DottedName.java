package dev.vigil.compiler.ast;

import dev.vigil.compiler.source.Span;

/** A reference such as {@code crm_events_pipeline.skew}: a container and, optionally, a member. */
public record DottedName(Name first, Name second, Span span) {
    public boolean isQualified() {
        return second != null;
    }

    @Override
    public String toString() {
        return second == null ? first.text() : first.text() + "." + second.text();
    }
}
