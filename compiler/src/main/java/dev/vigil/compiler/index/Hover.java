package dev.vigil.compiler.index;

import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.stream.Collectors;

/** What to show for a position: the range it is about, and one part per thing found there (symbol, then query). */
public record Hover(Span range, List<HoverInfo> parts) {
    public Hover {
        parts = List.copyOf(parts);
    }

    /** The parts as one Markdown text, separated by rules. */
    public String markdown() {
        return parts.stream().map(HoverInfo::markdown).collect(Collectors.joining("\n\n---\n\n"));
    }
}
