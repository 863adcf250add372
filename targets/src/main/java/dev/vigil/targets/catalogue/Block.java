package dev.vigil.targets.catalogue;

import java.util.List;

/** A block of a {@link Page}: what both renderers know how to write, and nothing either could not. */
public sealed interface Block {

    /** A section heading, {@code level} 2 to 4 (the page's title is its only level 1), with a fragment id. */
    record Heading(int level, String id, List<Inline> text) implements Block {
        public Heading {
            if (level < 2 || level > 4) {
                throw new IllegalArgumentException("heading level " + level);
            }
            text = List.copyOf(text);
        }
    }

    record Paragraph(List<Inline> text) implements Block {
        public Paragraph {
            text = List.copyOf(text);
        }
    }

    /** Markdown the user wrote ({@code meaning}): rendered with raw HTML escaped and unsafe links dropped. */
    record Prose(String markdown) implements Block {
    }

    /** Label and value pairs, the facts at the top of a page. */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    record Field(String label, List<Inline> value) {
        public Field {
            value = List.copyOf(value);
        }
    }

    /** A table with a header row; each cell is a run of inlines. {@code caption} says what it lists. */
    record Table(String caption, List<String> header, List<List<List<Inline>>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
        }
    }

    /** A bulleted or numbered list; an item may hold blocks of its own (a nested list, a command). */
    record Items(boolean ordered, List<Item> items) implements Block {
        public Items {
            items = List.copyOf(items);
        }
    }

    record Item(List<Inline> text, List<Block> children) {
        public Item {
            text = List.copyOf(text);
            children = List.copyOf(children);
        }

        public Item(List<Inline> text) {
            this(text, List.of());
        }
    }

    /** Code to copy as it is: a query, a command, the emitted rule. */
    record Code(String language, String text) implements Block {
    }

    /** The search field of the search page, which {@code site.js} fills; the page lists everything below it too. */
    record SearchBox() implements Block {
    }

    /**
     * A diagram: an {@code <svg>} element {@link Svg} built (no script, no style element, no links, ASCII),
     * and the caption that says what it shows; the page also gives the same facts as a table or list.
     */
    record Figure(Svg svg, String caption) implements Block {
    }
}
