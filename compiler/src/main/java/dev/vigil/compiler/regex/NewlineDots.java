package dev.vigil.compiler.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where a regex's {@code .} would match a newline in Prometheus 3 but not in Prometheus 2, which
 * wraps label matchers as {@code ^(?:re)$} where 3.0 writes {@code ^(?s:re)$}.
 */
public final class NewlineDots {
    private NewlineDots() {
    }

    /**
     * The index of the first {@code .} in {@code re} that means any character (not escaped, not in a
     * character class), or empty when there is none or when {@code re} sets its own {@code s} flag,
     * so that both releases read it alike.
     */
    public static OptionalInt first(String re) {
        List<Integer> all = all(re);
        return all.isEmpty() ? OptionalInt.empty() : OptionalInt.of(all.get(0));
    }

    /** Every such dot, by index; empty as for {@link #first}. */
    public static List<Integer> all(String re) {
        List<Integer> found = new ArrayList<>();
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (i + 1 < re.length() && re.charAt(i + 1) == 'Q') {
                    int end = re.indexOf("\\E", i + 2);
                    i = end < 0 ? re.length() : end + 1;
                } else {
                    i++;
                }
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
                    // A POSIX class such as [:alpha:] inside the brackets.
                    int end = re.indexOf(":]", i + 2);
                    i = end < 0 ? i : end + 1;
                }
            } else if (c == '[') {
                inClass = true;
                // A `]` first in the class (after an optional `^`) is a literal.
                int next = i + 1 < re.length() && re.charAt(i + 1) == '^' ? i + 2 : i + 1;
                if (next < re.length() && re.charAt(next) == ']') {
                    next++;
                }
                i = next - 1;
            } else if (c == '(' && i + 1 < re.length() && re.charAt(i + 1) == '?' && setsDotAll(re, i + 2)) {
                return List.of();
            } else if (c == '.') {
                found.add(i);
            }
        }
        return found;
    }

    /** {@code re} with every such dot written {@code [^\n]}, which reads as Prometheus 2 read the dot, in every release. */
    public static String asBefore(String re) {
        StringBuilder b = new StringBuilder(re);
        List<Integer> dots = all(re);
        for (int k = dots.size() - 1; k >= 0; k--) {
            b.replace(dots.get(k), dots.get(k) + 1, "[^\\n]");
        }
        return b.toString();
    }

    /** Whether the flags of a group starting at {@code from} (after {@code (?}) turn {@code s} on. */
    private static boolean setsDotAll(String re, int from) {
        for (int i = from; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == 's') {
                return true;
            }
            if (c == '-' || c == ':' || c == ')' || !Character.isLetter(c)) {
                return false;
            }
        }
        return false;
    }
}
