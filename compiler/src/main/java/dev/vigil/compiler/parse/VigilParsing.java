package dev.vigil.compiler.parse;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import dev.vigil.compiler.diag.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;

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
        } catch (StackOverflowError e) {
            // Right-associative chains (`a ^ a ^ ...`) recurse in the parser itself; the pre-scan cannot see them.
            refuseDeep(parser.getCurrentToken(), source, lineOffset, columnOffset, sink);
            listener.reportTo(sink);
            return new Result<>(null, tokens, true);
        }
        Token deep = tree == null ? null : deepestExpression(tree);
        if (deep != null) {
            refuseDeep(deep, source, lineOffset, columnOffset, sink);
            listener.reportTo(sink);
            return new Result<>(null, tokens, true);
        }
        listener.reportTo(sink);
        return new Result<>(tree, tokens, listener.count() > 0);
    }

    /**
     * A whole .vigil file, parsed to keep going after mistakes. One chunk per top-level declaration
     * when the file has syntax errors (a single chunk otherwise), so that a mistake in one declaration
     * never hides the others. Syntax errors are returned, not reported: the caller keeps one per
     * damaged declaration and reports those.
     */
    record FileResult(List<Chunk> chunks, CommonTokenStream tokens, List<Diagnostic> lexical,
            java.util.Set<Long> invented, boolean refused) {
        boolean hadSyntaxErrors() {
            return refused || !lexical.isEmpty() || chunks.stream().anyMatch(c -> !c.errors().isEmpty());
        }
    }

    /** One chunk's parse tree (null when refused) and the parser's complaints about it, in order. */
    record Chunk(VigilParser.VigilFileContext tree, List<Diagnostic> errors, List<Token> tokens,
            java.util.Set<ParserRuleContext> madeUp) {
        Token first() {
            return tokens.get(0);
        }

        Token last() {
            return tokens.get(tokens.size() - 1);
        }

        /** Whether {@code span} starts inside this chunk. */
        boolean holds(Span span) {
            Token first = first();
            Token last = last();
            int line = span.line();
            int column = span.column() - 1;
            boolean afterFirst = line > first.getLine()
                    || (line == first.getLine() && column >= first.getCharPositionInLine());
            boolean beforeEnd = line < last.getLine()
                    || (line == last.getLine() && column <= last.getCharPositionInLine());
            return afterFirst && beforeEnd;
        }
    }

    /** Words that start a top-level declaration; at column 1 or outside any brace they begin a new chunk. */
    private static final java.util.Set<Integer> TOP_LEVEL = java.util.Set.of(VigilLexer.IMPORT, VigilLexer.CONST,
            VigilLexer.SEVERITIES, VigilLexer.SETTINGS, VigilLexer.CATALOGUE, VigilLexer.KUBERNETES, VigilLexer.CHECKS,
            VigilLexer.ROUTING, VigilLexer.ALERT_WINDOWS, VigilLexer.BLUEPRINT, VigilLexer.TEMPLATE, VigilLexer.SERVICE,
            VigilLexer.EXTEND);

    static FileResult parseFile(SourceFile source, DiagnosticSink sink) {
        VigilLexer lexer = new VigilLexer(CharStreams.fromString(source.text(), source.path()));
        lexer.removeErrorListeners();
        SyntaxErrorListener lexical = new SyntaxErrorListener(source, 0, 0);
        lexer.addErrorListener(lexical);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        TokenRepairs.correct(tokens, lexical);
        if (tooDeep(tokens, source, 0, 0, sink)) {
            return new FileResult(List.of(), tokens, lexical.found(), lexical.invented(), true);
        }
        VigilParser whole = new VigilParser(tokens);
        whole.removeErrorListeners();
        whole.getInterpreter().setPredictionMode(PredictionMode.SLL);
        whole.setErrorHandler(new BailErrorStrategy());
        try {
            VigilParser.VigilFileContext tree = whole.vigilFile();
            Token deep = deepestExpression(tree);
            if (deep != null) {
                refuseDeep(deep, source, 0, 0, sink);
                return new FileResult(List.of(), tokens, lexical.found(), lexical.invented(), true);
            }
            List<Token> all = tokens.getTokens();
            return new FileResult(List.of(new Chunk(tree, List.of(), all, java.util.Set.of())), tokens,
                    lexical.found(),
                    lexical.invented(), false);
        } catch (ParseCancellationException | StackOverflowError slowPath) {
            // Fall through: parse each declaration on its own, so one mistake does not hide the rest.
        }
        List<Chunk> chunks = new ArrayList<>();
        List<Token> all = tokens.getTokens();
        List<Integer> starts = chunkStarts(all);
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1) : all.size();
            Token next = i + 1 < starts.size() ? all.get(to) : null;
            chunks.add(parseChunk(source, all.subList(from, to), next, lexical.unclosed(), sink));
        }
        return new FileResult(chunks, tokens, lexical.found(), lexical.invented(), false);
    }

    /**
     * Where each chunk starts: a top-level word at column 1 (as `vigil fmt` writes them), or outside
     * every brace. Column 1 finds the next declaration even after a missing `}`.
     */
    static List<Integer> chunkStarts(List<Token> all) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        int depth = 0;
        int previous = -1;
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            boolean top = TOP_LEVEL.contains(type) && (t.getCharPositionInLine() == 0 || depth == 0)
                    && !(type == VigilLexer.SERVICE && previous == VigilLexer.EXTEND);
            if (top && i > 0 && hasDefaultToken(all, starts.get(starts.size() - 1), i)) {
                starts.add(i);
                depth = 0;
            }
            if (type == VigilLexer.LEFT_BRACE) {
                depth++;
            } else if (type == VigilLexer.RIGHT_BRACE) {
                depth = Math.max(0, depth - 1);
            }
            previous = type;
        }
        return starts;
    }

    private static boolean hasDefaultToken(List<Token> all, int from, int to) {
        for (int i = from; i < to; i++) {
            if (all.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                return true;
            }
        }
        return false;
    }

    private static Chunk parseChunk(SourceFile source, List<Token> slice, Token next, boolean unclosed,
            DiagnosticSink sink) {
        List<Token> copy = new ArrayList<>(slice.size() + 1);
        for (Token t : slice) {
            if (t.getType() != Token.EOF) {
                copy.add(new CommonToken(t));
            }
        }
        // The chunk ends where the next declaration begins: its end of input stands at that word.
        CommonToken end = new CommonToken(Token.EOF, next == null ? "<EOF>" : next.getText());
        Token last = slice.isEmpty() ? null : slice.get(slice.size() - 1);
        if (next != null) {
            end.setLine(next.getLine());
            end.setCharPositionInLine(next.getCharPositionInLine());
        } else if (last != null) {
            end.setLine(last.getLine());
            end.setCharPositionInLine(last.getCharPositionInLine());
            end.setStartIndex(last.getStartIndex());
            end.setStopIndex(last.getStartIndex() - 1);
        }
        copy.add(end);
        CommonTokenStream tokens = new CommonTokenStream(new ListTokenSource(copy));
        VigilParser parser = new VigilParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        SyntaxErrorListener listener = new SyntaxErrorListener(source, 0, 0);
        listener.chunkEnd(next, unclosed);
        Recovery recovery = new Recovery();
        VigilParser.VigilFileContext tree;
        try {
            try {
                tree = parser.vigilFile();
            } catch (ParseCancellationException sllFailed) {
                tokens.seek(0);
                parser.reset();
                parser.addErrorListener(listener);
                parser.setErrorHandler(recovery);
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = parser.vigilFile();
            }
        } catch (StackOverflowError e) {
            refuseDeep(parser.getCurrentToken(), source, 0, 0, sink);
            return new Chunk(null, listener.found(), slice, recovery.madeUp);
        }
        Token deep = deepestExpression(tree);
        if (deep != null) {
            refuseDeep(deep, source, 0, 0, sink);
            return new Chunk(null, listener.found(), slice, recovery.madeUp);
        }
        return new Chunk(tree, listener.found(), slice, recovery.madeUp);
    }

    /**
     * ANTLR's recovery, noting the rules where it made up a token that carries meaning (a name, a
     * value): a rule that matches one token of a set drops the made-up one, so the tree alone would
     * not show that anything is missing.
     */
    private static final class Recovery extends DefaultErrorStrategy {
        // A missing `)` or `]` is not harmless: made up where the parser noticed, it can take in what was meant
        // to follow (`rate(x[5m] > 1`). A missing `}` or `,` changes no declaration's meaning.
        private static final java.util.Set<Integer> HARMLESS = java.util.Set.of(VigilLexer.RIGHT_BRACE, VigilLexer.COMMA);
        final java.util.Set<ParserRuleContext> madeUp = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        @Override
        protected Token getMissingSymbol(org.antlr.v4.runtime.Parser recognizer) {
            Token t = super.getMissingSymbol(recognizer);
            if (!HARMLESS.contains(t.getType())) {
                madeUp.add(recognizer.getContext());
            }
            return t;
        }
    }

    /**
     * Binary operators an expression may chain inside one pair of brackets: a chain {@code a + a + ...}
     * nests one level per operator, which the bracket count does not see. Far beyond any real query.
     */
    static final int MAX_EXPRESSION_DEPTH = 500;

    /**
     * Expressions the parse tree may nest, one inside another: chains and brackets together. Shallow
     * enough that every recursive pass after parsing (AST, types, checks, printers, emitters) stays
     * off the stack limit.
     */
    static final int MAX_TREE_DEPTH = 1_000;

    /**
     * The first token of the outermost expression nested deeper than {@link #MAX_TREE_DEPTH},
     * or null. Walks the parse tree with an explicit stack, since the tree may be far deeper than
     * the Java stack allows to recurse.
     */
    private static Token deepestExpression(ParserRuleContext tree) {
        Deque<ParseTree> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(tree);
        depths.push(0);
        while (!nodes.isEmpty()) {
            ParseTree node = nodes.pop();
            int depth = depths.pop();
            if (node instanceof VigilParser.ExprContext expr && ++depth > MAX_TREE_DEPTH) {
                return expr.getStart();
            }
            for (int i = node.getChildCount() - 1; i >= 0; i--) {
                if (node.getChild(i) instanceof ParserRuleContext child) {
                    nodes.push(child);
                    depths.push(depth);
                }
            }
        }
        return null;
    }

    private static void refuseDeep(Token at, SourceFile source, int lineOffset, int columnOffset, DiagnosticSink sink) {
        refuseDeep(at, source, lineOffset, columnOffset, sink,
                "The expression here nests more than " + MAX_TREE_DEPTH + " operations, one inside another.");
    }

    private static void refuseDeep(Token at, SourceFile source, int lineOffset, int columnOffset, DiagnosticSink sink,
            String message) {
        int line = at.getLine() + lineOffset;
        int column = at.getCharPositionInLine() + 1 + (at.getLine() == 1 ? columnOffset : 0);
        sink.error(Ids.INPUT_TOO_DEEP, new Span(source.path(), line, column, line, column + 1), message,
                "Split the expression, for example into recording rules.");
    }

    /** Deeper than any real query; recursive descent over more would risk the stack. */
    static final int MAX_NESTING = 256;

    /** Binary operators: each one in a chain nests the expression one level deeper. */
    private static final java.util.Set<Integer> BINARY_OPERATORS = java.util.Set.of(VigilLexer.ADD, VigilLexer.SUB,
            VigilLexer.MUL, VigilLexer.DIV, VigilLexer.MOD, VigilLexer.POW, VigilLexer.ATAN2, VigilLexer.TRIM_UPPER,
            VigilLexer.TRIM_LOWER, VigilLexer.EQLC, VigilLexer.NEQ, VigilLexer.GTR, VigilLexer.LSS, VigilLexer.GTE,
            VigilLexer.LTE, VigilLexer.AND, VigilLexer.OR, VigilLexer.UNLESS);

    /**
     * Refuses inputs nested deeper than {@link #MAX_NESTING} (brackets, or a run of unary signs), or
     * with more than {@link #MAX_EXPRESSION_DEPTH} binary operators in a row inside one pair of
     * brackets, before parsing: a hostile file gives a diagnostic instead of a
     * {@code StackOverflowError}, and the parser's lookahead, which grows with the length of a chain
     * ({@code a and a and ...}), never runs for minutes. A DSL keyword after an operand starts the
     * next declaration, and with it a new chain.
     */
    private static boolean tooDeep(CommonTokenStream tokens, SourceFile source, int lineOffset, int columnOffset,
            DiagnosticSink sink) {
        int depth = 0;
        int signs = 0;
        int[] chain = new int[MAX_NESTING + 2];
        boolean afterOperand = false;
        for (Token t : tokens.getTokens()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            if (type == VigilLexer.LEFT_PAREN || type == VigilLexer.LEFT_BRACE || type == VigilLexer.LEFT_BRACKET) {
                depth++;
                chain[Math.min(depth, MAX_NESTING + 1)] = 0;
            } else if (type == VigilLexer.RIGHT_PAREN || type == VigilLexer.RIGHT_BRACE
                    || type == VigilLexer.RIGHT_BRACKET) {
                depth = Math.max(0, depth - 1);
            } else if (BINARY_OPERATORS.contains(type)) {
                chain[Math.min(depth, MAX_NESTING + 1)]++;
            } else if (afterOperand && type >= VigilLexer.IMPORT && type <= VigilLexer.LINK) {
                chain[Math.min(depth, MAX_NESTING + 1)] = 0;
            }
            afterOperand = !BINARY_OPERATORS.contains(type) && type != VigilLexer.LEFT_PAREN
                    && type != VigilLexer.LEFT_BRACE && type != VigilLexer.LEFT_BRACKET;
            signs = type == VigilLexer.SUB || type == VigilLexer.ADD ? signs + 1 : 0;
            if (depth > MAX_NESTING || signs > MAX_NESTING) {
                refuseDeep(t, source, lineOffset, columnOffset, sink,
                        "The input is nested more than " + MAX_NESTING + " levels deep here.");
                return true;
            }
            if (chain[Math.min(depth, MAX_NESTING + 1)] > MAX_EXPRESSION_DEPTH) {
                refuseDeep(t, source, lineOffset, columnOffset, sink, "The expression here chains more than "
                        + MAX_EXPRESSION_DEPTH + " operators; each nests it one level deeper.");
                return true;
            }
        }
        return false;
    }
}
