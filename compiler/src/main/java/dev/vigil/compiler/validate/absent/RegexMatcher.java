package dev.vigil.compiler.validate.absent;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;

/**
 * A regex matcher inside {@code absent}: the alert fires only when no value at all matches, so it
 * stays quiet while any one of them remains, and its result has no such label to say which.
 */
public final class RegexMatcher implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        AbsentCalls.eachAlert(project, (a, constants) -> {
            for (Call c : AbsentCalls.in(a.expr())) {
                if (!(AbsentCalls.argument(c).orElse(null) instanceof VectorSelector v)) {
                    continue;
                }
                v.matchers().stream().filter(m -> m.op() == MatchOp.RE && !m.name().equals("__name__")).findFirst()
                        .ifPresent(m -> report(c, m, sink));
            }
        });
    }

    private void report(Call c, LabelMatcher m, DiagnosticSink sink) {
        sink.warning(id(), m.span(), "`" + c.function() + "` over the regex matcher on `" + m.name()
                        + "` fires only when no value matches, and its alert has no `" + m.name() + "` label.",
                "Write one alert per value with `=`, or alert on `count by (" + m.name()
                        + ") (...)` being below the expected number of values.");
    }
}
