package dev.vigil.compiler.validate.absent;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.support.Models;
import java.util.OptionalLong;

/**
 * {@code absent(rate(x[w]))} with a window under four scrape intervals: {@code rate} needs two
 * samples, so one missed scrape empties it and the alert fires. Below two scrape intervals the rate
 * is always empty, which is {@code Rate.WindowTooShort}'s finding.
 */
public final class ShortWindow implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        long scrape = AbsentCalls.scrapeMillis(project);
        AbsentCalls.eachAlert(project, (a, constants) -> {
            for (Call c : AbsentCalls.in(a.expr())) {
                AbsentCalls.rateInside(c).ifPresent(inside -> {
                    OptionalLong window = Models.millis(inside.range().range(), constants);
                    String rate = inside.function().function();
                    if (scrape > 0 && window.isPresent() && window.getAsLong() >= 2 * scrape && window.getAsLong() < 4 * scrape) {
                        sink.warning(id(), inside.range().range().span(), "`" + c.function() + "` over `" + rate
                                        + "` with a `" + Durations.format(window.getAsLong())
                                        + "` window fires whenever one scrape is missed.",
                                "`" + rate + "` needs two samples; widen the window to `" + Durations.format(4 * scrape)
                                        + "` or more, or use `absent` on the selector itself.");
                    }
                });
            }
        });
    }
}
