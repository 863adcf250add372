package dev.vigil.compiler.validate.slo;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.validate.Validator;

/**
 * An events SLI whose {@code errors} (or {@code good}) selector is the same as its {@code total}:
 * the error ratio is always 1 (every request fails) or the good ratio always 1 (none ever fails).
 * Usually a matcher such as {@code code=~"5.."} was forgotten.
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
                    if (part != null && PromqlPrinter.print(part).equals(PromqlPrinter.print(total))) {
                        String outcome = key.equals("errors") ? "every request counts as an error"
                                : "no request ever counts as an error";
                        sink.error(id(), part.span(), "`" + key + "` of SLO `" + slo.name()
                                + "` selects the same series as `total`, so " + outcome + ".",
                                "Add the matcher that singles out the " + (key.equals("errors") ? "failed" : "good")
                                        + " requests, such as `code=~\"5..\"`.");
                    }
                }
            }
        }
    }
}
