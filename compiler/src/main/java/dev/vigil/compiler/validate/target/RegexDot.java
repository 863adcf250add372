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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // One finding per matcher written: an SLO's selector reappears in every rule generated from it,
        // some with the selector's span; the matcher's own (narrowest) span is the one reported.
        Map<String, LabelMatcher> found = new LinkedHashMap<>();
        for (Queries.Use use : Queries.of(project)) {
            Expr.walk(use.expr(), e -> {
                if (e instanceof VectorSelector v) {
                    for (LabelMatcher m : v.matchers()) {
                        if (reads(m)) {
                            String at = m.span() == null ? "" : m.span().file() + ":" + m.span().line();
                            found.merge(at + ":" + m.name() + m.op().symbol() + m.value(), m,
                                    (a, b) -> width(b) < width(a) ? b : a);
                        }
                    }
                }
            });
        }
        found.values().forEach(m -> report(m, targets, sink));
    }

    /**
     * A regex with a dot that means any character. Metric names hold no newline, so the regexes
     * over {@code __name__} (Vigil's own, for SLO series) read alike everywhere.
     */
    private static boolean reads(LabelMatcher m) {
        return (m.op() == MatchOp.RE || m.op() == MatchOp.NRE) && !m.isConstRef() && !m.name().equals("__name__")
                && NewlineDots.first(m.value()).isPresent();
    }

    private static int width(LabelMatcher m) {
        return m.span() != null && m.span().line() == m.span().endLine() ? m.span().endColumn() - m.span().column() : Integer.MAX_VALUE;
    }

    private void report(LabelMatcher m, TargetVersions targets, DiagnosticSink sink) {
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
