package dev.vigil.compiler.validate.rate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.support.Models;
import java.util.Map;

/**
 * {@code rate}, {@code irate} or {@code increase} over a metric declared as a gauge. These functions
 * read every decrease as a counter reset, so a gauge that goes down produces invented spikes.
 */
public final class OnGauge implements Validator {
    private static final Map<String, String> REPLACEMENT = Map.of("rate", "deriv", "irate", "deriv", "increase", "delta");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Map<String, MetricType> types = Models.metricTypes(project);
        if (types.isEmpty()) {
            return;
        }
        for (Queries.Use use : Queries.of(project)) {
            Expr.walk(use.expr(), e -> {
                if (e instanceof Call c && REPLACEMENT.containsKey(c.function()) && c.args().size() == 1) {
                    String metric = metricOf(c.args().get(0));
                    if (metric != null && types.get(metric) == MetricType.GAUGE) {
                        String better = REPLACEMENT.get(c.function());
                        sink.report(Diagnostic.warning(id(), c.span(),
                                "`" + c.function() + "` is applied to `" + metric + "`, which is declared as a gauge.",
                                "`" + c.function() + "` treats every decrease as a counter reset; use `" + better
                                        + "` for a gauge, or declare the metric as a counter if it only goes up.")
                                .withFix(new Fix("Use `" + better + "`", Models.prefix(c.span(), c.function().length()),
                                        better)));
                    }
                }
            });
        }
    }

    private static String metricOf(Expr arg) {
        if (Expr.unparen(arg) instanceof MatrixSelector m && m.selector() instanceof VectorSelector v) {
            return v.name().orElse(null);
        }
        return null;
    }
}
