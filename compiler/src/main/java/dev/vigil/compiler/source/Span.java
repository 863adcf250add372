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

    public Span(String file, int line, int column, int endLine, int endColumn) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.endColumn = endColumn;
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
                endsLast ? endLine : other.endLine, endsLast ? endColumn : other.endColumn);
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
        return c != 0 ? c : Integer.compare(endColumn, o.endColumn);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Span s && sameRange(s);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line, column, endLine, endColumn);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
