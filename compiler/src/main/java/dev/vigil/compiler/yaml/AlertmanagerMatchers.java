package dev.vigil.compiler.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Alertmanager's matcher syntax, as in {@code matchers:} and {@code source_matchers:} entries:
 * {@code severity="critical"}, {@code team=~"a|b"}, {@code env!=prod}, several separated by commas,
 * optionally in braces. Offsets are code-point offsets into the text, end exclusive.
 */
final class AlertmanagerMatchers {
    record Parsed(String label, String op, String value, int start, int end) {
    }

    /** The matchers, or the first problem and where it is. */
    record Result(List<Parsed> matchers, String problem, int problemAt) {
        boolean ok() {
            return problem == null;
        }
    }

    private final int[] s;
    private int i;

    private AlertmanagerMatchers(String text) {
        this.s = text.codePoints().toArray();
    }

    static Result parse(String text) {
        return new AlertmanagerMatchers(text).all();
    }

    private Result all() {
        List<Parsed> out = new ArrayList<>();
        skipBlanks();
        boolean braces = peek() == '{';
        if (braces) {
            i++;
        }
        while (true) {
            skipBlanks();
            if (i >= s.length || (braces && peek() == '}')) {
                break;
            }
            int start = i;
            String label;
            if (peek() == '"') {
                StringBuilder sb = new StringBuilder();
                String problem = quoted(sb);
                if (problem != null) {
                    return new Result(out, problem, start);
                }
                label = sb.toString();
            } else {
                int from = i;
                while (i < s.length && (Character.isLetterOrDigit(s[i]) || s[i] == '_' || s[i] == ':')) {
                    i++;
                }
                label = new String(s, from, i - from);
                if (label.isEmpty() || Character.isDigit(label.codePointAt(0))) {
                    return new Result(out, "a label name was expected", start);
                }
            }
            skipBlanks();
            int opAt = i;
            String op = op();
            if (op == null) {
                return new Result(out, "`" + label + "` must be followed by `=`, `!=`, `=~` or `!~`", opAt);
            }
            skipBlanks();
            String value;
            if (peek() == '"') {
                StringBuilder sb = new StringBuilder();
                String problem = quoted(sb);
                if (problem != null) {
                    return new Result(out, problem, start);
                }
                value = sb.toString();
            } else {
                int from = i;
                while (i < s.length && s[i] != ',' && !(braces && s[i] == '}')) {
                    i++;
                }
                value = new String(s, from, i - from).strip();
                if (value.indexOf('"') >= 0) {
                    return new Result(out, "the value has an unbalanced `\"`", from);
                }
            }
            int end = i;
            while (end > start && Character.isWhitespace(s[end - 1])) {
                end--;
            }
            out.add(new Parsed(label, op, value, start, end));
            skipBlanks();
            if (i < s.length && s[i] == ',') {
                i++;
                continue;
            }
            if (i >= s.length || (braces && peek() == '}')) {
                break;
            }
            return new Result(out, "matchers must be separated by commas", i);
        }
        if (braces) {
            if (peek() != '}') {
                return new Result(out, "the `{` is never closed", s.length);
            }
            i++;
            skipBlanks();
            if (i < s.length) {
                return new Result(out, "unexpected text after `}`", i);
            }
        }
        return new Result(out, null, -1);
    }

    private String op() {
        if (starts("=~") || starts("!~") || starts("!=")) {
            i += 2;
            return new String(s, i - 2, 2);
        }
        if (peek() == '=') {
            i++;
            return "=";
        }
        return null;
    }

    private boolean starts(String t) {
        return i + 1 < s.length && s[i] == t.charAt(0) && s[i + 1] == t.charAt(1);
    }

    /** Reads a double-quoted string into {@code sb}; returns a problem, or null. */
    private String quoted(StringBuilder sb) {
        i++;
        while (i < s.length) {
            int c = s[i++];
            if (c == '"') {
                return null;
            }
            if (c == '\\' && i < s.length) {
                int e = s[i++];
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '\\', '"' -> sb.appendCodePoint(e);
                    default -> {
                        sb.append('\\');
                        sb.appendCodePoint(e);
                    }
                }
            } else {
                sb.appendCodePoint(c);
            }
        }
        return "a quoted string is never closed";
    }

    private int peek() {
        return i < s.length ? s[i] : -1;
    }

    private void skipBlanks() {
        while (i < s.length && Character.isWhitespace(s[i])) {
            i++;
        }
    }
}
