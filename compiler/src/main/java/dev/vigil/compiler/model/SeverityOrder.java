package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.util.List;

/** The declared severities, most urgent first: {@code critical > warning > info}. */
public record SeverityOrder(List<String> levels, Span span) {
    public static final SeverityOrder DEFAULT = new SeverityOrder(List.of("critical", "warning", "info"), Span.NONE);

    public SeverityOrder {
        levels = List.copyOf(levels);
    }

    public boolean contains(String level) {
        return levels.contains(level);
    }

    /** 0 for the most urgent; -1 when unknown. */
    public int rank(String level) {
        return levels.indexOf(level);
    }
}
