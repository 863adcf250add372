package dev.vigil.lsp.text;

import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Positions in one text as both sides count them. LSP counts UTF-16 code units (Java {@code char}s) on
 * lines ended by {@code \n}, {@code \r\n} or {@code \r}; Vigil's spans count code points, 1-based, on
 * lines ended by {@code \n} ({@link dev.vigil.compiler.source.SourceFile}). Both are turned into offsets
 * into the text, so a file with a lone {@code \r} or characters outside the BMP still maps exactly.
 */
public final class LineIndex {
    private final String text;
    /** Offsets where LSP lines start. */
    private final int[] lspStarts;
    /** Offsets where Vigil's lines start: after each {@code \n}. */
    private final int[] vigilStarts;

    private LineIndex(String text) {
        this.text = text;
        List<Integer> lsp = new ArrayList<>();
        List<Integer> vigil = new ArrayList<>();
        lsp.add(0);
        vigil.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lsp.add(i + 1);
                vigil.add(i + 1);
            } else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                lsp.add(i + 1);
            }
        }
        this.lspStarts = lsp.stream().mapToInt(Integer::intValue).toArray();
        this.vigilStarts = vigil.stream().mapToInt(Integer::intValue).toArray();
    }

    public static LineIndex of(String text) {
        return new LineIndex(text);
    }

    public String text() {
        return text;
    }

    /** The number of LSP lines (one more than the line breaks). */
    public int lineCount() {
        return lspStarts.length;
    }

    /** Where an LSP line's content ends, before its line break. */
    public int lineEnd(int line) {
        if (line >= lspStarts.length - 1) {
            return text.length();
        }
        int end = lspStarts[line + 1] - 1;
        if (end > lspStarts[line] && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The offset of an LSP position; a line or character past the end is clamped to it. */
    public int offset(Position p) {
        if (p.getLine() < 0) {
            return 0;
        }
        if (p.getLine() >= lspStarts.length) {
            return text.length();
        }
        int start = lspStarts[p.getLine()];
        return Math.min(start + Math.max(0, p.getCharacter()), lineEnd(p.getLine()));
    }

    /** The LSP position of an offset, clamped to the text. */
    public Position position(int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(lspStarts, at);
        return new Position(line, Math.min(at, lineEnd(line)) - lspStarts[line]);
    }

    public Range range(int start, int end) {
        return new Range(position(start), position(Math.max(start, end)));
    }

    /**
     * The offset of a Vigil line and column (1-based, code points). A column past the line's end is the
     * end of the line; a line past the end of the text is its end.
     */
    public int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        if (line > vigilStarts.length) {
            return text.length();
        }
        int at = vigilStarts[line - 1];
        int end = line < vigilStarts.length ? vigilStarts[line] - 1 : text.length();
        for (int c = 1; c < column && at < end; c++) {
            at += Character.charCount(text.codePointAt(at));
        }
        return Math.min(at, end);
    }

    /** The LSP range of a span of this text; a span without a place is the start of the text. */
    public Range range(Span span) {
        if (span.isNone()) {
            return new Range(new Position(0, 0), new Position(0, 0));
        }
        int start = offset(span.line(), span.column());
        int end = span.endLine() < 1 ? start : offset(span.endLine(), span.endColumn());
        return range(start, end);
    }

    /** The Vigil line (1-based) holding an offset. */
    public int vigilLine(int offset) {
        return lineOf(vigilStarts, Math.max(0, Math.min(offset, text.length()))) + 1;
    }

    /** The Vigil column (1-based, code points) of an offset. */
    public int vigilColumn(int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int start = vigilStarts[lineOf(vigilStarts, at)];
        return text.codePointCount(start, at) + 1;
    }

    private static int lineOf(int[] starts, int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
