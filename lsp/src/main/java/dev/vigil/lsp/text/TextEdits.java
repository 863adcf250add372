package dev.vigil.lsp.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/** Applies LSP text edits to a text, as a client applies a workspace edit. */
public final class TextEdits {
    private TextEdits() {
    }

    /** {@code text} with {@code edits} applied; the edits' ranges are in {@code text} and must not overlap. */
    public static String apply(String text, List<TextEdit> edits) {
        LineIndex index = LineIndex.of(text);
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            TextEdit e = edits.get(i);
            ranges.add(new int[] {index.offset(e.getRange().getStart()), index.offset(e.getRange().getEnd()), i});
        }
        ranges.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> r[2]));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] r : ranges) {
            if (r[0] < at) {
                throw new IllegalArgumentException("overlapping edits at offset " + r[0]);
            }
            out.append(text, at, r[0]).append(edits.get(r[2]).getNewText());
            at = Math.max(r[0], r[1]);
        }
        return out.append(text.substring(at)).toString();
    }
}
