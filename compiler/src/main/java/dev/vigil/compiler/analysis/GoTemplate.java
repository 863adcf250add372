package dev.vigil.compiler.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small parser for Go's text/template language as Prometheus uses it in alert annotations and
 * labels. It finds what Prometheus would refuse when loading the rule (unclosed actions, unbalanced
 * {@code if}/{@code range}/{@code with}/{@code end}, unknown functions, undefined variables, empty
 * commands, bad literals) and records what a template reads: labels ({@code $labels.x},
 * {@code .Labels.x}, {@code index $labels "x"}) and the query value ({@code $value}, {@code .Value},
 * the {@code query} function). It never throws and runs in one pass over the text.
 */
public final class GoTemplate {
    /** Go's built-in template functions. */
    private static final Set<String> BUILTINS = Set.of("and", "call", "html", "index", "slice", "js", "len", "not",
            "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne");
    /** The functions Prometheus adds for alert templates (Prometheus 3.x). */
    public static final Set<String> PROMETHEUS_FUNCTIONS = Set.of("query", "first", "label", "value", "strvalue",
            "args", "reReplaceAll", "safeHtml", "match", "title", "toUpper", "toLower", "graphLink", "tableLink",
            "sortByLabel", "humanize", "humanize1024", "humanizeDuration", "humanizePercentage",
            "humanizeTimestamp", "toTime", "toDuration", "now", "pathPrefix", "externalURL", "parseDuration",
            "stripPort", "stripDomain", "urlQueryEscape");
    /** Variables Prometheus defines before every alert template. */
    private static final Set<String> PREDEFINED = Set.of("$", "$labels", "$value", "$externalLabels", "$externalURL");
    private static final Set<String> KEYWORDS = Set.of("if", "else", "end", "range", "with", "define", "template",
            "block", "break", "continue");

    /** A problem at a character offset of the template text. */
    public record Problem(String message, int offset) {
    }

    /** A label the template reads, and where. */
    public record LabelRef(String name, int offset, String written) {
    }

    /** A function the template calls, and where. */
    public record FunctionUse(String name, int offset) {
    }

    /** What parsing found. {@code valueAt} is the offset of the first use of the query value, or -1. */
    public record Result(List<Problem> problems, List<LabelRef> labels, int valueAt, String valueWritten,
            List<FunctionUse> functions) {
        public boolean usesValue() {
            return valueAt >= 0;
        }
    }

    /** Every function an alert template may call: Go's built-ins and Prometheus's. */
    public static Set<String> functions() {
        Set<String> all = new HashSet<>(BUILTINS);
        all.addAll(PROMETHEUS_FUNCTIONS);
        return all;
    }

    private final String text;
    private final List<Problem> problems = new ArrayList<>();
    private final List<LabelRef> labels = new ArrayList<>();
    private final List<FunctionUse> functions = new ArrayList<>();
    private int valueAt = -1;
    private String valueWritten;

    private GoTemplate(String text) {
        this.text = text;
    }

    public static Result parse(String text) {
        GoTemplate t = new GoTemplate(text == null ? "" : text);
        t.run();
        return new Result(List.copyOf(t.problems), List.copyOf(t.labels), t.valueAt, t.valueWritten,
                List.copyOf(t.functions));
    }

    // ------------------------------------------------------------------ lexing

    private enum Kind { WORD, FIELD, VAR, STRING, NUMBER, CHAR, PIPE, LPAREN, RPAREN, DECLARE, ASSIGN, COMMA, DOT, BAD }

    private record Token(Kind kind, String text, int offset) {
    }

    /** One block on the control stack: its keyword, where it opened, its variables, whether {@code .} is the alert. */
    private record Block(String keyword, int offset, Set<String> vars, boolean rootDot, boolean sawElse) {
    }

    private final List<Block> stack = new ArrayList<>();

    private void run() {
        stack.add(new Block("", 0, new HashSet<>(PREDEFINED), true, false));
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                break;
            }
            int start = open + 2;
            if (text.startsWith("- ", start) || text.startsWith("-\t", start) || text.startsWith("-\n", start)) {
                start += 2;
            }
            int close = findClose(start);
            if (close == -2) {
                problems.add(new Problem("an action `{{` is not closed with `}}` before the next `{{`", open));
                i = text.indexOf("{{", start);
                continue;
            }
            if (close < 0) {
                problems.add(new Problem("an action `{{` is never closed with `}}`", open));
                break;
            }
            int end = close;
            if (end - 1 >= start && text.charAt(end - 1) == '-' && end - 2 >= start
                    && Character.isWhitespace(text.charAt(end - 2))) {
                end -= 1;
            }
            int before = problems.size();
            action(start, end, open);
            while (problems.size() > before + 1) {
                problems.remove(problems.size() - 1);
            }
            i = close + 2;
        }
        for (int k = stack.size() - 1; k > 0; k--) {
            Block b = stack.get(k);
            problems.add(new Problem("`{{ " + b.keyword() + " }}` is never closed with `{{ end }}`", b.offset()));
        }
    }

    /**
     * The offset of the `}}` closing an action that starts at {@code from}, skipping strings and
     * comments; -2 when another `{{` comes first, -1 when there is none.
     */
    private int findClose(int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '`' || c == '\'') {
                int q = skipQuoted(i);
                if (q < 0) {
                    return -1;
                }
                i = q;
                continue;
            }
            if (text.startsWith("/*", i)) {
                int e = text.indexOf("*/", i + 2);
                if (e < 0) {
                    return -1;
                }
                i = e + 2;
                continue;
            }
            if (text.startsWith("}}", i)) {
                return i;
            }
            if (text.startsWith("{{", i)) {
                return -2;
            }
            i++;
        }
        return -1;
    }

    /** The offset just past the quoted literal starting at {@code at}, or -1 when it is not closed. */
    private int skipQuoted(int at) {
        char q = text.charAt(at);
        int i = at + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && q != '`') {
                i += 2;
                continue;
            }
            if (c == q) {
                return i + 1;
            }
            if (c == '\n' && q != '`') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private List<Token> lex(int start, int end) {
        List<Token> out = new ArrayList<>();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '`' || c == '\'') {
                int q = skipQuoted(i);
                int stop = q < 0 || q > end ? end : q;
                out.add(new Token(q < 0 ? Kind.BAD : c == '\'' ? Kind.CHAR : Kind.STRING, text.substring(i, stop), i));
                i = stop;
            } else if (c == '|') {
                out.add(new Token(Kind.PIPE, "|", i++));
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++));
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i++));
            } else if (c == ':' && i + 1 < end && text.charAt(i + 1) == '=') {
                out.add(new Token(Kind.DECLARE, ":=", i));
                i += 2;
            } else if (c == '=') {
                out.add(new Token(Kind.ASSIGN, "=", i++));
            } else if (c == '$') {
                int j = identEnd(i + 1, end);
                out.add(new Token(Kind.VAR, text.substring(i, j), i));
                i = j;
            } else if (c == '.') {
                int j = identEnd(i + 1, end);
                out.add(new Token(j == i + 1 ? Kind.DOT : Kind.FIELD, text.substring(i, j), i));
                i = j;
            } else if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < end
                    && Character.isDigit(text.charAt(i + 1)))) {
                int j = i + 1;
                while (j < end && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '.'
                        || text.charAt(j) == '_' || ((text.charAt(j) == '-' || text.charAt(j) == '+')
                                && (text.charAt(j - 1) == 'e' || text.charAt(j - 1) == 'E')))) {
                    j++;
                }
                out.add(new Token(Kind.NUMBER, text.substring(i, j), i));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = identEnd(i, end);
                out.add(new Token(Kind.WORD, text.substring(i, j), i));
                i = j;
            } else {
                out.add(new Token(Kind.BAD, String.valueOf(c), i++));
            }
            // A field chain continues without spaces: $labels.x, .Labels.x, (x).y
            while (i < end && text.charAt(i) == '.' && !out.isEmpty()
                    && (out.get(out.size() - 1).kind() == Kind.VAR || out.get(out.size() - 1).kind() == Kind.FIELD
                            || out.get(out.size() - 1).kind() == Kind.RPAREN)) {
                int j = identEnd(i + 1, end);
                if (j == i + 1) {
                    break;
                }
                Token prev = out.remove(out.size() - 1);
                if (prev.kind() == Kind.RPAREN) {
                    out.add(prev);
                    out.add(new Token(Kind.FIELD, text.substring(i, j), i));
                } else {
                    out.add(new Token(prev.kind(), prev.text() + text.substring(i, j), prev.offset()));
                }
                i = j;
            }
        }
        return out;
    }

    private int identEnd(int from, int end) {
        int j = from;
        while (j < end && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        return j;
    }

    // ------------------------------------------------------------------ parsing

    private Block top() {
        return stack.get(stack.size() - 1);
    }

    private boolean defined(String var) {
        for (Block b : stack) {
            if (b.vars().contains(var)) {
                return true;
            }
        }
        return false;
    }

    private boolean rootDot() {
        return top().rootDot();
    }

    private void action(int start, int end, int open) {
        String body = text.substring(start, end).strip();
        if (body.startsWith("/*")) {
            if (!body.endsWith("*/")) {
                problems.add(new Problem("a comment must be the whole action: `{{/* ... */}}`", open));
            }
            return;
        }
        List<Token> tokens = lex(start, end);
        if (tokens.isEmpty()) {
            problems.add(new Problem("the action `{{ }}` is empty", open));
            return;
        }
        Token first = tokens.get(0);
        String kw = first.kind() == Kind.WORD && KEYWORDS.contains(first.text()) ? first.text() : null;
        if (kw == null) {
            pipeline(tokens, 0, tokens.size(), open);
            return;
        }
        List<Token> rest = tokens.subList(1, tokens.size());
        switch (kw) {
            case "end" -> {
                if (stack.size() == 1) {
                    problems.add(new Problem("`{{ end }}` has no `if`, `range` or `with` to close", open));
                } else {
                    stack.remove(stack.size() - 1);
                }
                extra(rest, "end", open);
            }
            case "else" -> {
                if (stack.size() == 1 || !Set.of("if", "with", "range").contains(top().keyword())) {
                    problems.add(new Problem("`{{ else }}` is outside an `if`, `range` or `with`", open));
                    return;
                }
                Block b = stack.remove(stack.size() - 1);
                if (b.sawElse() && b.keyword().equals("range")) {
                    problems.add(new Problem("`{{ range }}` has more than one `{{ else }}`", open));
                }
                boolean chained = !rest.isEmpty() && rest.get(0).kind() == Kind.WORD
                        && (rest.get(0).text().equals("if") || rest.get(0).text().equals("with"));
                if (!chained) {
                    extra(rest, "else", open);
                    stack.add(new Block(b.keyword(), b.offset(), new HashSet<>(), top().rootDot(), true));
                } else {
                    // `else if` and `else with` share the block's `end`.
                    String k = rest.get(0).text();
                    Set<String> vars = condition(k, tokens, 2, open);
                    stack.add(new Block(b.keyword(), b.offset(), vars, k.equals("if") && top().rootDot(), true));
                }
            }
            case "if", "range", "with" -> {
                boolean root = kw.equals("if") && rootDot();
                Set<String> vars = condition(kw, tokens, 1, open);
                stack.add(new Block(kw, open, vars, root, false));
            }
            case "define", "block" -> {
                if (rest.isEmpty() || rest.get(0).kind() != Kind.STRING) {
                    problems.add(new Problem("`{{ " + kw + " }}` needs a template name in quotes", open));
                }
                if (kw.equals("block") && rest.size() > 1) {
                    pipeline(tokens, 2, tokens.size(), open);
                }
                stack.add(new Block(kw, open, new HashSet<>(Set.of("$")), false, false));
            }
            case "template" -> {
                if (rest.isEmpty() || rest.get(0).kind() != Kind.STRING) {
                    problems.add(new Problem("`{{ template }}` needs a template name in quotes", open));
                } else if (rest.size() > 1) {
                    pipeline(tokens, 2, tokens.size(), open);
                }
            }
            case "break", "continue" -> {
                boolean inRange = stack.stream().anyMatch(b -> b.keyword().equals("range"));
                if (!inRange) {
                    problems.add(new Problem("`{{ " + kw + " }}` is outside a `range`", open));
                }
                extra(rest, kw, open);
            }
            default -> {
            }
        }
    }

    private void extra(List<Token> rest, String kw, int open) {
        if (!rest.isEmpty()) {
            problems.add(new Problem("`{{ " + kw + " }}` takes nothing after it", rest.get(0).offset()));
        }
    }

    /** The pipeline after {@code if}/{@code range}/{@code with}; returns the variables it declares. */
    private Set<String> condition(String kw, List<Token> tokens, int from, int open) {
        Set<String> vars = new HashSet<>();
        if (from >= tokens.size()) {
            problems.add(new Problem("`{{ " + kw + " }}` needs a condition", open));
            return vars;
        }
        int start = from;
        int decl = -1;
        for (int k = from; k < tokens.size() && k < from + 4; k++) {
            if (tokens.get(k).kind() == Kind.DECLARE) {
                decl = k;
                break;
            }
        }
        if (decl > from) {
            for (int k = from; k < decl; k++) {
                Token t = tokens.get(k);
                if (t.kind() == Kind.VAR) {
                    vars.add(t.text());
                } else if (t.kind() != Kind.COMMA) {
                    problems.add(new Problem("expected a variable before `:=`", t.offset()));
                }
            }
            start = decl + 1;
        }
        pipeline(tokens, start, tokens.size(), open);
        return vars;
    }

    /** A pipeline {@code [$x :=] cmd | cmd ...} over tokens [from, to). */
    private void pipeline(List<Token> tokens, int from, int to, int open) {
        int start = from;
        if (to - from >= 2 && tokens.get(from).kind() == Kind.VAR
                && (tokens.get(from + 1).kind() == Kind.DECLARE || tokens.get(from + 1).kind() == Kind.ASSIGN)) {
            Token v = tokens.get(from);
            if (tokens.get(from + 1).kind() == Kind.DECLARE) {
                top().vars().add(v.text());
            } else if (!defined(v.text())) {
                problems.add(new Problem("variable `" + v.text() + "` is assigned before it is declared with `:=`",
                        v.offset()));
            }
            start = from + 2;
        }
        if (start >= to) {
            problems.add(new Problem("the action is missing a value", open));
            return;
        }
        int depth = 0;
        int cmdStart = start;
        int stage = 0;
        for (int k = start; k <= to; k++) {
            Kind kind = k < to ? tokens.get(k).kind() : Kind.PIPE;
            if (kind == Kind.LPAREN) {
                depth++;
            } else if (kind == Kind.RPAREN) {
                depth--;
                if (depth < 0) {
                    problems.add(new Problem("unexpected `)`", tokens.get(k).offset()));
                    return;
                }
            } else if (kind == Kind.PIPE && depth == 0) {
                if (k == cmdStart) {
                    problems.add(new Problem("a `|` has no command on one side", k < to ? tokens.get(k).offset() : open));
                    return;
                }
                command(tokens, cmdStart, k, stage++, open);
                cmdStart = k + 1;
            }
        }
        if (depth > 0) {
            problems.add(new Problem("a `(` is never closed", open));
        }
    }

    private void command(List<Token> tokens, int from, int to, int stage, int open) {
        Token head = tokens.get(from);
        if (stage > 0 && head.kind() != Kind.WORD && head.kind() != Kind.LPAREN) {
            problems.add(new Problem("`" + head.text() + "` cannot take the piped value: only a function can",
                    head.offset()));
        }
        if (head.kind() == Kind.WORD && head.text().equals("query")) {
            value(head.offset(), "query");
        }
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            switch (t.kind()) {
                case WORD -> word(t, k > from && tokens.get(k - 1).kind() != Kind.LPAREN);
                case VAR -> variable(t, tokens, k, to);
                case FIELD -> field(t, k > from && tokens.get(k - 1).kind() == Kind.RPAREN);
                case BAD -> problems.add(new Problem(t.text().length() > 1 ? "a quoted string is never closed"
                        : "unexpected `" + t.text() + "` in an action", t.offset()));
                case NUMBER -> number(t);
                case DECLARE, ASSIGN -> problems.add(new Problem("unexpected `" + t.text() + "` in an action", t.offset()));
                case COMMA -> problems.add(new Problem("unexpected `,` in an action", t.offset()));
                default -> {
                }
            }
        }
    }

    private void word(Token t, boolean argument) {
        String w = t.text();
        if (w.equals("true") || w.equals("false") || w.equals("nil")) {
            return;
        }
        if (KEYWORDS.contains(w)) {
            problems.add(new Problem("`" + w + "` must start its own action", t.offset()));
        } else if (!BUILTINS.contains(w) && !PROMETHEUS_FUNCTIONS.contains(w)) {
            problems.add(new Problem("function `" + w + "` is not defined", t.offset()));
        } else {
            functions.add(new FunctionUse(w, t.offset()));
            if (w.equals("query") && argument) {
                value(t.offset(), "query");
            }
        }
    }

    private void number(Token t) {
        try {
            String n = t.text().replace("_", "");
            if (n.startsWith("0x") || n.startsWith("0X")) {
                Long.parseLong(n.substring(2), 16);
            } else {
                Double.parseDouble(n);
            }
        } catch (NumberFormatException e) {
            problems.add(new Problem("`" + t.text() + "` is not a number", t.offset()));
        }
    }

    private void variable(Token t, List<Token> tokens, int k, int to) {
        String[] parts = t.text().split("\\.", -1);
        String name = parts[0];
        if (!defined(name)) {
            problems.add(new Problem("variable `" + name + "` is not defined", t.offset()));
            return;
        }
        if (name.equals("$value")) {
            value(t.offset(), "$value");
        }
        if (name.equals("$") && parts.length > 1) {
            dataField(parts, 1, t);
        }
        if (name.equals("$labels")) {
            if (parts.length > 1) {
                labels.add(new LabelRef(parts[1], t.offset(), t.text()));
            } else if (k >= 1 && tokens.get(k - 1).kind() == Kind.WORD && tokens.get(k - 1).text().equals("index")
                    && k + 1 < to && tokens.get(k + 1).kind() == Kind.STRING) {
                String lit = tokens.get(k + 1).text();
                labels.add(new LabelRef(lit.substring(1, lit.length() - 1), t.offset(), "index $labels " + lit));
            }
        }
    }

    private void field(Token t, boolean afterParen) {
        if (afterParen || !rootDot()) {
            return;
        }
        dataField(t.text().substring(1).split("\\.", -1), 0, t);
    }

    /** {@code .Labels.x}, {@code .Value}, {@code $.Labels.x}: fields of the alert's own data. */
    private void dataField(String[] parts, int at, Token t) {
        if (parts.length <= at) {
            return;
        }
        if (parts[at].equals("Value")) {
            value(t.offset(), t.text());
        } else if (parts[at].equals("Labels") && parts.length > at + 1) {
            labels.add(new LabelRef(parts[at + 1], t.offset(), t.text()));
        }
    }

    private void value(int offset, String written) {
        if (valueAt < 0) {
            valueAt = offset;
            valueWritten = written;
        }
    }
}
