package dev.vigil.compiler.parse;

import dev.vigil.compiler.promql.Durations;
import dev.vigil.grammar.VigilLexer;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;

/**
 * Two mistakes found in the tokens before parsing, each reported once at the whole of it, after
 * which the tokens are rewritten to what was meant so that the parse goes on instead of reporting
 * the leftovers as more mistakes:
 * <ul>
 * <li>durations written as people say them, {@code 10mins}, {@code 30sec}, {@code 5 m}: "did you
 *     mean `10m`?", and the tokens become that duration;
 * <li>a string that is not closed: the rest of its line (of the file, for a back-quote) is its text.
 * </ul>
 */
final class TokenRepairs {
    private static final String QUOTES = "\"'`";

    private TokenRepairs() {
    }

    static void correct(CommonTokenStream tokens, SyntaxErrorListener listener) {
        List<Token> all = tokens.getTokens();
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.getType() == VigilLexer.UNEXPECTED_CHAR && QUOTES.contains(t.getText())) {
                i = closeString(all, i, listener);
            } else if (t.getType() == VigilLexer.BAD_DURATION) {
                Optional<String> meant = Durations.correction(t.getText());
                if (meant.isPresent()) {
                    listener.durationTypo(t, t, meant.get());
                    rewrite(t, meant.get());
                } else {
                    // Not a unit anyone writes: still one error, and a placeholder the parse can go on with
                    // (a file with syntax errors is not checked further, so the placeholder is never read).
                    listener.notADuration(t);
                    rewrite(t, t.getText().replaceAll("\\D.*", "") + "s");
                }
            } else if (t.getType() == VigilLexer.NUMBER && i + 2 < all.size() && spaced(all.get(i + 1), t)) {
                // `5 m`: a whole number, spaces on the same line, then a unit word.
                Token word = all.get(i + 2);
                // Keywords count: `min` is also the aggregation.
                if (word.getText() == null || !word.getText().matches("[a-zA-Z]+") || valueFollows(all, i + 3, word)) {
                    continue;
                }
                Optional<String> meant = t.getText().chars().allMatch(Character::isDigit)
                        ? Durations.correction(t.getText() + " " + word.getText())
                        : Optional.empty();
                if (meant.isPresent()) {
                    listener.durationTypo(t, word, meant.get());
                    rewrite(t, meant.get());
                    ((WritableToken) word).setChannel(Token.HIDDEN_CHANNEL);
                }
            }
        }
    }

    /** Reports the unclosed string at {@code all[i]}, makes it a string and hides what it swallowed; returns the last index. */
    private static int closeString(List<Token> all, int i, SyntaxErrorListener listener) {
        Token quote = all.get(i);
        boolean toEnd = quote.getText().equals("`");
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        for (; j < all.size(); j++) {
            Token t = all.get(j);
            if (t.getType() == Token.EOF || (!toEnd && t.getLine() != quote.getLine())) {
                break;
            }
            if (!toEnd && t.getType() == VigilLexer.WS && t.getText().contains("\n")) {
                break;
            }
            text.append(t.getText());
            ((WritableToken) t).setChannel(Token.HIDDEN_CHANNEL);
        }
        listener.unclosedString(quote);
        WritableToken w = (WritableToken) quote;
        w.setType(VigilLexer.STRING);
        // Only the words matter from here on; keep them free of quotes and escapes.
        String words = text.toString().replaceAll("[\\\\\"'`]", "").strip();
        w.setText("\"" + words + "\"");
        return j - 1;
    }

    /** Whether a value follows {@code word} on its line, as in {@code x 0 y 0}: then the word is a setting's name. */
    private static boolean valueFollows(List<Token> all, int from, Token word) {
        for (int j = from; j < all.size(); j++) {
            Token t = all.get(j);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            return t.getLine() == word.getLine() && (t.getType() == VigilLexer.NUMBER || t.getType() == VigilLexer.DURATION
                    || t.getType() == VigilLexer.STRING || t.getType() == VigilLexer.CONST_REF
                    || t.getType() == VigilLexer.BAD_DURATION);
        }
        return false;
    }

    private static boolean spaced(Token gap, Token before) {
        return gap.getType() == VigilLexer.WS && gap.getLine() == before.getLine()
                && gap.getText().chars().allMatch(c -> c == ' ' || c == '\t');
    }

    private static void rewrite(Token t, String duration) {
        WritableToken w = (WritableToken) t;
        w.setType(VigilLexer.DURATION);
        w.setText(duration);
    }
}
