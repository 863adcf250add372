package dev.vigil.compiler.parse;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The concrete syntax of a {@code .vigil} file without ANTLR types: every token as written, in order,
 * with the comments and blank lines before it. A formatter lays these tokens out again; it never needs
 * to invent or drop one, so what it prints means what the input meant.
 */
public final class SyntaxTree {
    /** Kind names by context class, computed once: {@code WhenPropContext} is {@code WhenProp}. */
    private static final ClassValue<String> KINDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = type.getSimpleName();
            return name.endsWith("Context") ? name.substring(0, name.length() - "Context".length()) : name;
        }
    };

    private SyntaxTree() {
    }

    public sealed interface Element permits Node, Leaf {
    }

    /**
     * A grammar rule: {@code rule} is its name ({@code expr}, {@code alertProp}), {@code kind} the
     * labelled alternative when there is one ({@code Binary}, {@code WhenProp}), else the rule capitalised.
     */
    public record Node(String rule, String kind, List<Element> children) implements Element {
        public Node {
            children = List.copyOf(children);
        }
    }

    /**
     * A token: its lexer type ({@code STRING}, {@code LEFT_BRACE}; {@code EOF} at the end), its text,
     * the comments written before it and how many blank lines stand between the last of them and it.
     */
    public record Leaf(String type, String text, List<Trivia> comments, int blankLinesBefore) implements Element {
        public Leaf {
            comments = List.copyOf(comments);
        }
    }

    /**
     * A comment: {@code ownLine} when nothing but whitespace precedes it on its line, {@code lineBreakAfter}
     * when a line ends right after it; {@code blankLinesBefore} counts empty lines just above it.
     */
    public record Trivia(String text, boolean ownLine, boolean lineBreakAfter, int blankLinesBefore) {
    }

    /** The tree of a file, or empty when it has syntax errors (which are then in {@code sink}). */
    public static Optional<Node> parse(SourceFile source, DiagnosticSink sink) {
        if (source.text().length() > VigilParsing.MAX_CHARS) {
            VigilSourceParser.parse(source, sink);
            return Optional.empty();
        }
        VigilParsing.Result<VigilParser.VigilFileContext> result =
                VigilParsing.parse(source, 0, 0, VigilParser::vigilFile, sink);
        if (result.tree() == null || result.hadSyntaxErrors()) {
            return Optional.empty();
        }
        return Optional.of(node(result.tree(), result.tokens()));
    }

    private static Node node(ParserRuleContext ctx, CommonTokenStream tokens) {
        List<Element> children = new ArrayList<>();
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof TerminalNode t) {
                children.add(leaf(t.getSymbol(), tokens));
            } else if (child instanceof ParserRuleContext c) {
                children.add(node(c, tokens));
            }
        }
        String rule = VigilParser.ruleNames[ctx.getRuleIndex()];
        String kind = KINDS.get(ctx.getClass());
        return new Node(rule, kind, children);
    }

    private static Leaf leaf(Token token, CommonTokenStream tokens) {
        List<Token> hidden = tokens.getHiddenTokensToLeft(token.getTokenIndex());
        if (hidden == null) {
            hidden = List.of();
        }
        int first = hidden.isEmpty() ? token.getTokenIndex() : hidden.get(0).getTokenIndex();
        boolean atLineStart = first == 0;
        int blank = 0;
        List<Trivia> comments = new ArrayList<>();
        for (Token h : hidden) {
            if (h.getType() == VigilLexer.WS) {
                int newlines = count(h.getText());
                if (newlines > 0) {
                    atLineStart = true;
                    blank = newlines - 1;
                    int last = comments.size() - 1;
                    if (last >= 0 && !comments.get(last).lineBreakAfter()) {
                        Trivia t = comments.get(last);
                        comments.set(last, new Trivia(t.text(), t.ownLine(), true, t.blankLinesBefore()));
                    }
                }
                continue;
            }
            boolean lineComment = h.getType() != VigilLexer.BLOCK_COMMENT;
            comments.add(new Trivia(h.getText(), atLineStart, lineComment, blank));
            atLineStart = false;
            blank = 0;
        }
        String type = token.getType() == Token.EOF ? "EOF" : VigilLexer.VOCABULARY.getSymbolicName(token.getType());
        String text = token.getType() == Token.EOF ? "" : token.getText();
        return new Leaf(type, text, comments, blank);
    }

    private static int count(String whitespace) {
        int n = 0;
        for (int i = 0; i < whitespace.length(); i++) {
            if (whitespace.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
