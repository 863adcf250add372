package dev.vigil.compiler.validate.absent;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.validate.Validator;

/**
 * An alert on {@code absent} whose {@code for} is shorter than two scrape intervals: after a
 * Prometheus restart the rule runs before the first scrapes, finds nothing, and fires.
 */
public final class FiresOnRestart implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        long scrape = AbsentCalls.scrapeMillis(project);
        AbsentCalls.eachAlert(project, (a, constants) -> {
            if (scrape > 0 && a.forMillis() < 2 * scrape && !AbsentCalls.in(a.expr()).isEmpty()) {
                sink.warning(id(), a.expr().span(), "Alert `" + a.name() + "` uses `absent` with a `for` shorter than two "
                                + "scrape intervals (`" + Durations.format(2 * scrape) + "`), so it fires after every "
                                + "Prometheus restart.",
                        "After a restart the rule runs before the first scrapes; add `for "
                                + Durations.format(Math.max(2 * scrape, 300_000)) + "` or longer.");
            }
        });
    }
}
