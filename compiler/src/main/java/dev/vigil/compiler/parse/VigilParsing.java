package dev.vigil.compiler.parse;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
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
}
