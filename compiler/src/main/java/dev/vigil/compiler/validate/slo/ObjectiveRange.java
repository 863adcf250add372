package dev.vigil.compiler.validate.slo;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.validate.Validator;
import java.math.BigDecimal;

/**
 * An objective must lie strictly between 0% and 100%. At 100% the error budget is zero, so every
 * burn rate divides by zero; at 0% or below there is nothing to protect.
 */
public final class ObjectiveRange implements Validator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Service s : project.services()) {
            for (Slo slo : s.slos()) {
                BigDecimal p = slo.objectivePercent();
                if (p == null || slo.objectiveInRange()) {
                    continue;
                }
                String written = p.stripTrailingZeros().toPlainString() + "%";
                String hint = p.compareTo(HUNDRED) >= 0
                        ? "An objective of 100% leaves no error budget, so no burn rate can be computed; "
                                + "use `99.99%` or similar."
                        : "Use a percentage such as `99.9%`.";
                sink.error(id(), slo.objectiveSpan(), "SLO `" + slo.name() + "` has objective `" + written
                        + "`; it must be above 0% and below 100%.", hint);
            }
        }
    }
}
