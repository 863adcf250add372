package dev.vigil.compiler.validate.absent;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.validate.Validator;

/**
 * An alert on {@code absent} whose {@code for} is shorter than two scrape intervals: when Prometheus
 * starts without recent samples (a first start, storage lost, as with an {@code emptyDir}, or down
 * for longer than the 5m lookback) the rule runs before the first scrapes land, finds nothing, and
 * fires. A quick restart with its storage is safe: the old samples are still within the lookback.
 */
public final class FiresOnRestart implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        long scrape = AbsentCalls.scrapeMillis(project);
        AbsentCalls.eachAlert(project, (a, constants) -> {
            if (scrape > 0 && a.forMillis() < 2 * scrape && !AbsentCalls.in(a.expr()).isEmpty()) {
                sink.warning(id(), a.expr().span(), "Alert `" + a.name() + "` uses `absent` with a `for` shorter than two "
                                + "scrape intervals (`" + Durations.format(2 * scrape) + "`), so it fires when Prometheus starts "
                                + "without recent samples, before the first scrapes land.",
                        "A first start, lost storage or an outage longer than the 5m lookback leaves nothing to "
                                + "find until the targets are scraped; add `for "
                                + Durations.format(Math.max(2 * scrape, 300_000)) + "` or longer.");
            }
        });
    }
}
