package dev.vigil.compiler.validate.rate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.DurationLiteral;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.support.Models;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A range shorter than two scrape intervals under a function that needs two samples ({@code rate},
 * {@code increase}, {@code deriv}, {@code changes}, ...). Such a window often holds one sample, and the function then
 * returns nothing: graphs have gaps and alerts resolve and fire again. The scrape interval is the
 * project's {@code scrape_interval} (one minute by default).
 */
public final class WindowTooShort implements Validator {
    private static final Set<String> TWO_SAMPLES = Set.of("rate", "irate", "increase", "delta", "idelta", "deriv",
            "predict_linear", "holt_winters", "double_exponential_smoothing", "xrate", "xincrease", "xdelta",
            // With one sample these are 0, not empty: `changes(x[1m]) > 0` then never fires.
            "changes", "resets");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        long scrape = project.settings() == null ? 60_000 : project.settings().scrapeIntervalMillis();
        if (scrape <= 0) {
            return;
        }
        for (Queries.Use use : Queries.of(project)) {
            Expr.walk(use.expr(), e -> {
                if (!(e instanceof Call c) || !TWO_SAMPLES.contains(c.function()) || c.args().isEmpty()
                        || !(Expr.unparen(c.args().get(0)) instanceof MatrixSelector m)) {
                    return;
                }
                OptionalLong window = Models.millis(m.range(), use.constants());
                if (window.isEmpty() || window.getAsLong() <= 0 || window.getAsLong() >= 2 * scrape) {
                    return;
                }
                String suggested = Durations.format(4 * scrape);
                Diagnostic d = Diagnostic.warning(id(), m.range().span(),
                        "The `" + Durations.format(window.getAsLong()) + "` window of `" + c.function()
                                + "` is shorter than two scrape intervals (`" + Durations.format(2 * scrape) + "`).",
                        "`" + c.function() + "` needs two samples in the window, and with a `" + Durations.format(scrape)
                                + "` scrape interval it often has one; use at least four intervals, such as `"
                                + suggested + "`.");
                if (m.range() instanceof DurationLiteral) {
                    d = d.withFix(new Fix("Widen the window to `" + suggested + "`", m.range().span(), suggested));
                }
                sink.report(d);
            });
        }
    }
}
