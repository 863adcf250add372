package dev.vigil.compiler.template;

import dev.vigil.compiler.template.Template.Bool;
import dev.vigil.compiler.template.Template.Call;
import dev.vigil.compiler.template.Template.Chain;
import dev.vigil.compiler.template.Template.Command;
import dev.vigil.compiler.template.Template.Control;
import dev.vigil.compiler.template.Template.Define;
import dev.vigil.compiler.template.Template.Dot;
import dev.vigil.compiler.template.Template.Field;
import dev.vigil.compiler.template.Template.Identifier;
import dev.vigil.compiler.template.Template.Jump;
import dev.vigil.compiler.template.Template.Keyword;
import dev.vigil.compiler.template.Template.Nil;
import dev.vigil.compiler.template.Template.Node;
import dev.vigil.compiler.template.Template.Num;
import dev.vigil.compiler.template.Template.Operand;
import dev.vigil.compiler.template.Template.Pipeline;
import dev.vigil.compiler.template.Template.Problem;
import dev.vigil.compiler.template.Template.Str;
import dev.vigil.compiler.template.Template.Sub;
import dev.vigil.compiler.template.Template.Variable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's text/template lexer and parser (as of Go 1.19, which builds promtool 2.42, plus Go 1.23's
 * {@code else with} that Prometheus 3 accepts), with recovery so that one mistake does not hide the
 * next: each action reports at most its first problem, and block structure survives a broken action.
 * Names (functions, variables, {@code break} outside {@code range}) are left to {@link TemplateChecker}.
 */
final class TemplateParser {
    private final String text;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Piece> pieces = new ArrayList<>();
    private final Map<String, Boolean> defined = new HashMap<>();
    private int next;

    TemplateParser(String text) {
        this.text = text;
    }

    Template parse() {
        scan();
        List<Node> nodes = new ArrayList<>();
        Ending e;
        do {
            e = list(nodes, true);
            if (e.kind() == T.END) {
                problems.add(new Problem("`{{ end }}` has no `if`, `range` or `with` to close", e.open()));
            } else if (e.kind() == T.ELSE) {
                problems.add(new Problem("`{{ else }}` is outside an `if`, `range` or `with`", e.open()));
            }
        } while (e.kind() != null);
        return new Template(text, List.copyOf(nodes), List.copyOf(problems));
    }

    // ------------------------------------------------------------------ delimiters

    /** Text between actions (trimmed), or an action's body [start, end) after its `{{` at open. */
    private record Piece(int open, int start, int end, String text) {
        boolean isText() {
            return text != null;
        }
    }

    /** Go's isSpace inside actions and for trim markers. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Splits the text into pieces; problems with delimiters, comments and unclosed quotes stop or skip. */
    private void scan() {
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                text(i, text.length());
                return;
            }
            boolean trimLeft = open + 3 < text.length() && text.charAt(open + 2) == '-' && isSpace(text.charAt(open + 3));
            int textEnd = open;
            while (trimLeft && textEnd > i && isSpace(text.charAt(textEnd - 1))) {
                textEnd--;
            }
            text(i, textEnd);
            int start = open + (trimLeft ? 4 : 2);
            if (text.startsWith("/*", start)) {
                int close = text.indexOf("*/", start + 2);
                if (close < 0) {
                    problems.add(new Problem("a comment `{{/*` is never closed with `*/`", open));
                    return;
                }
                int delim = rightDelim(close + 2);
                if (delim == 0) {
                    problems.add(new Problem("a comment must be the whole action: `{{/* ... */}}`", open));
                    int after = text.indexOf("}}", close + 2);
                    if (after < 0) {
                        return;
                    }
                    i = after + 2;
                } else {
                    i = skipSpace(close + 2 + delim, delim == 4);
                }
                continue;
            }
            int close = findClose(start);
            if (close == -1) {
                problems.add(new Problem("an action `{{` is never closed with `}}`", open));
                return;
            }
            if (close < -1) {
                problems.add(new Problem("a quoted string is never closed", -close - 2));
                return;
            }
            if (text.startsWith("{{", close)) {
                problems.add(new Problem("an action `{{` is not closed with `}}` before the next `{{`", open));
                i = close;
                continue;
            }
            boolean trimRight = close - 2 >= start && text.charAt(close - 1) == '-' && isSpace(text.charAt(close - 2));
            pieces.add(new Piece(open, start, trimRight ? close - 2 : close, null));
            i = skipSpace(close + 2, trimRight);
        }
    }

    private void text(int from, int to) {
        if (to > from) {
            pieces.add(new Piece(from, from, to, text.substring(from, to)));
        }
    }

    private int skipSpace(int from, boolean trim) {
        int i = from;
        while (trim && i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The length of a closing `}}` or ` -}}` at {@code at}, or 0. */
    private int rightDelim(int at) {
        if (text.startsWith("}}", at)) {
            return 2;
        }
        return at + 1 < text.length() && isSpace(text.charAt(at)) && text.charAt(at + 1) == '-'
                && text.startsWith("}}", at + 2) ? 4 : 0;
    }

    /**
     * Where the action starting at {@code from} closes, skipping quoted literals: the offset of its
     * `}}` or of a `{{` that comes first; -1 when neither comes; {@code -2 - q} for an
     * unclosed quote at q.
     */
    private int findClose(int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '`' || c == '\'') {
                int q = quoteEnd(i, text.length());
                if (q < 0) {
                    return -2 - i;
                }
                i = q;
            } else if (text.startsWith("}}", i) || text.startsWith("{{", i)) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Just past the quoted literal at {@code at} (Go's lexQuote, lexRawQuote, lexChar), or -1. */
    private int quoteEnd(int at, int end) {
        char q = text.charAt(at);
        int i = at + 1;
        while (i < end) {
            char c = text.charAt(i);
            if (c == q) {
                return i + 1;
            }
            if (q != '`' && (c == '\n' || c == '\\' && (i + 1 >= end || text.charAt(i + 1) == '\n'))) {
                return -1;
            }
            i += q != '`' && c == '\\' ? 2 : 1;
        }
        return -1;
    }

    // ------------------------------------------------------------------ lexing an action

    /** Go's item types; keywords last. */
    private enum T {
        IDENT, FIELD, VAR, DOT, STRING, RAW, CHAR_CONST, NUMBER, COMPLEX, BOOL, PIPE, LPAREN, RPAREN, DECLARE,
        ASSIGN, CHAR, NIL, BLOCK, BREAK, CONTINUE, DEFINE, ELSE, END, IF, RANGE, TEMPLATE, WITH
    }

    private static final Map<String, T> KEYWORDS = Map.ofEntries(Map.entry("block", T.BLOCK),
            Map.entry("break", T.BREAK), Map.entry("continue", T.CONTINUE), Map.entry("define", T.DEFINE),
            Map.entry("else", T.ELSE), Map.entry("end", T.END), Map.entry("if", T.IF), Map.entry("range", T.RANGE),
            Map.entry("nil", T.NIL), Map.entry("template", T.TEMPLATE), Map.entry("with", T.WITH));
    private static final Set<T> OPERAND_START = EnumSet.of(T.BOOL, T.CHAR_CONST, T.COMPLEX, T.DOT, T.FIELD, T.IDENT,
            T.NUMBER, T.NIL, T.RAW, T.STRING, T.VAR, T.LPAREN);

    /** A token; {@code spaced} when white space comes before it. */
    private record Token(T type, String text, int offset, boolean spaced) {
    }

    /** Go's panic on the first error, kept inside one action. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Refusal(String message, int offset) {
            super(message, null, false, false);
            this.problem = new Problem(message, offset);
        }
    }

    /** The tokens of one action; {@code refusal} is the lexer's error, after the tokens before it. */
    private record Lexed(List<Token> tokens, Refusal refusal) {
    }

    private Lexed lex(int start, int end) {
        List<Token> out = new ArrayList<>();
        int i = start;
        boolean spaced = false;
        int depth = 0;
        while (i < end) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                spaced = true;
                i++;
                continue;
            }
            int j;
            T type;
            if (c == '=') {
                type = T.ASSIGN;
                j = i + 1;
            } else if (c == ':') {
                if (i + 1 >= end || text.charAt(i + 1) != '=') {
                    return new Lexed(out, new Refusal("expected `:=`", i));
                }
                type = T.DECLARE;
                j = i + 2;
            } else if (c == '|') {
                type = T.PIPE;
                j = i + 1;
            } else if (c == '"' || c == '`' || c == '\'') {
                j = quoteEnd(i, end);
                if (j < 0) {
                    return new Lexed(out, new Refusal("a quoted string is never closed", i));
                }
                type = c == '"' ? T.STRING : c == '`' ? T.RAW : T.CHAR_CONST;
            } else if (c == '$' || c == '.' && !(i + 1 < end && isDigit(text.charAt(i + 1)))) {
                j = atTerminator(i + 1, end) ? i + 1 : alphanumericEnd(i + 1, end);
                if (!atTerminator(j, end)) {
                    return new Lexed(out, badCharacter(j));
                }
                type = c == '$' ? T.VAR : j == i + 1 ? T.DOT : T.FIELD;
            } else if (c == '+' || c == '-' || c == '.' || isDigit(c)) {
                j = scanNumber(i, end);
                type = T.NUMBER;
                if (j > 0 && j < end && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                    int k = scanNumber(j, end);
                    j = k > 0 && text.charAt(k - 1) == 'i' ? k : -1;
                    type = T.COMPLEX;
                }
                if (j < 0) {
                    return new Lexed(out, new Refusal("`" + word(i, end) + "` is not a number", i));
                }
            } else if (isAlphanumeric(text.codePointAt(i))) {
                j = alphanumericEnd(i, end);
                if (!atTerminator(j, end)) {
                    return new Lexed(out, badCharacter(j));
                }
                String w = text.substring(i, j);
                type = w.equals("true") || w.equals("false") ? T.BOOL : KEYWORDS.getOrDefault(w, T.IDENT);
            } else if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
                if (depth < 0) {
                    return new Lexed(out, new Refusal("unexpected `)`", i));
                }
                type = c == '(' ? T.LPAREN : T.RPAREN;
                j = i + 1;
            } else if (c >= ' ' && c < 0x7f) {
                type = T.CHAR;
                j = i + 1;
            } else {
                return new Lexed(out, new Refusal("unexpected `" + Character.toString(text.codePointAt(i))
                        + "` in an action", i));
            }
            out.add(new Token(type, text.substring(i, j), i, spaced));
            spaced = false;
            i = j;
        }
        return new Lexed(out, depth > 0 ? new Refusal("a `(` is never closed", start) : null);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlphanumeric(int cp) {
        return cp == '_' || Character.isLetter(cp) || Character.isDigit(cp);
    }

    private int alphanumericEnd(int from, int end) {
        int j = from;
        while (j < end && isAlphanumeric(text.codePointAt(j))) {
            j += Character.charCount(text.codePointAt(j));
        }
        return j;
    }

    /** Go's atTerminator: what may follow an identifier, field or variable. */
    private boolean atTerminator(int j, int end) {
        if (j >= end) {
            return true;
        }
        char c = text.charAt(j);
        return isSpace(c) || ".,|:)(}".indexOf(c) >= 0;
    }

    private Refusal badCharacter(int at) {
        return new Refusal("unexpected `" + Character.toString(text.codePointAt(at)) + "` in an action", at);
    }

    private String word(int from, int end) {
        int j = from + 1;
        while (j < end && !isSpace(text.charAt(j)) && "|()".indexOf(text.charAt(j)) < 0) {
            j++;
        }
        return text.substring(from, j);
    }

    /** Go's scanNumber from {@code i}: the end of the number, or -1 when a letter or digit follows it. */
    private int scanNumber(int from, int end) {
        int[] i = {from};
        accept(i, end, "+-");
        String digits = "0123456789_";
        if (accept(i, end, "0")) {
            if (accept(i, end, "xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept(i, end, "oO")) {
                digits = "01234567_";
            } else if (accept(i, end, "bB")) {
                digits = "01_";
            }
        }
        acceptRun(i, end, digits);
        if (accept(i, end, ".")) {
            acceptRun(i, end, digits);
        }
        if (digits.length() == 11 && accept(i, end, "eE") || digits.length() == 23 && accept(i, end, "pP")) {
            accept(i, end, "+-");
            acceptRun(i, end, "0123456789_");
        }
        accept(i, end, "i");
        return i[0] < end && isAlphanumeric(text.codePointAt(i[0])) ? -1 : i[0];
    }

    private boolean accept(int[] i, int end, String valid) {
        if (i[0] < end && valid.indexOf(text.charAt(i[0])) >= 0) {
            i[0]++;
            return true;
        }
        return false;
    }

    private void acceptRun(int[] i, int end, String valid) {
        while (accept(i, end, valid)) {
            // consumed
        }
    }

    // ------------------------------------------------------------------ block structure

    /** What ended a list: {@code END}, {@code ELSE} (with its action's tokens), or null at the end of the text. */
    private record Ending(T kind, int open, List<Token> tokens, Refusal refusal) {
    }

    /** Reads nodes into {@code into} up to an {@code end}, an {@code else} or the end of the text. */
    private Ending list(List<Node> into, boolean top) {
        while (next < pieces.size()) {
            Piece p = pieces.get(next++);
            if (p.isText()) {
                into.add(new Template.Text(p.open(), p.text()));
                continue;
            }
            Lexed lexed = lex(p.start(), p.end());
            List<Token> tokens = lexed.tokens();
            int open = p.open();
            if (tokens.isEmpty()) {
                problems.add(lexed.refusal() != null ? lexed.refusal().problem
                        : new Problem("the action `{{ }}` is empty", open));
                continue;
            }
            T first = tokens.get(0).type();
            if (first == T.END || first == T.ELSE) {
                return new Ending(first, open, tokens, lexed.refusal());
            }
            Reader r = new Reader(tokens, open, lexed.refusal());
            switch (first) {
                case IF, WITH, RANGE -> into.add(control(Keyword.valueOf(first.name()), r, open, open));
                case BREAK, CONTINUE -> {
                    r.attempt(() -> r.nothingAfter(first.name().toLowerCase(java.util.Locale.ROOT)));
                    into.add(new Jump(open, first == T.BREAK));
                }
                case DEFINE -> {
                    if (!top) {
                        r.attempt(() -> {
                            throw new Refusal("`{{ define }}` is only allowed outside other blocks", open);
                        });
                    }
                    String name = r.attempt(() -> {
                        String n = r.templateName("define");
                        r.nothingAfter("define \"" + n + "\"");
                        return n;
                    });
                    into.add(define(open, name, "define"));
                }
                case BLOCK -> {
                    String name = r.attempt(() -> r.templateName("block"));
                    Pipeline pipe = r.pipelineOrEmpty("block");
                    into.add(define(open, name, "block"));
                    into.add(new Call(open, name, pipe));
                }
                case TEMPLATE -> {
                    String name = r.attempt(() -> r.templateName("template"));
                    into.add(new Call(open, name, r.peek() == null ? null : r.pipelineOrEmpty("template")));
                }
                default -> {
                    r.i = 0;
                    into.add(new Template.Action(open, r.pipelineOrEmpty("command")));
                }
            }
        }
        return new Ending(null, text.length(), List.of(), null);
    }

    /** A define's or block's body up to its {@code end}; its own variables and no enclosing {@code range}. */
    private Define define(int open, String name, String keyword) {
        List<Node> body = new ArrayList<>();
        Ending e = list(body, false);
        while (e.kind() == T.ELSE) {
            problems.add(new Problem("`{{ else }}` is outside an `if`, `range` or `with`", e.open()));
            e = list(body, false);
        }
        if (e.kind() == null) {
            problems.add(new Problem("`{{ " + keyword + " }}` is never closed with `{{ end }}`", open));
        } else {
            endAction(e);
        }
        // Go refuses a second definition of a name unless one of the two is only white space.
        boolean nonEmpty = body.stream().anyMatch(n -> !(n instanceof Template.Text t) || !t.text().isBlank());
        if (name != null && nonEmpty && defined.put(name, true) != null) {
            problems.add(new Problem("template `" + name + "` is defined more than once", open));
        }
        return new Define(open, name == null ? "" : name, List.copyOf(body));
    }

    private void endAction(Ending e) {
        Reader r = new Reader(e.tokens(), e.open(), e.refusal());
        r.attempt(() -> r.nothingAfter("end"));
    }

    /**
     * {@code if}, {@code with} or {@code range} through its {@code end}. An {@code else if} (in an
     * {@code if}) or {@code else with} (in a {@code with}) nests a control that shares the end; an
     * unclosed chain is reported where it began ({@code began}).
     */
    private Control control(Keyword keyword, Reader r, int open, int began) {
        String name = keyword.name().toLowerCase(java.util.Locale.ROOT);
        Pipeline pipe = r.pipelineOrEmpty(name);
        List<Node> body = new ArrayList<>();
        Ending e = list(body, false);
        List<Node> otherwise = new ArrayList<>();
        if (e.kind() == T.ELSE) {
            Reader er = new Reader(e.tokens(), e.open(), e.refusal());
            Token chained = er.peek();
            if (chained != null && (chained.type() == T.IF && keyword == Keyword.IF
                    || chained.type() == T.WITH && keyword == Keyword.WITH)) {
                er.i++;
                otherwise.add(control(keyword, er, e.open(), began));
                return new Control(open, keyword, pipe, List.copyOf(body), List.copyOf(otherwise));
            }
            er.attempt(() -> er.nothingAfter("else"));
            e = list(otherwise, false);
            while (e.kind() == T.ELSE) {
                problems.add(new Problem("`{{ " + name + " }}` has more than one `{{ else }}`", e.open()));
                e = list(otherwise, false);
            }
        }
        if (e.kind() == null) {
            problems.add(new Problem("`{{ " + name + " }}` is never closed with `{{ end }}`", began));
        } else {
            endAction(e);
        }
        return new Control(open, keyword, pipe, List.copyOf(body), List.copyOf(otherwise));
    }

    // ------------------------------------------------------------------ parsing one action

    private interface Step<V> {
        V run() throws Refusal;
    }

    private interface VoidStep {
        void run() throws Refusal;
    }

    /** Go's parser over one action's tokens; the first refusal is the action's problem. */
    private final class Reader {
        final List<Token> tokens;
        final int open;
        int i;
        /** Whether this action has already reported a problem (only the first counts). */
        boolean refused;

        Reader(List<Token> tokens, int open, Refusal lexError) {
            this.tokens = tokens;
            this.open = open;
            this.i = 1;
            if (lexError != null) {
                problems.add(lexError.problem);
                refused = true;
            }
        }

        Token peek() {
            return i < tokens.size() ? tokens.get(i) : null;
        }

        /** Runs a step unless this action was already refused; a refusal is recorded and gives null. */
        <V> V attempt(Step<V> step) {
            if (refused) {
                return null;
            }
            try {
                return step.run();
            } catch (Refusal e) {
                problems.add(e.problem);
                refused = true;
                return null;
            }
        }

        void attempt(VoidStep step) {
            attempt(() -> {
                step.run();
                return null;
            });
        }

        /** The pipeline, or one without commands when it (or the action before it) was refused. */
        Pipeline pipelineOrEmpty(String context) {
            Pipeline p = attempt(() -> {
                Pipeline pipe = pipeline(context, false);
                if (peek() != null) {
                    throw unexpected(peek(), context);
                }
                return pipe;
            });
            return p != null ? p : new Pipeline(open, List.of(), false, List.of());
        }

        void nothingAfter(String what) throws Refusal {
            if (peek() != null) {
                throw new Refusal("`{{ " + what + " }}` takes nothing after it", peek().offset());
            }
        }

        String templateName(String keyword) throws Refusal {
            Token t = peek();
            if (t == null || t.type() != T.STRING && t.type() != T.RAW) {
                throw new Refusal("`{{ " + keyword + " }}` needs a template name in quotes", t == null ? open : t.offset());
            }
            i++;
            return string(t).value();
        }

        Refusal unexpected(Token t, String context) {
            String where = context.equals("command") || context.equals("parenthesized pipeline") ? "an action"
                    : "`{{ " + context + " }}`";
            return new Refusal("unexpected `" + t.text() + "` in " + where, t.offset());
        }

        /** Go's pipeline: declarations, then commands up to the end of the action or a `)`. */
        Pipeline pipeline(String context, boolean inParens) throws Refusal {
            int offset = peek() != null ? peek().offset() : open;
            List<Variable> declarations = new ArrayList<>();
            boolean assign = false;
            while (peek() != null && peek().type() == T.VAR && i + 1 < tokens.size()) {
                Token v = peek();
                Token after = tokens.get(i + 1);
                if (after.type() == T.DECLARE || after.type() == T.ASSIGN) {
                    declarations.add(new Variable(v.offset(), v.text(), List.of()));
                    assign = after.type() == T.ASSIGN;
                    i += 2;
                    break;
                }
                if (!(after.type() == T.CHAR && after.text().equals(","))) {
                    break;
                }
                declarations.add(new Variable(v.offset(), v.text(), List.of()));
                i += 2;
                // Only range declares two variables: `$i, $x := ...`.
                Token then = peek();
                if (!context.equals("range") || declarations.size() >= 2) {
                    throw new Refusal("`{{ " + context + " }}` declares too many variables", v.offset());
                }
                if (then != null && then.type() != T.VAR && then.type() != T.RPAREN) {
                    throw new Refusal("`{{ range }}` can only declare variables before `:=`", then.offset());
                }
            }
            List<Command> commands = new ArrayList<>();
            while (true) {
                Token t = peek();
                if (t == null || inParens && t.type() == T.RPAREN) {
                    break;
                }
                if (!OPERAND_START.contains(t.type())) {
                    throw unexpected(t, context);
                }
                commands.add(command());
            }
            if (commands.isEmpty()) {
                throw new Refusal(context.equals("command") || inParens ? "the action is missing a value"
                        : "`{{ " + context + " }}` needs a " + (context.equals("if") ? "condition" : "value"), open);
            }
            // Only the first command of a pipeline may be a constant or the cursor.
            for (Command c : commands.subList(1, commands.size())) {
                Operand head = c.operands().get(0);
                if (head instanceof Bool || head instanceof Dot || head instanceof Nil || head instanceof Num
                        || head instanceof Str) {
                    throw new Refusal("`" + head.written() + "` cannot take the piped value: only a function can",
                            head.offset());
                }
            }
            return new Pipeline(offset, List.copyOf(declarations), assign, List.copyOf(commands));
        }

        Command command() throws Refusal {
            int offset = peek().offset();
            List<Operand> operands = new ArrayList<>();
            while (true) {
                Operand o = operand();
                if (o != null) {
                    operands.add(o);
                }
                Token t = peek();
                if (t == null || t.type() == T.RPAREN) {
                    break;
                }
                if (t.type() == T.PIPE) {
                    i++;
                    break;
                }
                if (o == null || !t.spaced()) {
                    throw new Refusal("unexpected `" + t.text() + "` in an action", t.offset());
                }
            }
            return new Command(offset, List.copyOf(operands));
        }

        Operand operand() throws Refusal {
            Operand term = term();
            if (term == null || peek() == null || peek().type() != T.FIELD || peek().spaced()) {
                return term;
            }
            List<String> fields = new ArrayList<>();
            while (peek() != null && peek().type() == T.FIELD && !peek().spaced()) {
                fields.add(tokens.get(i++).text().substring(1));
            }
            if (term instanceof Field f) {
                return new Field(f.offset(), concat(f.fields(), fields));
            }
            if (term instanceof Variable v) {
                return new Variable(v.offset(), v.name(), concat(v.fields(), fields));
            }
            if (term instanceof Bool || term instanceof Str || term instanceof Num || term instanceof Nil
                    || term instanceof Dot) {
                throw new Refusal("unexpected `.` after `" + term.written() + "`", term.offset());
            }
            return new Chain(term.offset(), term, List.copyOf(fields));
        }

        Operand term() throws Refusal {
            Token t = peek();
            if (t == null) {
                return null;
            }
            int at = t.offset();
            if (t.type() == T.LPAREN) {
                i++;
                Pipeline p = pipeline("parenthesized pipeline", true);
                if (peek() == null || peek().type() != T.RPAREN) {
                    throw new Refusal("a `(` is never closed", at);
                }
                i++;
                return new Sub(at, p);
            }
            Operand o = switch (t.type()) {
                case IDENT -> new Identifier(at, t.text());
                case DOT -> new Dot(at);
                case NIL -> new Nil(at);
                case VAR -> new Variable(at, t.text(), List.of());
                case FIELD -> new Field(at, List.of(t.text().substring(1)));
                case BOOL -> new Bool(at, t.text().equals("true"));
                case CHAR_CONST, NUMBER, COMPLEX -> number(t);
                case STRING, RAW -> string(t);
                default -> null;
            };
            if (o != null) {
                i++;
            }
            return o;
        }

        private Num number(Token t) throws Refusal {
            GoLiterals.Parsed<? extends Number> n = t.type() == T.CHAR_CONST ? GoLiterals.unquoteRune(t.text())
                    : GoLiterals.number(t.text(), t.type() == T.COMPLEX);
            if (n.error() != null) {
                throw new Refusal("`" + t.text() + "` is not a number: " + n.error(), t.offset());
            }
            return new Num(t.offset(), t.text(), n.value());
        }

        private Str string(Token t) throws Refusal {
            GoLiterals.Parsed<GoLiterals.Decoded> s = GoLiterals.unquote(t.text());
            if (s.error() != null) {
                throw new Refusal("the string " + t.text() + " has an escape Go does not accept", t.offset());
            }
            return new Str(t.offset(), t.text(), s.value().text());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
