package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.validate.Validator;
import java.util.List;

/**
 * A page-level alert (the most urgent declared severity) whose {@code for} is missing or shorter
 * than two evaluations of its group. Such an alert pages on a single bad evaluation: one slow
 * scrape, one restart.
 */
public final class ForTooShort implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        List<String> levels = project.severities() == null ? List.of() : project.severities().levels();
        if (levels.isEmpty()) {
            return;
        }
        String page = levels.get(0);
        long defaultInterval = project.settings() == null ? 60_000 : project.settings().evaluationIntervalMillis();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                long interval = g.intervalMillis() > 0 ? g.intervalMillis() : defaultInterval;
                if (interval <= 0) {
                    continue;
                }
                long minimum = 2 * interval;
                for (Rule r : g.rules()) {
                    if (!(r instanceof Rule.Alert a) || a.severity() == null || !page.equals(a.severity().name())) {
                        continue;
                    }
                    if (a.forMillis() >= minimum) {
                        continue;
                    }
                    String message = a.forMillis() == 0
                            ? "Page-level alert `" + a.name() + "` has no `for`, so a single evaluation pages."
                            : "Page-level alert `" + a.name() + "` waits only `" + Durations.format(a.forMillis())
                                    + "`, less than two evaluations of its group (`" + Durations.format(minimum) + "`).";
                    String wait = Durations.format(Math.max(minimum, 120_000));
                    String change = a.forMillis() == 0 ? "Add `for " + wait + "`"
                            : "Raise `for` from `" + Durations.format(a.forMillis()) + "` to `" + wait + "`";
                    sink.warning(id(), a.severity().span(), message,
                            change + " or longer, so that one bad scrape or a restart does not page.");
                }
            }
        }
    }
}
