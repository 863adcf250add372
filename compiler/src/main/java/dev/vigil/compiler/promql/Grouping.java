package dev.vigil.compiler.promql;

import dev.vigil.compiler.source.Span;
import java.util.List;

/** {@code by (labels)} or {@code without (labels)} on an aggregation; {@code by ()} keeps an empty list. */
public record Grouping(boolean without, List<String> labels, Span span) {
    public Grouping {
        labels = List.copyOf(labels);
    }
}
