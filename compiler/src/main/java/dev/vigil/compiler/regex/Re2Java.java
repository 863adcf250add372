package dev.vigil.compiler.regex;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Java spelling of a valid RE2 regex, matching the same strings once compiled with the flags
 * {@link Re2} gives it ({@code UNIX_LINES}, so {@code .} stops only at {@code \n}; {@code
 * UNICODE_CASE}, so {@code (?i)} folds as RE2 does). Java reads some RE2 syntax differently: it
 * does not know {@code (?P<name>} or names with {@code _}, {@code \v} and {@code \s} are wider
 * classes, {@code \12} is a backreference rather than an octal escape, {@code $} also matches
 * before a final newline, {@code [} and {@code &&} inside a class nest and intersect, {@code
 * [:alpha:]} is not a POSIX class, {@code \b} is Unicode-aware, a brace that is no count is an
 * error, and its {@code U} flag means something else. RE2's {@code U} (ungreedy) only changes
 * which match is preferred, never whether a whole value matches, so it is dropped.
 */
final class Re2Java {
    /** RE2's POSIX classes (ASCII), as Java's ASCII property classes. */
    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alnum", "Alnum"),
            Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"), Map.entry("blank", "Blank"),
            Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"), Map.entry("graph", "Graph"),
            Map.entry("lower", "Lower"), Map.entry("print", "Print"), Map.entry("punct", "Punct"),
            Map.entry("space", "Space"), Map.entry("upper", "Upper"), Map.entry("word", "word"),
            Map.entry("xdigit", "XDigit"));
    private static final Pattern COUNT = Pattern.compile("\\{[0-9]+(,[0-9]*)?\\}");
    private static final String RE2_SPACE = "\\t\\n\\f\\r ";
    /** RE2's {@code \b} and {@code \B}: boundaries of ASCII word characters only. */
    private static final String WORD = "[0-9A-Za-z_]";
    private static final String BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
    private static final String NOT_BOUNDARY = "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";

    private Re2Java() {
    }

    /** The Java spelling of {@code re}, which must be valid RE2 ({@link Re2Syntax}). */
    static String translate(String re) {
        StringBuilder out = new StringBuilder(re.length() + 8);
        boolean multiline = false;
        // The `m` flag of each open group, restored when it closes: flags are scoped to their group.
        java.util.ArrayDeque<Boolean> open = new java.util.ArrayDeque<>();
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (c == '\\') {
                i = escape(re, i, out, false);
            } else if (c == '[') {
                i = charClass(re, i, out);
            } else if (c == '(' && re.startsWith("(?", i)) {
                int j = i + 2;
                if (re.startsWith("P<", j) || re.startsWith("<", j)) {
                    // Names are never used, and Java refuses RE2's `_` in them: a plain group.
                    open.push(multiline);
                    out.append("(?:");
                    i = re.indexOf('>', j) + 1;
                    continue;
                }
                // Flags: copy them but U (ungreedy in RE2, Unicode classes in Java), which cannot
                // change whether a whole value matches. `m` decides what a later `$` means.
                StringBuilder flags = new StringBuilder();
                boolean negated = false;
                boolean outer = multiline;
                while (j < re.length() && re.charAt(j) != ':' && re.charAt(j) != ')') {
                    char f = re.charAt(j);
                    negated |= f == '-';
                    if (f == 'm') {
                        multiline = !negated;
                    }
                    if (f != 'U') {
                        flags.append(f);
                    }
                    j++;
                }
                // Java refuses the `(?)` and `(?-:` that dropping U can leave.
                String kept = flags.toString().replaceAll("-$", "");
                if (re.charAt(j) == ':') {
                    open.push(outer);
                    out.append("(?").append(kept).append(':');
                } else if (!kept.isEmpty()) {
                    out.append("(?").append(kept).append(')');
                }
                i = j + 1;
            } else if (c == '{' || c == '}') {
                // RE2 reads a brace that does not form a count as a literal; Java refuses it.
                java.util.regex.Matcher count = COUNT.matcher(re).region(i, re.length());
                if (c == '{' && count.lookingAt()) {
                    out.append(count.group());
                    i = count.end();
                } else {
                    out.append('\\').append(c);
                    i++;
                }
            } else if (c == '$' && !multiline) {
                out.append("\\z");
                i++;
            } else if (c == '^' && multiline) {
                // RE2's multi-line `^` also holds at the end of the text (after a final newline, or
                // in an empty one); Java's does not.
                out.append("(?:\\A|(?<=\n))");
                i++;
            } else if (c == '(') {
                open.push(multiline);
                out.append(c);
                i++;
            } else if (c == ')') {
                multiline = open.isEmpty() ? multiline : open.pop();
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Copies the escape at {@code i}, translated; returns the index after it. */
    private static int escape(String re, int i, StringBuilder out, boolean inClass) {
        char c = re.charAt(i + 1);
        int next = i + 2;
        switch (c) {
            case 'v' -> out.append("\\x0B");
            case 'b' -> out.append(BOUNDARY);
            case 'B' -> out.append(NOT_BOUNDARY);
            case 's' -> out.append(inClass ? RE2_SPACE : "[" + RE2_SPACE + "]");
            case 'S' -> out.append(inClass ? "\\S" : "[^" + RE2_SPACE + "]");
            case 'Q' -> {
                int end = re.indexOf("\\E", next);
                String literal = end < 0 ? re.substring(next) : re.substring(next, end);
                for (int k = 0; k < literal.length(); k++) {
                    appendLiteral(out, literal.charAt(k));
                }
                next = end < 0 ? re.length() : end + 2;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int k = next;
                while (k < re.length() && k < next + 2 && re.charAt(k) >= '0' && re.charAt(k) <= '7') {
                    k++;
                }
                int code = Integer.parseInt(re.substring(i + 1, k), 8);
                out.append(String.format("\\x{%X}", code));
                next = k;
            }
            default -> {
                out.append('\\').append(c);
                // \x{...}, \p{...} and \P{...} carry their braces along.
                if ((c == 'p' || c == 'P') && next < re.length() && re.charAt(next) == '{') {
                    // Java knows scripts as `IsGreek` and everything as `all`.
                    int end = re.indexOf('}', next);
                    String name = re.substring(next + 1, end);
                    boolean negated = name.startsWith("^");
                    name = negated ? name.substring(1) : name;
                    if (negated) {
                        out.setCharAt(out.length() - 1, c == 'p' ? 'P' : 'p');
                    }
                    out.append('{').append(name.equals("Any") ? "all" : name.length() > 2 ? "Is" + name : name).append('}');
                    next = end + 1;
                } else if (c == 'x' && next < re.length() && re.charAt(next) == '{') {
                    int end = re.indexOf('}', next);
                    out.append(re, next, end + 1);
                    next = end + 1;
                } else if (c == 'x') {
                    out.append(re, next, next + 2);
                    next += 2;
                } else if ((c == 'p' || c == 'P') && next < re.length()) {
                    out.append(re.charAt(next));
                    next++;
                }
            }
        }
        return next;
    }

    private static void appendLiteral(StringBuilder out, char c) {
        if ("\\[](){}.*+?^$|&-".indexOf(c) >= 0) {
            out.append('\\');
        }
        out.append(c);
    }

    /** Copies the class starting at {@code i}, with RE2's literal {@code [}, {@code &&} and POSIX names translated. */
    private static int charClass(String re, int i, StringBuilder out) {
        out.append('[');
        int j = i + 1;
        if (j < re.length() && re.charAt(j) == '^') {
            out.append('^');
            j++;
        }
        boolean first = true;
        while (j < re.length()) {
            char c = re.charAt(j);
            if (c == ']' && !first) {
                out.append(']');
                return j + 1;
            }
            first = false;
            if (c == '[' && re.startsWith("[:", j)) {
                int end = re.indexOf(":]", j + 2);
                if (end > 0) {
                    String name = re.substring(j + 2, end);
                    boolean negated = name.startsWith("^");
                    String cls = POSIX.get(negated ? name.substring(1) : name);
                    if (cls != null) {
                        if (cls.equals("word")) {
                            out.append(negated ? "\\W" : "\\w");
                        } else {
                            out.append(negated ? "\\P{" : "\\p{").append(cls).append('}');
                        }
                        j = end + 2;
                        continue;
                    }
                }
            }
            if (c == '\\') {
                j = escape(re, j, out, true);
            } else if (c == '[' || c == ']' || c == '&') {
                out.append('\\').append(c);
                j++;
            } else {
                out.append(c);
                j++;
            }
        }
        return j;
    }
}
