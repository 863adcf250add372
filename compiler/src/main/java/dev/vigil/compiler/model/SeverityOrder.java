package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * The levels {@code severity OP level} accepts, most urgent first, for {@code >=}, {@code >},
     * {@code <=} and {@code <}: with {@code critical > warning > info}, {@code >= warning} is
     * critical and warning, {@code > critical} none. Empty when {@code level} is not declared.
     * Routing evaluates orderings with this, and the Alertmanager emitter writes it as a regex.
     */
    public Optional<List<String>> selected(String op, String level) {
        int rank = rank(level);
        if (rank < 0) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            // Rank 0 is the most urgent, so `>=` keeps the ranks at or below the given one.
            boolean keep = switch (op) {
                case ">=" -> i <= rank;
                case ">" -> i < rank;
                case "<=" -> i >= rank;
                case "<" -> i > rank;
                default -> throw new IllegalArgumentException("not a severity ordering: " + op);
            };
            if (keep) {
                out.add(levels.get(i));
            }
        }
        return Optional.of(out);
    }
}
