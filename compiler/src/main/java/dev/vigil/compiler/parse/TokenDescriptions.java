package dev.vigil.compiler.parse;

import dev.vigil.grammar.VigilLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Words for tokens and sets of expected tokens, for syntax messages a person can act on. */
final class TokenDescriptions {
    private TokenDescriptions() {
    }

    static String describeToken(Token token) {
        String text = token.getText();
        return switch (token.getType()) {
            case VigilLexer.STRING -> "string " + quote(abbreviate(text));
            case VigilLexer.NUMBER -> "number `" + text + "`";
            case VigilLexer.DURATION -> "duration `" + text + "`";
            case VigilLexer.IDENT, VigilLexer.METRIC_IDENT -> "name `" + text + "`";
            case VigilLexer.CONST_REF -> "constant reference `" + text + "`";
            default -> "`" + abbreviate(text) + "`";
        };
    }

    /** A readable phrase for what the parser would have accepted. */
    static String describe(IntervalSet expected, Vocabulary vocabulary) {
        if (expected == null || expected.isNil()) {
            return "something else";
        }
        List<String> parts = new ArrayList<>();
        boolean names = expected.contains(VigilLexer.IDENT);
        boolean expression = names && expected.contains(VigilLexer.NUMBER) && expected.contains(VigilLexer.LEFT_PAREN)
                && expected.contains(VigilLexer.SUB);
        if (expression) {
            parts.add("a PromQL expression");
        } else {
            if (expected.contains(VigilLexer.DURATION) && !expected.contains(VigilLexer.STRING)) {
                parts.add("a duration such as `5m`");
            }
            if (expected.contains(VigilLexer.STRING)
                    && expected.contains(VigilLexer.NUMBER) && expected.contains(VigilLexer.DURATION)) {
                parts.add("a value (a string, number, duration, list or `$constant`)");
            } else {
                if (expected.contains(VigilLexer.STRING)) {
                    parts.add("a string in double quotes");
                }
                if (expected.contains(VigilLexer.NUMBER) && !expected.contains(VigilLexer.DURATION)) {
                    parts.add("a number");
                }
            }
            if (names) {
                parts.add(expected.contains(VigilLexer.METRIC_IDENT) ? "a metric name" : "a name");
            }
        }
        for (int type : expected.toArray()) {
            if (type == Token.EOF) {
                parts.add("end of input");
                continue;
            }
            if (isCovered(type, names, expression)) {
                continue;
            }
            String literal = vocabulary.getLiteralName(type);
            if (literal != null) {
                parts.add("`" + literal.substring(1, literal.length() - 1) + "`");
            }
        }
        if (parts.isEmpty()) {
            return "something else";
        }
        if (parts.size() > 6) {
            List<String> head = new ArrayList<>(parts.subList(0, 6));
            head.add("…");
            parts = head;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    private static boolean isCovered(int type, boolean names, boolean expression) {
        switch (type) {
            case VigilLexer.STRING, VigilLexer.NUMBER, VigilLexer.DURATION, VigilLexer.IDENT, VigilLexer.METRIC_IDENT,
                    VigilLexer.CONST_REF:
                return true;
            default:
                break;
        }
        if (expression && (type == VigilLexer.LEFT_PAREN || type == VigilLexer.LEFT_BRACE
                || type == VigilLexer.SUB || type == VigilLexer.ADD)) {
            return true;
        }
        // Reserved words are listed only when a plain name is not also allowed, where they are names too.
        return names && Character.isUpperCase(VigilLexer.VOCABULARY.getSymbolicName(type).charAt(0))
                && isWord(VigilLexer.VOCABULARY.getLiteralName(type));
    }

    private static boolean isWord(String literal) {
        return literal != null && literal.length() > 2 && Character.isLetter(literal.charAt(1));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }

    private static String quote(String text) {
        return "`" + text + "`";
    }
}
