package dev.vigil.compiler.validate.dashboard;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import java.util.HashMap;
import java.util.Map;

/**
 * A panel's {@code thresholds from ALERT} where the alert's condition has no threshold to draw: its
 * top-level comparison is {@code ==}/{@code !=}, uses {@code bool}, compares two queries, or there is
 * none (an {@code or} of several conditions, an SLO's multi-window burn-rate alert). The panel then
 * draws no threshold at all, while the source says it shows the alert's.
 */
public final class ThresholdUnreadable implements Validator {
    private record Owned(Rule.Alert alert, Map<String, Constant> constants) {
    }

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Map<String, Owned> alerts = new HashMap<>();
        for (Service s : project.services()) {
            Map<String, Constant> constants = Queries.scope(project, s);
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.name() != null) {
                        alerts.putIfAbsent(a.name(), new Owned(a, constants));
                    }
                }
            }
        }
        for (Service s : project.services()) {
            for (Dashboard d : s.dashboards()) {
                for (Dashboard.Row row : d.rows()) {
                    for (Dashboard.Panel p : row.panels()) {
                        Owned o = p.thresholdsFrom() == null ? null : alerts.get(p.thresholdsFrom().name());
                        if (o == null || o.alert().expr() == null
                                || AlertThreshold.drawable(o.alert().expr(), o.constants()).isPresent()) {
                            continue;
                        }
                        sink.warning(id(), p.thresholdsFrom().span(), "Panel `" + p.name() + "` draws no threshold: "
                                + "alert `" + o.alert().name() + "` has no `>`, `>=`, `<` or `<=` comparison with a "
                                + "number to read one from.", "Give the panel its own `thresholds { COLOR VALUE, ... }`, or compare the "
                                        + "alert's query with a number or constant at the top of its condition.");
                    }
                }
            }
        }
    }
}
