package dev.vigil.lsp.features;

import dev.vigil.grammar.VigilLexer;
import dev.vigil.lsp.text.LineIndex;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;

/**
 * Folding from the lexer's tokens, so a half-typed file folds too: a brace block over several lines
 * (up to the line before its closing brace, which stays visible), a block comment or a backtick string
 * over several lines, a run of two or more lines that hold only a line comment, and a run of imports.
 */
final class FoldingRanges implements Handler<FoldingRangeRequestParams, List<FoldingRange>> {
    @Override
    public List<FoldingRange> handle(RequestContext context, FoldingRangeRequestParams params) {
        Optional<Path> file = context.path(params.getTextDocument().getUri());
        Optional<LineIndex> lines = file.flatMap(context::lines);
        return lines.map(FoldingRanges::ranges).orElse(List.of());
    }

    static List<FoldingRange> ranges(LineIndex lines) {
        VigilLexer lexer = new VigilLexer(CharStreams.fromString(lines.text()));
        lexer.removeErrorListeners();
        List<FoldingRange> out = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        int commentStart = -1;
        int commentEnd = -1;
        int importStart = -1;
        int importEnd = -1;
        int lastCodeLine = -1;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int first = line(lines, t);
            int last = lines.position(lines.offset(t.getLine(), t.getCharPositionInLine() + 1)
                    + t.getText().length()).getLine();
            int type = t.getType();
            if (type == VigilLexer.LINE_COMMENT && first != lastCodeLine) {
                if (commentEnd == first - 1) {
                    commentEnd = first;
                } else {
                    add(out, commentStart, commentEnd, FoldingRangeKind.Comment);
                    commentStart = first;
                    commentEnd = first;
                }
                continue;
            }
            if (type == VigilLexer.LINE_COMMENT) {
                continue;
            }
            if (type == VigilLexer.BLOCK_COMMENT || type == VigilLexer.STRING) {
                add(out, first, last, type == VigilLexer.BLOCK_COMMENT ? FoldingRangeKind.Comment : FoldingRangeKind.Region);
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                lastCodeLine = last;
            }
            if (type == VigilLexer.IMPORT) {
                if (importEnd >= first - 1 && importStart >= 0) {
                    importEnd = first;
                } else {
                    add(out, importStart, importEnd, FoldingRangeKind.Imports);
                    importStart = first;
                    importEnd = first;
                }
            } else if (type == VigilLexer.LEFT_BRACE) {
                open.push(first);
            } else if (type == VigilLexer.RIGHT_BRACE && !open.isEmpty()) {
                add(out, open.pop(), first - 1, FoldingRangeKind.Region);
            }
        }
        add(out, commentStart, commentEnd, FoldingRangeKind.Comment);
        add(out, importStart, importEnd, FoldingRangeKind.Imports);
        out.sort(java.util.Comparator.comparingInt(FoldingRange::getStartLine).thenComparingInt(FoldingRange::getEndLine));
        return out;
    }

    private static int line(LineIndex lines, Token t) {
        return lines.position(lines.offset(t.getLine(), t.getCharPositionInLine() + 1)).getLine();
    }

    private static void add(List<FoldingRange> out, int start, int end, String kind) {
        if (start >= 0 && end > start) {
            FoldingRange r = new FoldingRange(start, end);
            r.setKind(kind);
            out.add(r);
        }
    }
}
