package dev.vigil.compiler.template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders an alert annotation the way Prometheus does (Go's text/template with Prometheus's
 * functions and {@code missingkey=zero}), for a known set of labels and query value. Vigil uses it
 * to write the exact annotations a promtool unit test expects. Functions that run queries
 * ({@code query}, {@code first}, ...) cannot be evaluated here and are refused with a message.
 */
public final class TemplateRenderer {
    /** Functions that need a Prometheus to query; a test must give such annotations explicitly. */
    public static final Set<String> QUERY_FUNCTIONS = Set.of("query", "first", "label", "value", "strvalue",
            "sortByLabel", "args", "tableLink", "graphLink", "externalURL", "pathPrefix", "now", "toTime",
            "humanizeTimestamp", "parseDuration", "toDuration");

    private final String text;
    private int pos;

    private TemplateRenderer(String text) {
        this.text = text;
    }

    /** The rendered text. {@code $labels}, {@code .Labels} and {@code $value}, {@code .Value} are set. */
    public static String render(String template, Map<String, String> labels, double value,
            Map<String, String> externalLabels) throws TemplateException {
        List<Node> nodes = new TemplateRenderer(template).parseUntil(Set.of());
        Scope scope = new Scope(null);
        Map<String, Object> data = new HashMap<>();
        data.put("Labels", new TreeMap<>(labels));
        data.put("ExternalLabels", new TreeMap<>(externalLabels));
        data.put("ExternalURL", "");
        data.put("Value", value);
        scope.vars.put("$", data);
        scope.vars.put("$labels", data.get("Labels"));
        scope.vars.put("$externalLabels", data.get("ExternalLabels"));
        scope.vars.put("$externalURL", "");
        scope.vars.put("$value", value);
        StringBuilder out = new StringBuilder();
        execute(nodes, data, scope, out);
        return out.toString();
    }

    // ------------------------------------------------------------------ tree

    private sealed interface Node permits TextNode, ActionNode, IfNode, WithNode {
    }

    private record TextNode(String text) implements Node {
    }

    private record ActionNode(Pipeline pipeline) implements Node {
    }

    private record IfNode(Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {
    }

    private record WithNode(Pipeline value, List<Node> then, List<Node> otherwise) implements Node {
    }

    /** {@code $x := a | b c}: optional declaration, then commands joined by pipes. */
    private record Pipeline(String declares, boolean assign, List<List<Arg>> commands) {
    }

    private sealed interface Arg permits Word, Var, Dot, Literal, Sub {
    }

    /** A function name, or one of {@code true}, {@code false}, {@code nil}. */
    private record Word(String name) implements Arg {
    }

    private record Var(String name, List<String> fields) implements Arg {
    }

    private record Dot(List<String> fields) implements Arg {
    }

    private record Literal(Object value) implements Arg {
    }

    private record Sub(Pipeline pipeline) implements Arg {
    }

    // ------------------------------------------------------------------ parsing

    /** What ended a block: the keyword and, for {@code else if}, the pipeline that follows. */
    private String endedBy;
    private String endedAction;

    private List<Node> parseUntil(Set<String> enders) throws TemplateException {
        List<Node> nodes = new ArrayList<>();
        while (pos < text.length()) {
            int open = text.indexOf("{{", pos);
            if (open < 0) {
                nodes.add(new TextNode(text.substring(pos)));
                pos = text.length();
                break;
            }
            boolean trimLeft = text.startsWith("{{- ", open) || text.startsWith("{{-\t", open) || text.startsWith("{{-\n", open);
            String before = text.substring(pos, open);
            nodes.add(new TextNode(trimLeft ? before.stripTrailing() : before));
            int start = open + (trimLeft ? 3 : 2);
            int close = closeOf(start);
            if (close < 0) {
                throw new TemplateException("an action `{{` is not closed");
            }
            boolean trimRight = close - 2 >= start && text.charAt(close - 1) == '-'
                    && Character.isWhitespace(text.charAt(close - 2));
            String action = text.substring(start, trimRight ? close - 1 : close).strip();
            pos = close + 2;
            if (trimRight) {
                while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
            }
            if (action.startsWith("/*")) {
                continue;
            }
            String keyword = action.split("[\\s(]", 2)[0];
            switch (keyword) {
                case "if", "with" -> nodes.add(block(keyword, action.substring(keyword.length()).strip()));
                case "else", "end" -> {
                    if (!enders.contains(keyword)) {
                        throw new TemplateException("`{{ " + keyword + " }}` without an open block");
                    }
                    endedBy = keyword;
                    endedAction = action.substring(keyword.length()).strip();
                    return nodes;
                }
                case "range", "define", "template", "block", "break", "continue" ->
                        throw new TemplateException("`{{ " + keyword + " }}` is not evaluated by Vigil; give the annotation in the test");
                default -> nodes.add(new ActionNode(new ActionParser(action).pipeline()));
            }
        }
        if (!enders.isEmpty()) {
            throw new TemplateException("a block is never closed with `{{ end }}`");
        }
        return nodes;
    }

    private Node block(String keyword, String pipelineText) throws TemplateException {
        Pipeline p = new ActionParser(pipelineText).pipeline();
        List<Node> then = parseUntil(Set.of("else", "end"));
        List<Node> otherwise = List.of();
        if ("else".equals(endedBy)) {
            String rest = endedAction;
            if (rest.startsWith("if ") || rest.startsWith("with ")) {
                // `{{ else if x }}` is an `if` nested in the else branch, closed by the same `end`.
                String inner = rest.startsWith("if ") ? "if" : "with";
                otherwise = List.of(block(inner, rest.substring(inner.length()).strip()));
            } else {
                otherwise = parseUntil(Set.of("end"));
            }
        }
        return keyword.equals("if") ? new IfNode(p, then, otherwise) : new WithNode(p, then, otherwise);
    }

    /** The offset of the `}}` closing an action that starts at {@code start}, skipping quoted text. */
    private int closeOf(int start) {
        int i = start;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if (c == '"' || c == '`' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                while (c != '`' && end > 0 && text.charAt(end - 1) == '\\' && !escapedBackslash(end - 1)) {
                    end = text.indexOf(c, end + 1);
                }
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
                continue;
            }
            if (c == '}' && text.charAt(i + 1) == '}') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private boolean escapedBackslash(int at) {
        int n = 0;
        for (int i = at; i >= 0 && text.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 0;
    }

    /** Parses the inside of one action into a pipeline. */
    private static final class ActionParser {
        private final String s;
        private int i;

        ActionParser(String s) {
            this.s = s;
        }

        Pipeline pipeline() throws TemplateException {
            Pipeline p = pipelineUntil(false);
            if (i < s.length()) {
                throw new TemplateException("unexpected `" + s.substring(i) + "` in action");
            }
            return p;
        }

        private Pipeline pipelineUntil(boolean inParens) throws TemplateException {
            skip();
            String declares = null;
            boolean assign = false;
            int save = i;
            if (peek() == '$') {
                String name = varName();
                skip();
                if (s.startsWith(":=", i) || (s.startsWith("=", i) && !s.startsWith("==", i))) {
                    assign = s.charAt(i) == '=';
                    i += assign ? 1 : 2;
                    declares = name;
                } else {
                    i = save;
                }
            }
            List<List<Arg>> commands = new ArrayList<>();
            List<Arg> command = new ArrayList<>();
            while (true) {
                skip();
                if (i >= s.length() || (inParens && peek() == ')')) {
                    break;
                }
                char c = peek();
                if (c == '|') {
                    if (command.isEmpty()) {
                        throw new TemplateException("missing command before `|`");
                    }
                    commands.add(command);
                    command = new ArrayList<>();
                    i++;
                } else {
                    command.add(arg());
                }
            }
            if (command.isEmpty()) {
                throw new TemplateException("missing command");
            }
            commands.add(command);
            return new Pipeline(declares, assign, commands);
        }

        private Arg arg() throws TemplateException {
            char c = peek();
            if (c == '(') {
                i++;
                Pipeline p = pipelineUntil(true);
                if (peek() != ')') {
                    throw new TemplateException("unclosed `(`");
                }
                i++;
                return new Sub(p);
            }
            if (c == '"' || c == '`') {
                return new Literal(string());
            }
            if (c == '$') {
                String name = varName();
                return new Var(name, fields());
            }
            if (c == '.') {
                return new Dot(fields());
            }
            if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i++;
                while (i < s.length() && "0123456789.eE+-xXabcdefABCDEF_".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                String num = s.substring(start, i);
                try {
                    return new Literal(num.matches("[-+]?\\d+") ? (Object) Long.parseLong(num) : (Object) Double.parseDouble(num));
                } catch (NumberFormatException e) {
                    throw new TemplateException("bad number `" + num + "`");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                return new Word(s.substring(start, i));
            }
            throw new TemplateException("unexpected `" + c + "` in action");
        }

        private String varName() {
            int start = i++;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return s.substring(start, i);
        }

        private List<String> fields() {
            List<String> out = new ArrayList<>();
            while (i < s.length() && s.charAt(i) == '.') {
                int start = ++i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                if (i > start) {
                    out.add(s.substring(start, i));
                }
            }
            return out;
        }

        private String string() throws TemplateException {
            char q = s.charAt(i++);
            StringBuilder out = new StringBuilder();
            while (i < s.length() && s.charAt(i) != q) {
                char c = s.charAt(i++);
                if (q == '"' && c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case '\\', '"' -> out.append(e);
                        default -> throw new TemplateException("escape `\\" + e + "` is not evaluated by Vigil");
                    }
                } else {
                    out.append(c);
                }
            }
            if (i >= s.length()) {
                throw new TemplateException("unterminated string");
            }
            i++;
            return out.toString();
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }

    // ------------------------------------------------------------------ evaluation

    private static final class Scope {
        final Scope parent;
        final Map<String, Object> vars = new HashMap<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        Object get(String name) throws TemplateException {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.vars.containsKey(name)) {
                    return s.vars.get(name);
                }
            }
            throw new TemplateException("undefined variable `" + name + "`");
        }

        void set(String name, Object value) throws TemplateException {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.vars.containsKey(name)) {
                    s.vars.put(name, value);
                    return;
                }
            }
            throw new TemplateException("undefined variable `" + name + "`");
        }
    }

    private static void execute(List<Node> nodes, Object dot, Scope scope, StringBuilder out) throws TemplateException {
        for (Node n : nodes) {
            if (n instanceof TextNode t) {
                out.append(t.text());
            } else if (n instanceof ActionNode a) {
                Object v = pipeline(a.pipeline(), dot, scope);
                if (a.pipeline().declares() == null) {
                    out.append(print(v));
                }
            } else if (n instanceof IfNode f) {
                Scope inner = new Scope(scope);
                execute(truth(pipeline(f.condition(), dot, inner)) ? f.then() : f.otherwise(), dot, inner, out);
            } else if (n instanceof WithNode w) {
                Scope inner = new Scope(scope);
                Object v = pipeline(w.value(), dot, inner);
                if (truth(v)) {
                    execute(w.then(), v, inner, out);
                } else {
                    execute(w.otherwise(), dot, inner, out);
                }
            }
        }
    }

    private static Object pipeline(Pipeline p, Object dot, Scope scope) throws TemplateException {
        Object piped = null;
        boolean hasPiped = false;
        for (List<Arg> command : p.commands()) {
            piped = command(command, hasPiped, piped, dot, scope);
            hasPiped = true;
        }
        if (p.declares() != null) {
            if (p.assign()) {
                scope.set(p.declares(), piped);
            } else {
                scope.vars.put(p.declares(), piped);
            }
        }
        return piped;
    }

    private static Object command(List<Arg> command, boolean hasPiped, Object piped, Object dot, Scope scope)
            throws TemplateException {
        Arg head = command.get(0);
        if (head instanceof Word w && !isConstant(w.name())) {
            List<Object> args = new ArrayList<>();
            for (Arg a : command.subList(1, command.size())) {
                args.add(value(a, dot, scope));
            }
            if (hasPiped) {
                args.add(piped);
            }
            return Functions.call(w.name(), args);
        }
        if (command.size() > 1 || hasPiped) {
            throw new TemplateException("cannot give arguments to a non-function");
        }
        return value(head, dot, scope);
    }

    private static boolean isConstant(String word) {
        return word.equals("true") || word.equals("false") || word.equals("nil");
    }

    private static Object value(Arg a, Object dot, Scope scope) throws TemplateException {
        if (a instanceof Literal l) {
            return l.value();
        }
        if (a instanceof Word w) {
            return switch (w.name()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "nil" -> null;
                default -> Functions.call(w.name(), List.of());
            };
        }
        if (a instanceof Var v) {
            return fields(scope.get(v.name()), v.fields());
        }
        if (a instanceof Dot d) {
            return fields(dot, d.fields());
        }
        return pipeline(((Sub) a).pipeline(), dot, new Scope(scope));
    }

    @SuppressWarnings("unchecked")
    private static Object fields(Object base, List<String> names) throws TemplateException {
        Object cur = base;
        for (String name : names) {
            if (cur instanceof Map<?, ?> m) {
                // Prometheus runs templates with missingkey=zero: an absent label reads as "".
                Object next = ((Map<String, Object>) m).get(name);
                cur = next == null && isLabelMap(m) ? "" : next;
            } else {
                throw new TemplateException("cannot read field `" + name + "` of " + Functions.typeName(cur));
            }
        }
        return cur;
    }

    private static boolean isLabelMap(Map<?, ?> m) {
        return !m.containsKey("Labels");
    }

    static boolean truth(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** How {@code {{ x }}} prints a value: Go's {@code %v}. */
    static String print(Object v) {
        if (v == null) {
            return "<no value>";
        }
        if (v instanceof Double d) {
            return GoFormat.v(d);
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder out = new StringBuilder("map[");
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                out.append(first ? "" : " ").append(e.getKey()).append(':').append(print(e.getValue()));
                first = false;
            }
            return out.append(']').toString();
        }
        return String.valueOf(v);
    }

    /** For {@code urlquery}: Go's QueryEscape, which, like Java's encoder, writes spaces as `+`. */
    static String queryEscape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
