package dev.vigil.compiler.validate.target;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.regex.NewlineDots;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.validate.Validator;
import java.util.List;

/**
 * A regex matcher whose {@code .} reads differently across the target releases: Prometheus 3.0
 * made {@code .} match a newline in label matchers. Reported only when the rules must load in
 * releases on both sides of 3.0, where the same rule would select different series on each.
 */
public final class RegexDot implements Validator {
    /** prometheus/prometheus#14502 (3.0): label matchers are wrapped in {@code (?s:...)}. */
    static final Version DOT_MATCHES_NEWLINE = Version.of(3, 0);

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        TargetVersions targets = project.settings().targets();
        if (!targets.spans(TargetVersions.Tool.PROMETHEUS, DOT_MATCHES_NEWLINE)) {
            return;
        }
        for (Queries.Use use : Queries.of(project)) {
            Expr.walk(use.expr(), e -> {
                if (e instanceof VectorSelector v) {
                    v.matchers().forEach(m -> matcher(m, targets, sink));
                }
            });
        }
    }

    private void matcher(LabelMatcher m, TargetVersions targets, DiagnosticSink sink) {
        if ((m.op() != MatchOp.RE && m.op() != MatchOp.NRE) || m.isConstRef()
                || NewlineDots.first(m.value()).isEmpty()) {
            return;
        }
        LabelMatcher before = new LabelMatcher(m.name(), m.op(), NewlineDots.asBefore(m.value()), null, m.span());
        String printed = PromqlPrinter.print(new VectorSelector(null, List.of(before), m.span()));
        String replacement = printed.substring(1, printed.length() - 1);
        String written = "`" + m.name() + m.op().symbol() + "\"" + m.value() + "\"`";
        sink.report(new Diagnostic(id(), Severity.WARNING, m.span(),
                written + " reads a label value that holds a newline differently in Prometheus "
                        + targets.prometheus() + " and " + targets.newest(TargetVersions.Tool.PROMETHEUS)
                        + ": from 3.0, `.` matches a newline.",
                "Write `[^\\n]` for each `.` to keep Prometheus 2's reading everywhere (`" + replacement
                        + "`), or start the regex with `(?s)` to take Prometheus 3's.",
                new Fix("Keep Prometheus 2's reading of `.`", m.span(), replacement)));
    }
}
