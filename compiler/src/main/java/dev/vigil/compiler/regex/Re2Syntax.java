package dev.vigil.compiler.regex;

import java.util.Optional;

/**
 * A validator for RE2 syntax, the regular expressions Prometheus and Alertmanager accept (Go's
 * {@code regexp/syntax} with Perl flags). Java's engine accepts things RE2 refuses (backreferences,
 * lookaround, possessive quantifiers, atomic groups, {@code \Z}) and refuses some RE2 syntax
 * ({@code (?P<name>...)}), so it cannot stand in. This reads the pattern once, left to right.
 */
final class Re2Syntax {
    /** Go's limit on a repetition count. */
    private static final int MAX_REPEAT = 1000;
    private static final int MAX_DEPTH = 1000;

    private final String re;
    private int pos;

    private Re2Syntax(String re) {
        this.re = re;
    }

    /** Empty when RE2 accepts {@code re}; otherwise why not, as a sentence fragment ("lookahead is not supported"). */
    static Optional<String> problem(String re) {
        try {
            new Re2Syntax(re).parse();
            return Optional.empty();
        } catch (Invalid e) {
            return Optional.of(e.getMessage());
        }
    }

    private static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private void parse() throws Invalid {
        int depth = 0;
        boolean canRepeat = false; // whether the last item can take a quantifier
        boolean lastWasRepeat = false;
        while (pos < re.length()) {
            char c = re.charAt(pos);
            switch (c) {
                case '(' -> {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        throw new Invalid("it nests groups too deeply");
                    }
                    pos++;
                    if (pos < re.length() && re.charAt(pos) == '?' && group()) {
                        depth--; // `(?i)` sets flags and closes at once
                    }
                    canRepeat = false;
                    lastWasRepeat = false;
                }
                case ')' -> {
                    if (depth == 0) {
                        throw new Invalid("it has an unmatched `)`");
                    }
                    depth--;
                    pos++;
                    canRepeat = true;
                    lastWasRepeat = false;
                }
                case '|' -> {
                    pos++;
                    canRepeat = false;
                    lastWasRepeat = false;
                }
                case '*', '+', '?' -> {
                    repeat(canRepeat, lastWasRepeat, String.valueOf(c));
                    pos++;
                    lazy();
                    canRepeat = false;
                    lastWasRepeat = true;
                }
                case '{' -> {
                    int end = counted();
                    if (end < 0) {
                        pos++; // a literal brace, as in Go
                        canRepeat = true;
                        lastWasRepeat = false;
                    } else {
                        repeat(canRepeat, lastWasRepeat, re.substring(pos, end));
                        pos = end;
                        lazy();
                        canRepeat = false;
                        lastWasRepeat = true;
                    }
                }
                case '[' -> {
                    charClass();
                    canRepeat = true;
                    lastWasRepeat = false;
                }
                case '\\' -> {
                    boolean assertion = escape(false);
                    canRepeat = !assertion;
                    lastWasRepeat = false;
                }
                case '^', '$' -> {
                    pos++;
                    canRepeat = false; // Go refuses `^*` as a missing argument
                    lastWasRepeat = false;
                }
                default -> {
                    pos += Character.charCount(re.codePointAt(pos));
                    canRepeat = true;
                    lastWasRepeat = false;
                }
            }
        }
        if (depth > 0) {
            throw new Invalid("it has an unclosed `(`");
        }
    }

    private void repeat(boolean canRepeat, boolean lastWasRepeat, String op) throws Invalid {
        if (lastWasRepeat) {
            if (op.equals("+")) {
                throw new Invalid("possessive quantifiers (`*+`, `++`, `?+`) are not supported");
            }
            throw new Invalid("the repetition `" + op + "` follows another repetition");
        }
        if (!canRepeat) {
            throw new Invalid("the repetition `" + op + "` has nothing to repeat");
        }
    }

    private void lazy() {
        if (pos < re.length() && re.charAt(pos) == '?') {
            pos++;
        }
    }

    /** The end of a counted repetition {@code {n}}, {@code {n,}}, {@code {n,m}} at pos, or -1 when it is not one. */
    private int counted() throws Invalid {
        int i = pos + 1;
        int start = i;
        while (i < re.length() && Character.isDigit(re.charAt(i))) {
            i++;
        }
        if (i == start) {
            return -1;
        }
        long min = number(re.substring(start, i));
        long max = min;
        if (i < re.length() && re.charAt(i) == ',') {
            i++;
            int s2 = i;
            while (i < re.length() && Character.isDigit(re.charAt(i))) {
                i++;
            }
            max = i == s2 ? -1 : number(re.substring(s2, i));
        }
        if (i >= re.length() || re.charAt(i) != '}') {
            return -1;
        }
        if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
            throw new Invalid("the repetition `" + re.substring(pos, i + 1) + "` is out of range (at most 1000, minimum first)");
        }
        return i + 1;
    }

    private static long number(String digits) {
        return digits.length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** After {@code (?}: flags, a named group, or something RE2 refuses. True when it closed itself, as {@code (?i)} does. */
    private boolean group() throws Invalid {
        pos++; // the '?'
        if (pos >= re.length()) {
            throw new Invalid("it ends inside a group");
        }
        char c = re.charAt(pos);
        if (c == '=' || c == '!') {
            throw new Invalid("lookahead `(?" + c + "` is not supported");
        }
        if (c == '>') {
            throw new Invalid("atomic groups `(?>` are not supported");
        }
        if (c == '#') {
            throw new Invalid("comments `(?#` are not supported");
        }
        if (c == '\'') {
            throw new Invalid("named groups `(?'name'` are not supported; write `(?P<name>...)`");
        }
        if (c == '<' && pos + 1 < re.length() && (re.charAt(pos + 1) == '=' || re.charAt(pos + 1) == '!')) {
            throw new Invalid("lookbehind `(?<" + re.charAt(pos + 1) + "` is not supported");
        }
        if (c == 'P' || c == '<') {
            if (c == 'P') {
                pos++;
                if (pos >= re.length() || re.charAt(pos) != '<') {
                    throw new Invalid("`(?P` must start a named group `(?P<name>...)`");
                }
            }
            int end = re.indexOf('>', pos);
            if (end < 0) {
                throw new Invalid("a group name is not closed with `>`");
            }
            String name = re.substring(pos + 1, end);
            if (name.isEmpty() || !name.matches("[A-Za-z0-9_]+")) {
                throw new Invalid("the group name `" + name + "` is not a word");
            }
            pos = end + 1;
            return false;
        }
        // Flags: (?i) (?i-s) (?i:...)
        boolean negated = false;
        boolean any = false;
        while (pos < re.length()) {
            c = re.charAt(pos);
            if (c == 'i' || c == 'm' || c == 's' || c == 'U') {
                any = true;
                pos++;
            } else if (c == '-' && !negated) {
                negated = true;
                any = false;
                pos++;
            } else if (c == ':' || c == ')') {
                if (negated && !any) {
                    throw new Invalid("the flag group has `-` without a flag after it");
                }
                pos++;
                return c == ')';
            } else {
                throw new Invalid("`(?" + re.charAt(pos) + "` is not supported; RE2 flags are `i`, `m`, `s` and `U`");
            }
        }
        throw new Invalid("it ends inside a group");
    }

    /**
     * An escape at pos. Returns whether it is a zero-width assertion ({@code \b}, {@code \A}, ...).
     * Inside a class the assertions are refused.
     */
    private boolean escape(boolean inClass) throws Invalid {
        pos++; // the backslash
        if (pos >= re.length()) {
            throw new Invalid("it ends with a lone `\\`");
        }
        char c = re.charAt(pos);
        pos++;
        switch (c) {
            case 'a', 'f', 't', 'n', 'r', 'v', 'd', 'D', 's', 'S', 'w', 'W' -> {
                return false;
            }
            case 'b', 'B', 'A', 'z' -> {
                if (inClass) {
                    throw new Invalid("`\\" + c + "` is not allowed in a character class");
                }
                return true;
            }
            case 'Q' -> {
                int end = re.indexOf("\\E", pos);
                pos = end < 0 ? re.length() : end + 2;
                return false;
            }
            case 'x' -> {
                hex();
                return false;
            }
            case 'p', 'P' -> {
                unicodeClass(c);
                return false;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                // Octal: \0, or \1..\7 followed by more octal digits. A lone \1..\7 is a backreference.
                if (c != '0' && (pos >= re.length() || re.charAt(pos) < '0' || re.charAt(pos) > '7')) {
                    throw new Invalid("backreferences such as `\\" + c + "` are not supported");
                }
                for (int n = 0; n < 2 && pos < re.length() && re.charAt(pos) >= '0' && re.charAt(pos) <= '7'; n++) {
                    pos++;
                }
                return false;
            }
            case '8', '9' -> throw new Invalid("backreferences such as `\\" + c + "` are not supported");
            case 'Z' -> throw new Invalid("`\\Z` is not supported; write `\\z` or `$`");
            case 'G', 'h', 'H', 'V', 'R', 'K', 'X', 'e', 'c', 'k', 'g', 'N', 'o', 'u', 'U', 'l', 'L', 'E' ->
                    throw new Invalid("the escape `\\" + c + "` is not supported");
            default -> {
                if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                    return false; // an escaped punctuation character
                }
                throw new Invalid("the escape `\\" + c + "` is not supported");
            }
        }
    }

    private void hex() throws Invalid {
        if (pos < re.length() && re.charAt(pos) == '{') {
            int end = re.indexOf('}', pos);
            if (end < 0 || end == pos + 1 || !re.substring(pos + 1, end).matches("[0-9A-Fa-f]{1,8}")
                    || Long.parseLong(re.substring(pos + 1, end), 16) > 0x10FFFF) {
                throw new Invalid("the escape `\\x{...}` needs a hexadecimal code point up to 10FFFF");
            }
            pos = end + 1;
            return;
        }
        if (pos + 2 > re.length() || !re.substring(pos, pos + 2).matches("[0-9A-Fa-f]{2}")) {
            throw new Invalid("the escape `\\x` needs two hexadecimal digits");
        }
        pos += 2;
    }

    private void unicodeClass(char p) throws Invalid {
        if (pos >= re.length()) {
            throw new Invalid("the escape `\\" + p + "` needs a class name");
        }
        if (re.charAt(pos) == '{') {
            int end = re.indexOf('}', pos);
            if (end < 0) {
                throw new Invalid("the class `\\" + p + "{` is not closed");
            }
            String name = re.substring(pos + 1, end);
            if (name.startsWith("^")) {
                name = name.substring(1);
            }
            // A general category (`L`, `Lu`), `Any`, or a script name (`Greek`, `Old_Italic`).
            if (!name.matches("[CLMNPSZ][a-z]?|Any|[A-Z][a-z]+(_[A-Z][a-z]+)*")) {
                throw new Invalid("`\\" + p + "{" + name + "}` is not a Unicode class");
            }
            pos = end + 1;
        } else {
            if ("CLMNPSZ".indexOf(re.charAt(pos)) < 0) {
                throw new Invalid("`\\" + p + re.charAt(pos) + "` is not a Unicode class; one-letter classes are C, L, M, N, P, S and Z");
            }
            pos++;
        }
    }

    private void charClass() throws Invalid {
        int start = pos;
        pos++; // '['
        if (pos < re.length() && re.charAt(pos) == '^') {
            pos++;
        }
        boolean first = true;
        while (pos < re.length()) {
            char c = re.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                return;
            }
            first = false;
            if (c == '[' && pos + 1 < re.length() && re.charAt(pos + 1) == ':') {
                int end = re.indexOf(":]", pos + 2);
                if (end >= 0) {
                    String name = re.substring(pos + 2, end);
                    if (name.startsWith("^")) {
                        name = name.substring(1);
                    }
                    if (!name.matches("alnum|alpha|ascii|blank|cntrl|digit|graph|lower|print|punct|space|upper|word|xdigit")) {
                        throw new Invalid("`[:" + name + ":]` is not a character class");
                    }
                    pos = end + 2;
                    continue;
                }
            }
            int lo;
            if (c == '\\') {
                int before = pos;
                escape(true);
                String esc = re.substring(before, pos);
                lo = esc.length() == 2 && !Character.isLetterOrDigit(esc.charAt(1)) ? esc.charAt(1)
                        : single(esc);
            } else {
                lo = re.codePointAt(pos);
                pos += Character.charCount(lo);
            }
            if (pos + 1 < re.length() && re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                pos++;
                int hi;
                if (re.charAt(pos) == '\\') {
                    int before = pos;
                    escape(true);
                    hi = single(re.substring(before, pos));
                } else {
                    hi = re.codePointAt(pos);
                    pos += Character.charCount(hi);
                }
                if (lo < 0 || hi < 0) {
                    throw new Invalid("a class range must be between two single characters");
                }
                if (hi < lo) {
                    throw new Invalid("the class range `" + new String(Character.toChars(lo)) + "-"
                            + new String(Character.toChars(hi)) + "` is out of order");
                }
            }
        }
        throw new Invalid("the character class starting `" + re.substring(start, Math.min(re.length(), start + 10))
                + "` is not closed with `]`");
    }

    /** The character an escape stands for, or -1 for a class escape such as {@code \d}. */
    private static int single(String esc) {
        char c = esc.charAt(1);
        return switch (c) {
            case 'a' -> 7;
            case 'f' -> '\f';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 'v' -> 11;
            case 'x' -> {
                String digits = esc.startsWith("\\x{") ? esc.substring(3, esc.length() - 1) : esc.substring(2);
                yield Integer.parseInt(digits, 16);
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> Integer.parseInt(esc.substring(1), 8);
            default -> Character.isLetterOrDigit(c) ? -1 : c;
        };
    }
}
