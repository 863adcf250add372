package dev.vigil.compiler.validate.regex;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.regex.Re2;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code label=~".*"}: a matcher that matches every value, and the absence of the label too, so it
 * selects nothing less than the selector without it. It reads as a filter but is none. Decided on
 * the regex's automaton, so {@code .{0,}} and {@code .*|api} count too. In a query it changes no
 * result (info); in an Alertmanager matcher the route or inhibition takes every alert, also those
 * without the label (warning).
 */
public final class MatchesEverything implements Validator {
    private static final Set<String> EVERYTHING = Set.of(".*", "(.*)", "(?:.*)", ".*?", "(?s).*", "(?s:.*)", "^.*$",
            "^(.*)$", "(?s)(.*)");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (RegexUses.Use u : RegexUses.of(project)) {
            if (u.negated() || !(EVERYTHING.contains(u.value())
                    || (u.alertmanager() ? Re2.ALERTMANAGER : Re2.PROMETHEUS).matchesEveryLine(u.value()))) {
                continue;
            }
            VectorSelector sel = u.selector();
            if (sel != null && sel.metricName() == null && sel.matchers().size() == 1) {
                continue; // a selector with nothing else is PromQL's own error
            }
            Diagnostic d = new Diagnostic(id(), u.alertmanager() ? Severity.WARNING : Severity.INFO, u.span(),
                    "The matcher `" + u.label() + "=~\"" + u.value() + "\"` matches every value, and " + (u.alertmanager() ? "alerts" : "series") + " without `"
                            + u.label() + "` too.",
                    "Remove it; to require the label, write `" + u.label() + "=~\".+\"` or `" + u.label() + "!=\"\"`.", null);
            if (sel != null && u.matcher() != null) {
                List<LabelMatcher> rest = new ArrayList<>();
                for (LabelMatcher m : sel.matchers()) {
                    if (m != u.matcher()) {
                        rest.add(m);
                    }
                }
                d = d.withFix(new Fix("Remove the matcher", sel.span(),
                        PromqlPrinter.print(new VectorSelector(sel.metricName(), rest, sel.span()))));
            }
            sink.report(d);
        }
    }
}
