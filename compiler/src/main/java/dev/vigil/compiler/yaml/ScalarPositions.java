package dev.vigil.compiler.yaml;

import dev.vigil.compiler.source.Span;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Where each character of a scalar's value stands in the file. The value is what YAML made of the
 * text: indentation removed (block scalars), lines folded ({@code >}, plain and quoted scalars),
 * escapes decoded (quoted scalars). Rather than re-implement each of those rules, the value is
 * aligned with the raw text: every non-blank value character is matched with the next equal raw
 * character, skipping indentation, quotes and escape sequences in between. A character an escape
 * produced ({@code \u00e9} for {@code é}) has no equal raw character; it is placed at the escape.
 */
final class ScalarPositions {
    /** Raw non-blank characters an escape sequence may span ({@code \U0001F600} is ten). */
    private static final int LOOKAHEAD = 10;

    private final YamlDocument doc;
    private final int[] value;
    /** rawIndex[i] is the file's code-point index of value character i; rawIndex[length] is just past the end. */
    private final int[] rawIndex;

    private ScalarPositions(YamlDocument doc, int[] value, int[] rawIndex) {
        this.doc = doc;
        this.value = value;
        this.rawIndex = rawIndex;
    }

    static ScalarPositions of(YamlDocument doc, ScalarNode node) {
        int[] value = node.getValue().codePoints().toArray();
        int start = node.getStartMark().getIndex();
        int end = node.getEndMark().getIndex();
        DumperOptions.ScalarStyle style = node.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
            // Content starts on the line after the header (`|-2`), which the value never contains.
            int header = doc.lineOf(start);
            start = header < doc.lineCount() ? doc.lineStart(header + 1) : end;
        } else if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            start = Math.min(start + 1, end);
            end = Math.max(start, end - 1);
        }
        int[] map = new int[value.length + 1];
        int r = start;
        for (int v = 0; v < value.length; v++) {
            int c = value[v];
            if (Character.isWhitespace(c)) {
                map[v] = Math.min(r, end);
                if (r < end && Character.isWhitespace(doc.codePointAt(r))) {
                    r++;
                }
                continue;
            }
            int k = r;
            int skipped = 0;
            while (k < end && doc.codePointAt(k) != c && skipped <= LOOKAHEAD) {
                if (!Character.isWhitespace(doc.codePointAt(k))) {
                    skipped++;
                }
                k++;
            }
            if (k < end && doc.codePointAt(k) == c) {
                map[v] = k;
                r = k + 1;
            } else {
                map[v] = Math.min(r, end);
            }
        }
        map[value.length] = value.length == 0 ? start : Math.max(map[value.length - 1] + 1, Math.min(r, end));
        return new ScalarPositions(doc, value, map);
    }

    /**
     * Maps a span given in the value's own coordinates (1-based lines and columns, as a parser of
     * the value alone reports them) to the file.
     */
    Span map(Span inValue) {
        return mapOffsets(offset(inValue.line(), inValue.column()), offset(inValue.endLine(), inValue.endColumn()));
    }

    /** Maps value code-point offsets {@code [start, end)} to the file. */
    Span mapOffsets(int start, int end) {
        start = Math.max(0, Math.min(start, value.length));
        end = Math.max(0, Math.min(end, value.length));
        int from = rawIndex[start];
        int to = end <= start ? from + 1 : rawIndex[end - 1] + 1;
        return doc.span(from, Math.max(from + 1, to));
    }

    /** The value offset of a 1-based line and column, clamped to the value. */
    private int offset(int line, int column) {
        int l = 1;
        int i = 0;
        while (l < line && i < value.length) {
            if (value[i] == '\n') {
                l++;
            }
            i++;
        }
        // Stay on the line: a column past its end means its end.
        int lineEnd = i;
        while (lineEnd < value.length && value[lineEnd] != '\n') {
            lineEnd++;
        }
        return Math.min(i + Math.max(0, column - 1), lineEnd);
    }
}
