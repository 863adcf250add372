package dev.vigil.compiler.validate.group;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.validate.Validator;

/**
 * A rule group evaluated less often than every five minutes, by its own {@code every} or, without
 * one, by the project's {@code evaluation_interval}. Prometheus looks back five minutes for the
 * latest sample of a series, so the series a slower group records vanish between evaluations.
 */
public final class IntervalTooLong implements Validator {
    static final long LOOKBACK_MILLIS = 5 * 60_000;

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        // A group without `every` is evaluated at the project's `evaluation_interval`.
        long global = project.settings() == null ? 0 : project.settings().evaluationIntervalMillis();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                boolean inherited = g.intervalMillis() <= 0;
                long interval = inherited ? global : g.intervalMillis();
                if (interval > LOOKBACK_MILLIS) {
                    sink.warning(id(), g.span(), "Rule group `" + g.name() + "` is evaluated every `"
                                    + Durations.format(interval) + "`" + (inherited ? " (the project's `evaluation_interval`)" : "")
                                    + ", more than the 5m lookback of queries.",
                            "Its recorded series go stale between evaluations and its alerts resolve and fire again;"
                                    + (inherited ? " set `evaluation_interval` to `5m` or less, or give the group `every 1m`."
                                            : " evaluate it every `5m` or less."));
                }
            }
        }
    }
}
