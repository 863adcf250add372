package dev.vigil.compiler.promql;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Label-matcher regular expressions, which Prometheus anchors at both ends. */
final class Regexes {
    private Regexes() {
    }

    /**
     * Whether the fully anchored regex matches the empty string. Java's engine stands in for RE2;
     * when it cannot read a pattern (RE2-only syntax) the answer is false, so no error is raised.
     */
    static boolean matchesEmpty(String regex) {
        try {
            return Pattern.compile("(?s:" + regex + ")").matcher("").matches();
        } catch (PatternSyntaxException | StackOverflowError e) {
            return false;
        }
    }
}
