package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.List;

/** {@code by (labels)} or {@code without (labels)} on an aggregation; {@code by ()} keeps an empty list. */
public record Grouping(boolean without, List<String> labels, Span span) {
    public Grouping {
        labels = List.copyOf(labels);
    }

    @Override
    public boolean equals(Object o) { return Structural.equals(this, o); }

    @Override
    public int hashCode() { return Structural.hashCode(this); }
}
