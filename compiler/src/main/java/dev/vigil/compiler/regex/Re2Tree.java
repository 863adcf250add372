package dev.vigil.compiler.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The syntax tree of a valid RE2 regex ({@link Re2Syntax} accepted it), as sets of code points,
 * concatenation, alternation and counted repetition. What the tree cannot say exactly it widens:
 * Unicode classes ({@code \p{Greek}}) become any character, zero-width assertions in the middle
 * ({@code \b}, an inner {@code ^}) become empty, and {@code (?i)} adds every case variant. The
 * tree then matches at least what RE2 matches; {@link #exact()} says whether it matches exactly that.
 */
final class Re2Tree {
    sealed interface Node permits Chars, Concat, Alt, Repeat, Assert {
    }

    record Chars(CharRanges set) implements Node {
    }

    record Concat(List<Node> items) implements Node {
    }

    record Alt(List<Node> branches) implements Node {
    }

    /** {@code max} is -1 for no upper bound. */
    record Repeat(Node node, int min, int max) implements Node {
    }

    /** A zero-width assertion; {@code BEGIN} and {@code END} of the text or of a line. */
    record Assert(Kind kind) implements Node {
        enum Kind { BEGIN, END, OTHER }
    }

    private static final Map<String, CharRanges> POSIX = Map.ofEntries(
            Map.entry("alnum", CharRanges.of('0', '9', 'A', 'Z', 'a', 'z')),
            Map.entry("alpha", CharRanges.of('A', 'Z', 'a', 'z')),
            Map.entry("ascii", CharRanges.of(0, 0x7F)),
            Map.entry("blank", CharRanges.of('\t', '\t', ' ', ' ')),
            Map.entry("cntrl", CharRanges.of(0, 0x1F, 0x7F, 0x7F)),
            Map.entry("digit", CharRanges.of('0', '9')),
            Map.entry("graph", CharRanges.of(0x21, 0x7E)),
            Map.entry("lower", CharRanges.of('a', 'z')),
            Map.entry("print", CharRanges.of(0x20, 0x7E)),
            Map.entry("punct", CharRanges.of(0x21, 0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B, 0x7E)),
            Map.entry("space", CharRanges.of('\t', '\r', ' ', ' ')),
            Map.entry("upper", CharRanges.of('A', 'Z')),
            Map.entry("word", CharRanges.of('0', '9', 'A', 'Z', 'a', 'z', '_', '_')),
            Map.entry("xdigit", CharRanges.of('0', '9', 'A', 'F', 'a', 'f')));
    private static final CharRanges DIGIT = POSIX.get("digit");
    private static final CharRanges WORD = POSIX.get("word");
    private static final CharRanges SPACE = CharRanges.of('\t', '\n', '\f', '\r', ' ', ' ');

    private static final java.util.regex.Pattern CASE_FOLDING = java.util.regex.Pattern.compile("\\(\\?[a-zA-Z-]*i");
    private final String re;
    private int pos;
    private boolean fold;
    private boolean dotAll;
    private boolean multiLine;
    private boolean exact = true;
    private final Node root;

    private Re2Tree(String re, boolean dotAll) {
        this.re = re;
        this.dotAll = dotAll;
        this.root = trimAnchors(alternation());
    }

    /** The tree of {@code re}, which must be valid RE2; {@code dotAll} says whether {@code .} matches a newline. */
    static Re2Tree parse(String re, boolean dotAll) {
        return new Re2Tree(re, dotAll);
    }

    Node root() {
        return root;
    }

    /** Whether the tree matches exactly what RE2 matches, not more. */
    boolean exact() {
        // Case folding widens classes in ways the tree does not model (`(?i:\W)` and the Kelvin sign).
        return exact && !containsAssert(root) && !CASE_FOLDING.matcher(re).find();
    }

    // ------------------------------------------------------------------ anchors

    /** Drops the {@code ^} and {@code $} at the very ends of the (fully anchored) regex: there they assert nothing more. */
    private static Node trimAnchors(Node n) {
        if (n instanceof Alt a) {
            return new Alt(a.branches().stream().map(Re2Tree::trimAnchors).toList());
        }
        if (n instanceof Assert as && as.kind() != Assert.Kind.OTHER) {
            return new Concat(List.of());
        }
        if (!(n instanceof Concat c) || c.items().isEmpty()) {
            return n;
        }
        List<Node> items = new ArrayList<>(c.items());
        while (!items.isEmpty() && items.get(0) instanceof Assert as && as.kind() == Assert.Kind.BEGIN) {
            items.remove(0);
        }
        while (!items.isEmpty() && items.get(items.size() - 1) instanceof Assert as && as.kind() == Assert.Kind.END) {
            items.remove(items.size() - 1);
        }
        if (items.size() == 1 && (items.get(0) instanceof Alt || items.get(0) instanceof Concat)) {
            return trimAnchors(items.get(0));
        }
        return new Concat(items);
    }

    private static boolean containsAssert(Node n) {
        if (n instanceof Assert) {
            return true;
        }
        if (n instanceof Concat c) {
            return c.items().stream().anyMatch(Re2Tree::containsAssert);
        }
        if (n instanceof Alt a) {
            return a.branches().stream().anyMatch(Re2Tree::containsAssert);
        }
        return n instanceof Repeat r && containsAssert(r.node());
    }

    // ------------------------------------------------------------------ parsing

    private Node alternation() {
        List<Node> branches = new ArrayList<>();
        branches.add(concatenation());
        while (pos < re.length() && re.charAt(pos) == '|') {
            pos++;
            branches.add(concatenation());
        }
        return branches.size() == 1 ? branches.get(0) : new Alt(branches);
    }

    private Node concatenation() {
        List<Node> items = new ArrayList<>();
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            Node atom = atom();
            if (atom == null) {
                continue; // a flag group such as (?i)
            }
            items.add(quantified(atom));
        }
        return items.size() == 1 ? items.get(0) : new Concat(items);
    }

    private Node quantified(Node atom) {
        Node n = atom;
        while (pos < re.length()) {
            char c = re.charAt(pos);
            int min;
            int max;
            if (c == '*' || c == '+' || c == '?') {
                min = c == '+' ? 1 : 0;
                max = c == '?' ? 1 : -1;
                pos++;
            } else if (c == '{' && countEnd() > 0) {
                int end = countEnd();
                String body = re.substring(pos + 1, end - 1);
                int comma = body.indexOf(',');
                min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
                pos = end;
            } else {
                return n;
            }
            if (pos < re.length() && re.charAt(pos) == '?') {
                pos++; // lazy: changes which match is preferred, not whether one exists
            }
            n = new Repeat(n, min, max);
        }
        return n;
    }

    /** The index after a count {@code {n}}, {@code {n,}} or {@code {n,m}} at pos, or -1. */
    private int countEnd() {
        int i = pos + 1;
        int digits = i;
        while (i < re.length() && Character.isDigit(re.charAt(i))) {
            i++;
        }
        if (i == digits) {
            return -1;
        }
        if (i < re.length() && re.charAt(i) == ',') {
            i++;
            while (i < re.length() && Character.isDigit(re.charAt(i))) {
                i++;
            }
        }
        return i < re.length() && re.charAt(i) == '}' ? i + 1 : -1;
    }

    /** One atom, or null for a group that only sets flags. */
    private Node atom() {
        char c = re.charAt(pos);
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                return new Chars(charClass());
            }
            case '.' -> {
                pos++;
                return new Chars(dotAll ? CharRanges.ALL : CharRanges.NOT_NEWLINE);
            }
            case '^' -> {
                pos++;
                return new Assert(Assert.Kind.BEGIN);
            }
            case '$' -> {
                pos++;
                return new Assert(Assert.Kind.END);
            }
            case '\\' -> {
                return escape();
            }
            default -> {
                int cp = re.codePointAt(pos);
                pos += Character.charCount(cp);
                return literal(cp);
            }
        }
    }

    private Node literal(int cp) {
        CharRanges one = CharRanges.single(cp);
        if (fold) {
            exact = false;
            return new Chars(one.folded());
        }
        return new Chars(one);
    }

    private Node group() {
        pos++; // (
        boolean savedFold = fold;
        boolean savedDot = dotAll;
        boolean savedMulti = multiLine;
        if (re.startsWith("?P<", pos) || (re.startsWith("?<", pos))) {
            pos = re.indexOf('>', pos) + 1;
        } else if (re.startsWith("?", pos)) {
            pos++;
            boolean on = true;
            while (re.charAt(pos) != ':' && re.charAt(pos) != ')') {
                switch (re.charAt(pos)) {
                    case '-' -> on = false;
                    case 'i' -> fold = on;
                    case 's' -> dotAll = on;
                    case 'm' -> multiLine = on;
                    default -> {
                        // U: ungreedy, which does not change whether a whole value matches
                    }
                }
                pos++;
            }
            if (re.charAt(pos) == ')') {
                pos++;
                return null; // the flags hold to the end of the enclosing group
            }
            pos++; // :
        }
        Node inner = alternation();
        pos++; // )
        fold = savedFold;
        dotAll = savedDot;
        multiLine = savedMulti;
        return inner;
    }

    private Node escape() {
        char c = re.charAt(pos + 1);
        switch (c) {
            case 'b', 'B' -> {
                pos += 2;
                return new Assert(Assert.Kind.OTHER);
            }
            case 'A' -> {
                pos += 2;
                return new Assert(Assert.Kind.BEGIN);
            }
            case 'z' -> {
                pos += 2;
                return new Assert(Assert.Kind.END);
            }
            case 'Q' -> {
                int end = re.indexOf("\\E", pos + 2);
                String text = end < 0 ? re.substring(pos + 2) : re.substring(pos + 2, end);
                pos = end < 0 ? re.length() : end + 2;
                List<Node> items = new ArrayList<>();
                text.codePoints().forEach(cp -> items.add(literal(cp)));
                return items.size() == 1 ? items.get(0) : new Concat(items);
            }
            default -> {
                CharRanges set = escapeSet();
                return new Chars(fold ? set.folded() : set);
            }
        }
    }

    /** A class or single-character escape at pos (in or out of a class), as a set; advances past it. */
    private CharRanges escapeSet() {
        char c = re.charAt(pos + 1);
        pos += 2;
        switch (c) {
            case 'd' -> {
                return DIGIT;
            }
            case 'D' -> {
                return DIGIT.negate();
            }
            case 's' -> {
                return SPACE;
            }
            case 'S' -> {
                return SPACE.negate();
            }
            case 'w' -> {
                return WORD;
            }
            case 'W' -> {
                return WORD.negate();
            }
            case 'p', 'P' -> {
                // A Unicode class: widened to every character.
                if (re.charAt(pos) == '{') {
                    pos = re.indexOf('}', pos) + 1;
                } else {
                    pos++;
                }
                exact = false;
                return CharRanges.ALL;
            }
            default -> {
                return CharRanges.single(escapedChar(c));
            }
        }
    }

    /** The character of a single-character escape whose letter {@code c} is already consumed. */
    private int escapedChar(char c) {
        switch (c) {
            case 'a' -> {
                return 7;
            }
            case 'f' -> {
                return '\f';
            }
            case 't' -> {
                return '\t';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 'v' -> {
                return 11;
            }
            case 'x' -> {
                if (re.charAt(pos) == '{') {
                    int end = re.indexOf('}', pos);
                    int cp = Integer.parseInt(re.substring(pos + 1, end), 16);
                    pos = end + 1;
                    return cp;
                }
                int cp = Integer.parseInt(re.substring(pos, pos + 2), 16);
                pos += 2;
                return cp;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int start = pos - 1;
                for (int n = 0; n < 2 && pos < re.length() && re.charAt(pos) >= '0' && re.charAt(pos) <= '7'; n++) {
                    pos++;
                }
                return Integer.parseInt(re.substring(start, pos), 8);
            }
            default -> {
                return c; // escaped punctuation
            }
        }
    }

    private CharRanges charClass() {
        pos++; // [
        boolean negated = false;
        if (re.charAt(pos) == '^') {
            negated = true;
            pos++;
        }
        CharRanges set = CharRanges.of();
        boolean first = true;
        while (re.charAt(pos) != ']' || first) {
            first = false;
            if (re.startsWith("[:", pos) && re.indexOf(":]", pos + 2) >= 0) {
                int end = re.indexOf(":]", pos + 2);
                String name = re.substring(pos + 2, end);
                CharRanges posix = name.startsWith("^") ? POSIX.get(name.substring(1)).negate() : POSIX.get(name);
                set = set.union(posix);
                pos = end + 2;
                continue;
            }
            int lo;
            if (re.charAt(pos) == '\\') {
                CharRanges esc = escapeSet();
                if (!isSingle(esc)) {
                    set = set.union(esc);
                    continue;
                }
                lo = esc.bounds()[0];
            } else {
                lo = re.codePointAt(pos);
                pos += Character.charCount(lo);
            }
            int hi = lo;
            if (re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                pos++;
                if (re.charAt(pos) == '\\') {
                    hi = escapeSet().bounds()[0];
                } else {
                    hi = re.codePointAt(pos);
                    pos += Character.charCount(hi);
                }
            }
            set = set.union(CharRanges.of(lo, hi));
        }
        pos++; // ]
        if (fold) {
            exact = false;
            set = set.folded();
        }
        return negated ? set.negate() : set;
    }

    private static boolean isSingle(CharRanges s) {
        return s.bounds().length == 2 && s.bounds()[0] == s.bounds()[1];
    }
}
