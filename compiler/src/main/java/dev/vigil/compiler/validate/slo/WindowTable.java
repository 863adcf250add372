package dev.vigil.compiler.validate.slo;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.validate.Validator;
import java.util.HashSet;
import java.util.Set;

/**
 * A burn-rate window table an SLO uses must make sense for it: in each row the short window is
 * shorter than the long one, the factor (or budget share) is positive, and no window is longer than the SLO's own
 * window (an error ratio over 90 days says nothing about a 30-day budget). Rows of a tier the SLO
 * turns off make no alert for it and are not read.
 */
public final class WindowTable implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Set<String> reported = new HashSet<>();
        for (Service s : project.services()) {
            for (Slo slo : s.slos()) {
                if (slo.alerting() == null) {
                    continue;
                }
                AlertWindows table = slo.alerting().windows();
                for (AlertWindows.Row row : table.rows()) {
                    if (slo.alerting().tier(row.tier()) == null) {
                        continue; // `ticket off`: no alert reads this row for this SLO
                    }
                    if (row.shortMillis() >= row.longMillis() && reported.add("short " + row.span())) {
                        sink.error(id(), row.span(), "In alert window table `" + table.name() + "`, the short window `"
                                + AlertWindows.format(row.shortMillis()) + "` is not shorter than the long window `"
                                + AlertWindows.format(row.longMillis()) + "`.",
                                "The short window makes the alert resolve quickly; the SRE Workbook uses 1/12 of the "
                                        + "long one.");
                    }
                    if (row.fixedFactor() != null && row.fixedFactor().signum() <= 0
                            && reported.add("factor " + row.span())) {
                        sink.error(id(), row.span(), "In alert window table `" + table.name() + "`, the factor `"
                                + row.fixedFactor().toPlainString() + "` is not positive.",
                                "A factor is how many times faster than sustainable the budget burns; use 1 or more.");
                    }
                    if (row.budgetPercent() != null && row.budgetPercent().signum() <= 0
                            && reported.add("budget " + row.span())) {
                        sink.error(id(), row.span(), "In alert window table `" + table.name() + "`, the budget share `"
                                + row.budgetPercent().toPlainString() + "%` is not positive.",
                                "A row alerts when its long window spends that share of the budget; use, say, `2%`.");
                    }
                    long longest = Math.max(row.longMillis(), row.shortMillis());
                    if (longest > slo.windowMillis()
                            && reported.add("window " + row.span() + " " + slo.windowMillis())) {
                        sink.error(id(), row.span().isNone() ? slo.span() : row.span(), "Alert window `"
                                + AlertWindows.format(longest) + "` of table `" + table.name() + "` is longer than the `"
                                + AlertWindows.format(slo.windowMillis()) + "` window of SLO `" + slo.name() + "`.",
                                "Use windows within the SLO window, or a longer SLO window.");
                    }
                }
            }
        }
    }
}
