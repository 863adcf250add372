package dev.vigil.compiler.parse;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.grammar.VigilLexer;
import dev.vigil.grammar.VigilParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's complaints into {@code Syntax.*} diagnostics that say in words what was expected
 * ("expected a duration such as `5m`"), never a raw token list.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    private final SourceFile source;
    private final int lineOffset;
    private final int columnOffset;
    private final List<Diagnostic> found = new ArrayList<>();
    private int lastLine = -1;
    private int lastColumn = -1;
    private boolean unclosedString;

    SyntaxErrorListener(SourceFile source, int lineOffset, int columnOffset) {
        this.source = source;
        this.lineOffset = lineOffset;
        this.columnOffset = columnOffset;
    }

    private final java.util.Set<Long> invented = new java.util.HashSet<>();
    private Token chunkEnd;

    int count() {
        return found.size();
    }

    List<Diagnostic> found() {
        return List.copyOf(found);
    }

    boolean unclosed() {
        return unclosedString;
    }

    /** Places ({@link #key}) of tokens whose value was made up to let the parse go on: what holds them is damaged. */
    java.util.Set<Long> invented() {
        return java.util.Set.copyOf(invented);
    }

    static long key(Token t) {
        return ((long) t.getLine() << 32) | t.getCharPositionInLine();
    }

    /**
     * This listener hears one chunk of a file, which ends where {@code next} (the next declaration's
     * word, or null at the file's end) begins; {@code unclosed}: a string in the file was not closed.
     */
    void chunkEnd(Token next, boolean unclosed) {
        this.chunkEnd = next;
        this.unclosedString = unclosed;
    }

    void reportTo(DiagnosticSink sink) {
        sink.addAll(found);
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        // ANTLR can report the same spot twice while recovering; one diagnostic per place is enough.
        if (line == lastLine && charPositionInLine == lastColumn) {
            return;
        }
        lastLine = line;
        lastColumn = charPositionInLine;
        if (recognizer instanceof Lexer) {
            lexerError(line, charPositionInLine);
            return;
        }
        Parser parser = (Parser) recognizer;
        Token token = (Token) offendingSymbol;
        Span span = spanOf(token, line, charPositionInLine);
        // The parser's own state gives the set for the innermost rule; an exception raised by an outer
        // decision's lookahead would describe the outer rule instead.
        IntervalSet expected = safeExpected(parser);
        if (expected.isNil() && e != null && e.getExpectedTokens() != null) {
            expected = e.getExpectedTokens();
        }
        String what = describeFound(token);
        String expectation = TokenDescriptions.describe(expected, parser.getVocabulary());
        if (token.getType() == Token.EOF && chunkEnd != null) {
            // The next declaration began before this one was complete.
            found.add(Diagnostic.error(Ids.SYNTAX_UNEXPECTED_TOKEN, spanOf(chunkEnd, chunkEnd.getLine(),
                            chunkEnd.getCharPositionInLine()),
                    "Unexpected " + TokenDescriptions.describeToken(chunkEnd) + ": expected " + expectation + ".",
                    "The declaration before it is not complete; check for an unclosed `{`, `(` or `[`."));
        } else if (token.getType() == Token.EOF && unclosedString) {
            // An unclosed back-quote took the rest of the file: that is the one mistake to report.
            return;
        } else if (token.getType() == Token.EOF) {
            found.add(Diagnostic.error(Ids.SYNTAX_UNEXPECTED_END, span,
                    "The input ends too early: expected " + expectation + ".",
                    "Check for an unclosed `{`, `(` or `[` before this point."));
        } else if (token.getType() == VigilLexer.UNEXPECTED_CHAR) {
            found.add(Diagnostic.error(Ids.SYNTAX_INVALID_CHARACTER, span,
                    "The character `" + token.getText() + "` cannot appear here.",
                    "Expected " + expectation + "."));
        } else if (parser.getContext() instanceof VigilParser.GroupModifierContext
                && token.getType() == VigilLexer.LEFT_PAREN) {
            // Prometheus reads a `(` after group_left/group_right as the label list, never as the operand.
            found.add(Diagnostic.error(Ids.SYNTAX_UNEXPECTED_TOKEN, span,
                    "A `(` after `group_left` or `group_right` opens the list of labels to copy, and this one holds"
                            + " an expression.",
                    "Write the label list first (`group_right () (...)`), or the operand without parentheses."));
        } else if (token.getType() == VigilLexer.LEFT_BRACE && inDashboard(parser)) {
            found.add(Diagnostic.error(Ids.SYNTAX_UNEXPECTED_TOKEN, span,
                    "Unexpected `{`: expected " + expectation + ".",
                    "A panel is written `KIND NAME \"Title\" { ... }`, for example `timeseries errors \"Errors\" {`;"
                            + " its kind is one of `timeseries`, `stat`, `gauge`, `table`, `bargauge`, `heatmap` or `text`."));
        } else if (e instanceof NoViableAltException || e instanceof InputMismatchException || e == null) {
            found.add(Diagnostic.error(Ids.SYNTAX_UNEXPECTED_TOKEN, span,
                    "Unexpected " + what + ": expected " + expectation + ".",
                    hintFor(token, expected, parser.getVocabulary())));
        } else {
            found.add(Diagnostic.error(Ids.SYNTAX_UNEXPECTED_TOKEN, span,
                    "Unexpected " + what + ".", "Expected " + expectation + "."));
        }
    }

    /** A string whose opening quote {@code quote} is never closed (the lexer left the quote on its own). */
    void unclosedString(Token quote) {
        unclosedString = true;
        found.add(Diagnostic.error(Ids.SYNTAX_UNTERMINATED_STRING, stringSpan(quote.getLine(), quote.getCharPositionInLine()),
                "This string is not closed, or it holds an escape that is not valid.",
                "Close it with a matching quote on the same line (use back-quotes for text over several lines);"
                        + " valid escapes are `\\\\`, `\\\"`, `\\n`, `\\t`, `\\xHH` and `\\uHHHH`."));
    }

    /** A number run into a word that is no unit ({@code 10xyz}). */
    void notADuration(Token t) {
        invented.add(key(t));
        found.add(Diagnostic.error(Ids.TYPE_INVALID_DURATION, spanOf(t, t.getLine(), t.getCharPositionInLine()),
                "`" + t.getText() + "` is neither a number nor a duration.", Durations.HINT));
    }

    /** A duration written with a unit word or a space, from {@code first} to {@code last}, meant as {@code meant}. */
    void durationTypo(Token first, Token last, String meant) {
        int length = last.getCharPositionInLine() + last.getText().length() - first.getCharPositionInLine();
        Span span = at(first.getLine(), first.getCharPositionInLine(), Math.max(1, length));
        String written = first == last ? first.getText() : first.getText() + " " + last.getText();
        found.add(new Diagnostic(Ids.TYPE_INVALID_DURATION, Severity.ERROR, span,
                Durations.typoMessage(written, meant), Durations.HINT, new Fix("Write the duration", span, meant)));
    }

    /** Whether the parser stands in a dashboard's body, where `name value {` is a panel missing a part. */
    private static boolean inDashboard(Parser parser) {
        for (org.antlr.v4.runtime.RuleContext c = parser.getContext(); c != null; c = c.parent) {
            if (c instanceof VigilParser.PanelDeclContext) {
                return false;
            }
            if (c instanceof VigilParser.DashboardDeclContext || c instanceof VigilParser.DashboardItemContext) {
                return true;
            }
        }
        return false;
    }

    private static IntervalSet safeExpected(Parser parser) {
        try {
            return parser.getExpectedTokens();
        } catch (IllegalArgumentException | IllegalStateException ex) {
            return new IntervalSet();
        }
    }

    private void lexerError(int line, int charPositionInLine) {
        String lineText = source.line(line);
        int cp = charPositionInLine;
        String rest = cp < lineText.codePointCount(0, lineText.length())
                ? lineText.substring(lineText.offsetByCodePoints(0, cp))
                : "";
        Span span = at(line, charPositionInLine, Math.max(1, Math.min(rest.length(), 1)));
        if (rest.startsWith("\"") || rest.startsWith("'") || rest.startsWith("`")) {
            span = at(line, charPositionInLine, Math.max(1, rest.codePointCount(0, rest.length())));
            found.add(Diagnostic.error(Ids.SYNTAX_UNTERMINATED_STRING, span,
                    "This string is not closed, or it holds an escape that is not valid.",
                    "Close it with a matching quote; valid escapes are `\\\\`, `\\\"`, `\\n`, `\\t`, `\\xHH` and `\\uHHHH`."));
        } else {
            found.add(Diagnostic.error(Ids.SYNTAX_INVALID_CHARACTER, span,
                    "The text `" + (rest.isEmpty() ? "" : rest.substring(0, rest.offsetByCodePoints(0, 1)))
                            + "` cannot start a token here.",
                    null));
        }
    }

    private Span stringSpan(int line, int charPositionInLine) {
        String lineText = source.line(line);
        int length = lineText.codePointCount(0, lineText.length()) - charPositionInLine;
        return at(line, charPositionInLine, Math.max(1, length));
    }

    private static String hintFor(Token token, IntervalSet expected, Vocabulary vocabulary) {
        String text = token.getText();
        if (token.getType() == VigilLexer.IDENT) {
            List<String> words = new ArrayList<>();
            for (int type : expected.toArray()) {
                String literal = type > 0 ? vocabulary.getLiteralName(type) : null;
                if (literal != null && literal.length() > 3 && Character.isLetter(literal.charAt(1))) {
                    words.add(literal.substring(1, literal.length() - 1));
                }
            }
            String near = Suggest.closest(text, words);
            if (near != null) {
                return "Did you mean `" + near + "`?";
            }
            if (expected.contains(VigilParser.USE)) {
                return "If `" + text + "` is a template, use it with `use " + text + "(...)`.";
            }
        }
        if (token.getType() == VigilLexer.METRIC_IDENT && text.endsWith(":") && text.indexOf(':') == text.length() - 1
                && expected.contains(VigilParser.RIGHT_PAREN)) {
            // `use red(job: "api")` or `blueprint red(job: string)`: the habit of other languages.
            String name = text.substring(0, text.length() - 1);
            return "A parameter is declared `" + name + " TYPE` and passed `" + name + " = VALUE`, without a colon.";
        }
        if ("=".equals(text) && !expected.contains(VigilParser.EQL)) {
            return "To compare, write `==`; a single `=` only appears in label matchers and declarations.";
        }
        if (expected.contains(VigilParser.DURATION) && token.getType() == VigilLexer.STRING) {
            return "Durations are written without quotes, for example `5m`.";
        }
        if (expected.contains(VigilParser.RIGHT_BRACE) && expected.size() < 4) {
            return "Is a `}` missing?";
        }
        return null;
    }

    private Span spanOf(Token token, int line, int column) {
        if (token == null || token.getType() == Token.EOF) {
            return at(line, column, 1);
        }
        String text = token.getText();
        int length = Math.max(1, text == null ? 1 : text.codePointCount(0, text.length()));
        if (text != null && text.indexOf('\n') >= 0) {
            length = Math.max(1, text.indexOf('\n'));
        }
        return at(line, column, length);
    }

    private Span at(int line, int charPositionInLine, int length) {
        int l = line + lineOffset;
        int c = charPositionInLine + 1 + (line == 1 ? columnOffset : 0);
        return new Span(source.path(), l, c, l, c + length);
    }

    private static String describeFound(Token token) {
        if (token.getType() == Token.EOF) {
            return "end of input";
        }
        return TokenDescriptions.describeToken(token);
    }
}
