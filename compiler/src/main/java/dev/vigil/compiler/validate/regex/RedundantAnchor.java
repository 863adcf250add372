package dev.vigil.compiler.validate.regex;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.regex.Re2;
import dev.vigil.compiler.validate.Validator;

/**
 * A label-matcher regex that starts with {@code ^} or ends with {@code $}. Prometheus and
 * Alertmanager anchor every matcher regex at both ends already, so the anchors only suggest that
 * the regex would otherwise match a substring.
 */
public final class RedundantAnchor implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (RegexUses.Use u : RegexUses.of(project)) {
            String stripped = strip(u.value());
            if (stripped.equals(u.value()) || Re2.problem(u.value()).isPresent()) {
                continue;
            }
            Diagnostic d = new Diagnostic(id(), Severity.INFO, u.span(),
                    "The anchors in `" + u.value() + "` are redundant: matcher regexes always match the whole value.",
                    "Write `" + stripped + "`." + (u.value().startsWith("^") && !u.value().endsWith("$")
                            ? " A lone `^` reads as a prefix match, which it is not: if a prefix was meant, write `"
                                    + (alternates(stripped) ? "(" + stripped + ")" : stripped) + ".*`." : ""), null);
            if (u.literal() && u.matcher() != null) {
                d = d.withFix(new Fix("Remove the anchors", u.span(),
                        u.label() + u.matcher().op().symbol() + Strings.quote(stripped)));
            }
            sink.report(d);
        }
    }

    /** Whether {@code re} has a {@code |} outside parentheses, so that a suffix needs them around it. */
    static boolean alternates(String re) {
        int depth = 0;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** The regex without a leading {@code ^} and an unescaped trailing {@code $}. */
    static String strip(String re) {
        String out = re;
        if (out.startsWith("^")) {
            out = out.substring(1);
        }
        if (out.endsWith("$")) {
            int backslashes = 0;
            for (int i = out.length() - 2; i >= 0 && out.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                out = out.substring(0, out.length() - 1);
            }
        }
        return out;
    }
}
