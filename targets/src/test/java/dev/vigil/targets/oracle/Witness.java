package dev.vigil.targets.oracle;

import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A label value every matcher on that label accepts, checked with Prometheus's RE2 semantics: an
 * equality value, an example of a regex ({@code 5..} gives {@code 500}, {@code [45]..} gives
 * {@code 400}, {@code a|b} gives {@code a}), or a neutral value. The empty value means the label is
 * absent.
 */
final class Witness {
    private static final List<String> NEUTRAL = List.of("v", "x", "0", "500", "test", "");

    private Witness() {
    }

    /** A value for a label the matchers constrain, preferring {@code preferred} when they accept it. */
    static Optional<String> value(List<LabelMatcher> matchers, String preferred) {
        Set<String> candidates = new LinkedHashSet<>();
        for (LabelMatcher m : matchers) {
            if (m.op() == MatchOp.EQ) {
                candidates.add(m.value());
            } else if (m.op() == MatchOp.RE) {
                candidates.addAll(examples(m.value()));
            }
        }
        candidates.add(preferred);
        candidates.addAll(NEUTRAL);
        for (String c : candidates) {
            if (matchers.stream().allMatch(m -> m.matches(c).orElse(false))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Strings the regex probably matches, one per top-level alternative. */
    static List<String> examples(String regex) {
        List<String> out = new ArrayList<>();
        for (String branch : split(regex)) {
            StringBuilder b = new StringBuilder();
            try {
                sequence(branch, 0, branch.length(), b);
                out.add(b.toString());
            } catch (RuntimeException e) {
                // Too clever for this sketch: the neutral values remain.
            }
        }
        return out;
    }

    /** The top-level alternatives of a regex. */
    private static List<String> split(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return out;
    }

    /** Appends an example of {@code re[from, to)} (no top-level alternation) to {@code out}. */
    private static void sequence(String re, int from, int to, StringBuilder out) {
        int i = from;
        while (i < to) {
            char c = re.charAt(i);
            String atom;
            int next;
            if (c == '^' || c == '$') {
                i++;
                continue;
            } else if (c == '\\') {
                char e = re.charAt(i + 1);
                atom = switch (e) {
                    case 'd' -> "0";
                    case 'w' -> "a";
                    case 's' -> " ";
                    default -> String.valueOf(e);
                };
                next = i + 2;
            } else if (c == '[') {
                int close = re.indexOf(']', i + 2);
                String body = re.substring(i + 1, close);
                atom = body.startsWith("^") ? "~" : body.startsWith("\\") ? examples(body).get(0) : body.substring(0, 1);
                next = close + 1;
            } else if (c == '(') {
                int close = matching(re, i);
                String inner = re.substring(i + 1, close);
                if (inner.startsWith("?:")) {
                    inner = inner.substring(2);
                }
                atom = examples(inner).get(0);
                next = close + 1;
            } else if (c == '.') {
                atom = "0";
                next = i + 1;
            } else {
                atom = String.valueOf(c);
                next = i + 1;
            }
            int repeat = 1;
            if (next < to) {
                char q = re.charAt(next);
                if (q == '*' || q == '?') {
                    repeat = 0;
                    next++;
                } else if (q == '+') {
                    next++;
                } else if (q == '{') {
                    int close = re.indexOf('}', next);
                    repeat = Integer.parseInt(re.substring(next + 1, close).split(",")[0].strip());
                    next = close + 1;
                }
                if (next < to && re.charAt(next) == '?') {
                    next++; // lazy
                }
            }
            out.append(atom.repeat(repeat));
            i = next;
        }
    }

    private static int matching(String re, int open) {
        int depth = 0;
        for (int i = open; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced");
    }
}
