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
        boolean names = expected.contains(VigilLexer.IDENT);
        boolean expression = names && expected.contains(VigilLexer.NUMBER) && expected.contains(VigilLexer.LEFT_PAREN)
                && expected.contains(VigilLexer.SUB);
        if (expression && !expected.contains(VigilLexer.RIGHT_BRACE)) {
            return "a PromQL expression";
        }
        // Where a name is allowed every keyword is in the set (keywords are names too), so the pairs that
        // tell one block from another say nothing there.
        String block = names ? null : blockPhrase(expected);
        if (block != null) {
            return block;
        }
        List<String> parts = new ArrayList<>();
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

    /**
     * Inside a block the parser would accept any of its many keywords; naming the block reads better
     * than listing them. Each entry: two tokens that only that block expects together, and the phrase.
     * After a complete query the set also holds the enclosing blocks' words, so the innermost block is
     * tried first.
     */
    private static String blockPhrase(IntervalSet expected) {
        String end = expected.contains(VigilLexer.RIGHT_BRACE) ? ", or `}`" : "";
        if (expected.contains(VigilLexer.TRIAGE) && expected.contains(VigilLexer.REMEDIATE)) {
            return "a runbook item such as `triage`, `diagnose`, `remediate`, `escalate` or `related`" + end;
        }
        if (expected.contains(VigilLexer.WHEN) && expected.contains(VigilLexer.SEVERITY)) {
            return "an alert setting such as `when`, `for`, `severity`, `summary`, `labels` or `runbook`" + end;
        }
        if (expected.contains(VigilLexer.SERIES) && expected.contains(VigilLexer.AT_TIME)) {
            return "a test item such as `every`, `series` or `at`" + end;
        }
        if (expected.contains(VigilLexer.RECORD) && expected.contains(VigilLexer.ALERT)) {
            return "`record`, `alert`" + end;
        }
        if (expected.contains(VigilLexer.RECEIVER) && expected.contains(VigilLexer.INHIBIT)) {
            return "a routing item such as `receiver`, `route`, `inhibit`, `time_interval` or `test`" + end;
        }
        if (expected.contains(VigilLexer.TEAM) && expected.contains(VigilLexer.METRIC)) {
            return "a service member such as `group`, `metric`, `dashboard`, `slo`, `test` or `const`" + end;
        }
        if (expected.contains(VigilLexer.SERVICE) && expected.contains(VigilLexer.ROUTING)) {
            return "a declaration such as `service`, `extend service`, `routing`, `const` or `severities`"
                    + (expected.contains(Token.EOF) ? ", or the end of the file" : "");
        }
        return null;
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
