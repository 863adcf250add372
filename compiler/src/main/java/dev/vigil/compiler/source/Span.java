package dev.vigil.compiler.source;

import java.util.Objects;

/**
 * A range of source text: 1-based line and column of the first character, and the line and column
 * just past the last one (end-exclusive, as LSP and rustc count).
 *
 * <p>A span is a value: two spans are equal when file and range are. Nodes that need equality by
 * structure (PromQL trees) say so explicitly through {@link Structural}.
 */
public final class Span implements Comparable<Span> {
    public static final Span NONE = new Span("<none>", 0, 0, 0, 0);

    private final String file;
    private final int line;
    private final int column;
    private final int endLine;
    private final int endColumn;
    /** Set when this text was written in a template body or `for` block and this span is one expansion of it. */
    private final Via via;

    public Span(String file, int line, int column, int endLine, int endColumn) {
        this(file, line, column, endLine, endColumn, null);
    }

    private Span(String file, int line, int column, int endLine, int endColumn, Via via) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.endColumn = endColumn;
        this.via = via;
    }

    /**
     * Where an expansion was asked for: {@code kind} is {@link Via.Kind#TEMPLATE} with the template's name,
     * or {@link Via.Kind#LOOP} with the loop's binding ({@code queue = "orders"}); {@code site} is the
     * {@code use} or {@code for}, itself expanded from elsewhere when its own span says so.
     */
    public record Via(Kind kind, String name, Span site) {
        public enum Kind { TEMPLATE, LOOP }

        public Via {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(site, "site");
        }

        /** "the expansion of `red`" or "the iteration `queue = "orders"`", for messages. */
        public String describe() {
            return kind == Kind.TEMPLATE ? "the expansion of `" + name + "`" : "the iteration `" + name + "`";
        }
    }

    /** The expansion this text belongs to, or null for text used where it is written. */
    public Via via() {
        return via;
    }

    /** This range, as part of the expansion {@code via}. */
    public Span withVia(Via newVia) {
        return new Span(file, line, column, endLine, endColumn, newVia);
    }

    /** The innermost template this span was expanded from, or null. */
    public String template() {
        for (Via v = via; v != null; v = v.site().via()) {
            if (v.kind() == Via.Kind.TEMPLATE) {
                return v.name();
            }
        }
        return null;
    }

    /** Every template this span was expanded through, innermost first. */
    public java.util.List<String> templates() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Via v = via; v != null; v = v.site().via()) {
            if (v.kind() == Via.Kind.TEMPLATE) {
                out.add(v.name());
            }
        }
        return out;
    }

    public static Span point(String file, int line, int column) {
        return new Span(file, line, column, line, column + 1);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int endLine() {
        return endLine;
    }

    public int endColumn() {
        return endColumn;
    }

    public boolean isNone() {
        return this == NONE || line == 0;
    }

    /** The smallest span covering both; spans in different files keep this one. */
    public Span to(Span other) {
        if (other == null || other.isNone() || !other.file.equals(file)) {
            return this;
        }
        if (isNone()) {
            return other;
        }
        boolean startsFirst = line < other.line || (line == other.line && column <= other.column);
        boolean endsLast = endLine > other.endLine || (endLine == other.endLine && endColumn >= other.endColumn);
        return new Span(file,
                startsFirst ? line : other.line, startsFirst ? column : other.column,
                endsLast ? endLine : other.endLine, endsLast ? endColumn : other.endColumn, via);
    }

    public boolean sameRange(Span other) {
        return other != null && file.equals(other.file) && line == other.line && column == other.column
                && endLine == other.endLine && endColumn == other.endColumn;
    }

    @Override
    public int compareTo(Span o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(column, o.column);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(endLine, o.endLine);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(endColumn, o.endColumn);
        if (c != 0 || Objects.equals(via, o.via)) {
            return c;
        }
        // The same template text in two expansions: ordered by where each was asked for.
        if (via == null || o.via == null) {
            return via == null ? -1 : 1;
        }
        c = via.site().compareTo(o.via.site());
        return c != 0 ? c : via.name().compareTo(o.via.name());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Span s && sameRange(s) && Objects.equals(via, s.via);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line, column, endLine, endColumn, via);
    }

    @Override
    public String toString() {
        String at = file + ":" + line + ":" + column;
        return via == null ? at : at + " (in " + via.describe() + " at " + via.site() + ")";
    }
}
