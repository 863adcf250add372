package dev.vigil.compiler.index;

import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;

/**
 * A file's text addressed the way spans count: 1-based lines, 1-based columns in code points. The
 * AST keeps the span of a whole node where the index needs the name inside it (the metric name of a
 * selector, the {@code $name} of a matcher, the text of a quoted name), so names are found in the text.
 */
final class SourceText {
    private final String path;
    private final String text;
    private final int[] lineStarts;

    SourceText(SourceFile source) {
        this.path = source.path();
        this.text = source.text();
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int at = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[at++] = i + 1;
            }
        }
    }

    String path() {
        return path;
    }

    String text() {
        return text;
    }

    /** The char offset of a line and column, or -1 outside the text. */
    int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length || column < 1) {
            return -1;
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        int at = start;
        for (int c = 1; c < column; c++) {
            if (at >= end) {
                return -1;
            }
            at += Character.charCount(text.codePointAt(at));
        }
        return at;
    }

    /** The span from one char offset to another (end-exclusive). */
    Span span(int start, int end) {
        return new Span(path, lineOf(start), columnOf(start), lineOf(end), columnOf(end));
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    private int columnOf(int offset) {
        int start = lineStarts[lineOf(offset) - 1];
        return text.codePointCount(start, Math.min(offset, text.length())) + 1;
    }

    /** The text a span covers, or null when it does not lie in this text. */
    String slice(Span s) {
        int[] range = range(s);
        return range == null ? null : text.substring(range[0], range[1]);
    }

    /** Char offsets {start, end} of a span, or null. */
    int[] range(Span s) {
        if (s == null || s.isNone() || !s.file().equals(path)) {
            return null;
        }
        int start = offset(s.line(), s.column());
        int end = offset(s.endLine(), s.endColumn());
        if (start < 0 || end < start) {
            return null;
        }
        return new int[] {start, end};
    }
}
