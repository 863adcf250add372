package dev.vigil.compiler.validate.slo;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An events SLI whose {@code errors} (or {@code good}) selector is the same as its {@code total}:
 * the error ratio is always 1 (every request fails) or the good ratio always 1 (none ever fails).
 * Usually a matcher such as {@code code=~"5.."} was forgotten. Two selectors are the same when they
 * have the same matchers, in any order, with the metric name written before the braces or as
 * {@code __name__}.
 */
public final class SameQuery implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Service s : project.services()) {
            for (Slo slo : s.slos()) {
                if (slo.sli() == null || slo.sli().kind() != Slo.SliKind.EVENTS) {
                    continue;
                }
                Expr total = slo.sli().queries().get("total");
                if (total == null) {
                    continue;
                }
                for (String key : new String[] {"errors", "good"}) {
                    Expr part = slo.sli().queries().get(key);
                    if (part != null && selection(part).equals(selection(total))) {
                        String outcome = key.equals("errors") ? "every request counts as an error"
                                : "no request ever counts as an error";
                        sink.error(id(), part.span(), "`" + key + "` of SLO `" + slo.name()
                                + "` selects the same series as `total`, so " + outcome + ".",
                                key.equals("errors")
                                        ? "Add the matcher that singles out the failed requests, such as `code=~\"5..\"`."
                                        : "Add the matcher that singles out the good requests, such as `code!~\"5..\"`.");
                    }
                }
            }
        }
    }

    /** The matchers of a selector, whatever their order; the query's text for anything else. */
    private static Object selection(Expr query) {
        if (!(Expr.unparen(query) instanceof VectorSelector v)) {
            return PromqlPrinter.print(query);
        }
        Set<List<Object>> matchers = new HashSet<>();
        if (v.metricName() != null) {
            matchers.add(Arrays.asList("__name__", MatchOp.EQ, v.metricName(), null));
        }
        for (LabelMatcher m : v.matchers()) {
            matchers.add(Arrays.asList(m.name(), m.op(), m.value(), m.constRef()));
        }
        return matchers;
    }
}
