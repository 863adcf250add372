package dev.vigil.compiler.parse;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Runs the generated parser: SLL first, which is fast and enough for almost every input, then full
 * LL only when SLL fails, so that real syntax errors are reported against the exact grammar.
 * Nothing here leaves the {@code parse} package.
 */
final class VigilParsing {
    /** Inputs bigger than this are refused before lexing; a hostile file should not exhaust the heap. */
    static final int MAX_CHARS = 8 * 1024 * 1024;

    private VigilParsing() {
    }

    /** A parse: the tree (possibly partial after errors) and the token stream it came from. */
    record Result<T extends ParserRuleContext>(T tree, CommonTokenStream tokens, boolean hadSyntaxErrors) {
    }

    static <T extends ParserRuleContext> Result<T> parse(
            SourceFile source, int lineOffset, int columnOffset,
            Function<VigilParser, T> entry, DiagnosticSink sink) {
        VigilLexer lexer = new VigilLexer(CharStreams.fromString(source.text(), source.path()));
        lexer.removeErrorListeners();
        SyntaxErrorListener listener = new SyntaxErrorListener(source, lineOffset, columnOffset);
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        TokenRepairs.correct(tokens, listener);
        if (tooDeep(tokens, source, lineOffset, columnOffset, sink)) {
            listener.reportTo(sink);
            return new Result<>(null, tokens, true);
        }
        VigilParser parser = new VigilParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        T tree;
        try {
            tree = entry.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.addErrorListener(listener);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = entry.apply(parser);
        }
        listener.reportTo(sink);
        return new Result<>(tree, tokens, listener.count() > 0);
    }

    /** Deeper than any real query; recursive descent over more would risk the stack. */
    static final int MAX_NESTING = 256;

    /**
     * Refuses inputs nested deeper than {@link #MAX_NESTING} (brackets, or a run of unary signs)
     * before parsing, so a hostile file gives a diagnostic instead of a {@code StackOverflowError}.
     */
    private static boolean tooDeep(CommonTokenStream tokens, SourceFile source, int lineOffset, int columnOffset,
            DiagnosticSink sink) {
        int depth = 0;
        int signs = 0;
        for (Token t : tokens.getTokens()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            if (type == VigilLexer.LEFT_PAREN || type == VigilLexer.LEFT_BRACE || type == VigilLexer.LEFT_BRACKET) {
                depth++;
            } else if (type == VigilLexer.RIGHT_PAREN || type == VigilLexer.RIGHT_BRACE
                    || type == VigilLexer.RIGHT_BRACKET) {
                depth = Math.max(0, depth - 1);
            }
            signs = type == VigilLexer.SUB || type == VigilLexer.ADD ? signs + 1 : 0;
            if (depth > MAX_NESTING || signs > MAX_NESTING) {
                int line = t.getLine() + lineOffset;
                int column = t.getCharPositionInLine() + 1 + (t.getLine() == 1 ? columnOffset : 0);
                sink.error(Ids.INPUT_TOO_DEEP, new Span(source.path(), line, column, line, column + 1),
                        "The input is nested more than " + MAX_NESTING + " levels deep here.",
                        "Split the expression, for example into recording rules.");
                return true;
            }
        }
        return false;
    }
}
