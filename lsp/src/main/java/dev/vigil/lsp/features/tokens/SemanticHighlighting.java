package dev.vigil.lsp.features.tokens;

import dev.vigil.compiler.promql.Functions;
import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import dev.vigil.lsp.features.Handler;
import dev.vigil.lsp.features.RequestContext;
import dev.vigil.lsp.features.editing.Words;
import dev.vigil.lsp.text.LineIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;

/**
 * Semantic tokens for the whole document, from the current text: each token takes its meaning from the
 * rule of the syntax tree that holds it, so inside an embedded query a metric name, a label name, a
 * function, an aggregation operator, a keyword, a string, a number or duration and a {@code $constant} are
 * told apart, and in the DSL the names a declaration introduces carry the {@code declaration} modifier.
 * The tree is the parser's own, with its error recovery: a token the recovery skipped keeps the meaning its
 * kind alone gives (a keyword, a string, a number, a constant). See {@link Legend} for the types.
 */
public final class SemanticHighlighting implements Handler<SemanticTokensParams, SemanticTokens> {
    @Override
    public void capabilities(ServerCapabilities capabilities) {
        SemanticTokensWithRegistrationOptions options = new SemanticTokensWithRegistrationOptions(
                new SemanticTokensLegend(Legend.TYPES, Legend.MODIFIERS), true, false);
        capabilities.setSemanticTokensProvider(options);
    }

    @Override
    public SemanticTokens handle(RequestContext context, SemanticTokensParams params) {
        Optional<Path> file = context.path(params.getTextDocument().getUri());
        Optional<LineIndex> lines = file.flatMap(context::lines);
        return new SemanticTokens(lines.map(SemanticHighlighting::encode).orElse(List.of()));
    }

    /** The tokens of a text, encoded as LSP wants them: five integers each, relative to the one before. */
    public static List<Integer> encode(LineIndex lines) {
        List<Integer> data = new ArrayList<>();
        int line = 0;
        int character = 0;
        for (Legend.Tok t : tokens(lines)) {
            data.add(t.line() - line);
            data.add(t.line() == line ? t.character() - character : t.character());
            data.add(t.length());
            data.add(t.type());
            data.add(t.modifiers());
            line = t.line();
            character = t.character();
        }
        return data;
    }

    /** The classified tokens of a text, in order, each on one line. */
    static List<Legend.Tok> tokens(LineIndex lines) {
        VigilLexer lexer = new VigilLexer(CharStreams.fromString(lines.text()));
        lexer.removeErrorListeners();
        CommonTokenStream stream = new CommonTokenStream(lexer);
        stream.fill();
        Map<Integer, Legend.Kind> byTree = new HashMap<>();
        ParserRuleContext tree = parse(stream);
        if (tree != null) {
            walk(tree, byTree);
        }
        List<Legend.Tok> out = new ArrayList<>();
        for (Token t : stream.getTokens()) {
            if (t.getType() == Token.EOF) {
                break;
            }
            Legend.Kind kind = byTree.containsKey(t.getTokenIndex()) ? byTree.get(t.getTokenIndex()) : lexical(t);
            if (kind != null) {
                int start = lines.offset(t.getLine(), t.getCharPositionInLine() + 1);
                split(lines, start, start + t.getText().length(), kind, out);
            }
        }
        return out;
    }

    /** The parse of a whole file: SLL first, then full LL with ANTLR's recovery when SLL fails, as the compiler does. */
    private static ParserRuleContext parse(CommonTokenStream stream) {
        VigilParser parser = new VigilParser(stream);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.vigilFile();
        } catch (ParseCancellationException sllFailed) {
            stream.seek(0);
            parser.reset();
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return parser.vigilFile();
            } catch (RuntimeException | StackOverflowError e) {
                return null;
            }
        } catch (StackOverflowError e) {
            return null;
        }
    }

    /** A token over several lines (a backquoted string, a block comment) as one token per line. */
    private static void split(LineIndex lines, int start, int end, Legend.Kind kind, List<Legend.Tok> out) {
        String text = lines.text();
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                if (i > from) {
                    org.eclipse.lsp4j.Position p = lines.position(from);
                    out.add(new Legend.Tok(p.getLine(), p.getCharacter(), i - from, kind.type(), kind.modifiers()));
                }
                from = i + 1;
            }
        }
    }

    private static void walk(ParseTree node, Map<Integer, Legend.Kind> out) {
        if (node instanceof ErrorNode) {
            return;
        }
        if (node instanceof TerminalNode t) {
            Legend.Kind k = Roles.of(t);
            if (k != null) {
                out.put(t.getSymbol().getTokenIndex(), k);
            }
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            walk(node.getChild(i), out);
        }
    }

    /** What a token means by its kind alone: where the tree does not say. */
    static Legend.Kind lexical(Token t) {
        int type = t.getType();
        return switch (type) {
            case VigilLexer.STRING -> Legend.Kind.STRING;
            case VigilLexer.NUMBER, VigilLexer.DURATION, VigilLexer.BAD_DURATION -> Legend.Kind.NUMBER;
            case VigilLexer.CONST_REF -> Legend.Kind.CONSTANT;
            case VigilLexer.LINE_COMMENT, VigilLexer.BLOCK_COMMENT, VigilLexer.HASH_COMMENT -> Legend.Kind.COMMENT;
            case VigilLexer.IDENT -> null;
            default -> Words.isWord(type) ? Legend.Kind.KEYWORD : null;
        };
    }

    /** Whether {@code name} is a function of the compiler's table. */
    static boolean isFunction(String name) {
        return Functions.get(name).isPresent();
    }
}
