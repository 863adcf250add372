package dev.vigil.lsp.features;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.vigil.compiler.format.Formatter;
import dev.vigil.lsp.text.LineIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * Formatting through {@code vigil fmt}'s formatter, which lays out a whole file: the result is returned
 * as one edit per changed run of lines, so the editor keeps the cursor and folds of the lines that stay.
 * A file with syntax errors is refused: no edits (and a line in the log), as {@code vigil fmt} leaves it
 * alone. Range formatting formats the whole file and returns only the changed runs whose lines lie
 * inside the requested lines; a run that reaches outside them is left out, so nothing outside the range
 * changes. Since the formatter changes only whitespace, any subset of its runs leaves the same tokens.
 */
final class Formatting {
    private Formatting() {
    }

    static Handler<DocumentFormattingParams, List<? extends TextEdit>> document() {
        return (context, params) -> edits(context, params.getTextDocument().getUri(), null);
    }

    static Handler<DocumentRangeFormattingParams, List<? extends TextEdit>> range() {
        return (context, params) -> edits(context, params.getTextDocument().getUri(), params.getRange());
    }

    private static List<TextEdit> edits(RequestContext context, String uri, Range range) {
        Optional<Path> file = context.path(uri);
        Optional<LineIndex> lines = file.flatMap(context::lines);
        if (lines.isEmpty()) {
            return List.of();
        }
        String text = lines.get().text();
        Formatter.Result result = Formatter.format(file.get().getFileName().toString(), text);
        if (result.formatted().isEmpty()) {
            context.log().info("Not formatting " + file.get().getFileName() + ": it has syntax errors.");
            return List.of();
        }
        String formatted = result.formatted().get();
        if (formatted.equals(text)) {
            return List.of();
        }
        List<String> before = split(text);
        List<String> after = split(formatted);
        int[] starts = new int[before.size() + 1];
        for (int i = 0; i < before.size(); i++) {
            starts[i + 1] = starts[i] + before.get(i).length();
        }
        int from = 0;
        int to = text.length();
        if (range != null) {
            from = lines.get().offset(new Position(range.getStart().getLine(), 0));
            int lastLine = range.getEnd().getLine();
            if (range.getEnd().getCharacter() == 0 && lastLine > range.getStart().getLine()) {
                lastLine--;
            }
            to = lastLine + 1 >= lines.get().lineCount() ? text.length()
                    : lines.get().offset(new Position(lastLine + 1, 0));
        }
        List<TextEdit> edits = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            int first = delta.getSource().getPosition();
            int start = starts[Math.min(first, before.size())];
            int end = starts[Math.min(first + delta.getSource().size(), before.size())];
            if (start < from || end > to) {
                continue;
            }
            edits.add(new TextEdit(lines.get().range(start, end), String.join("", delta.getTarget().getLines())));
        }
        return edits;
    }

    /** Lines with their terminators, so that joining them gives the text back. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
