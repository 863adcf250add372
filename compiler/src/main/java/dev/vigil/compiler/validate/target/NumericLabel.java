package dev.vigil.compiler.validate.target;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.model.NumericMatchers;
import dev.vigil.compiler.target.FloatLabels;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.validate.Validator;
import java.util.Optional;

/**
 * An {@code le} or {@code quantile} written in a form Prometheus 3 does not store: from 3.0 a
 * scrape normalises these numbers ({@code le="1"} becomes {@code le="1.0"}), so a matcher with the
 * exporter's form matches nothing and an SLI or alert built on it is silently empty. Test series
 * written that way feed what the target never stores. Reported when the target includes 3.0 or
 * later; the fix is the matcher {@code FloatLabels} writes for the target.
 */
public final class NumericLabel implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        TargetVersions targets = project.settings().targets();
        if (!targets.newest(TargetVersions.Tool.PROMETHEUS).atLeast(FloatLabels.NORMALISING)) {
            return;
        }
        for (Queries.Use use : Queries.of(project)) {
            Expr.walk(use.expr(), e -> {
                if (e instanceof VectorSelector v) {
                    v.matchers().forEach(m -> matcher(m, targets, sink));
                }
            });
        }
        for (Service s : project.services()) {
            for (TestCase t : s.tests()) {
                if (!(t.origin() instanceof Origin.Written)) {
                    continue;
                }
                for (TestCase.InputSeries in : t.series()) {
                    for (LabelMatcher m : in.selector().matchers()) {
                        stored(m, targets).ifPresent(form -> sink.warning(id(), m.span(), "This series has `"
                                + m.name() + "=\"" + m.value() + "\"`, which " + target(targets) + " never stores: "
                                + "it stores `" + m.name() + "=\"" + form + "\"`.",
                                "Feed the series as the target stores it, `" + m.name() + "=\"" + form + "\"`."));
                    }
                }
            }
        }
    }

    private void matcher(LabelMatcher m, TargetVersions targets, DiagnosticSink sink) {
        if (!FloatLabels.NUMERIC.contains(m.name()) || m.isConstRef() || (m.op() != MatchOp.EQ && m.op() != MatchOp.NEQ)
                || FloatLabels.normalised(m.value()).isEmpty()) {
            return;
        }
        LabelMatcher right = NumericMatchers.matcher(m.name(), m.value(), targets, m.span());
        if (right.op() == MatchOp.EQ && right.value().equals(m.value())) {
            return;
        }
        if (m.op() == MatchOp.NEQ) {
            right = new LabelMatcher(right.name(), right.op() == MatchOp.EQ ? MatchOp.NEQ : MatchOp.NRE, right.value(),
                    null, m.span());
        }
        String printed = PromqlPrinter.print(new VectorSelector(null, java.util.List.of(right), m.span()));
        String replacement = printed.substring(1, printed.length() - 1);
        String written = "`" + m.name() + m.op().symbol() + "\"" + m.value() + "\"`";
        String normalised = FloatLabels.normalised(m.value()).orElseThrow();
        // `!=` with the wrong form keeps what it meant to leave out.
        String nothing = m.op() == MatchOp.NEQ ? " excludes nothing" : " matches nothing";
        String message = !targets.spans(TargetVersions.Tool.PROMETHEUS, FloatLabels.NORMALISING)
                ? written + nothing + " in " + target(targets) + ", which stores `" + m.name() + "=\"" + normalised
                        + "\"`."
                : m.value().equals(normalised)
                        // Before 3.0 the stored form is the exporter's: Go's client writes `2`, Python's and Java's `2.0`.
                        ? written + nothing + " before Prometheus 3 on series from Go exporters, which write `" + m.name()
                                + "=\"" + FloatLabels.exposed(m.value()).orElseThrow() + "\"`."
                        : written + nothing + " in Prometheus 3, which stores `" + m.name() + "=\"" + normalised
                                + "\"`.";
        sink.report(new Diagnostic(id(), Severity.ERROR, m.span(), message,
                "Write `" + replacement + "`, which matches what every target stores.",
                new Fix("Match the form the target stores", m.span(), replacement)));
    }

    /** The form a Prometheus-3-only target stores when {@code m} writes a numeric label otherwise; else empty. */
    private static Optional<String> stored(LabelMatcher m, TargetVersions targets) {
        if (!FloatLabels.NUMERIC.contains(m.name()) || m.isConstRef()
                || targets.spans(TargetVersions.Tool.PROMETHEUS, FloatLabels.NORMALISING)) {
            return Optional.empty();
        }
        return FloatLabels.normalised(m.value()).filter(form -> !form.equals(m.value()));
    }

    private static String target(TargetVersions targets) {
        return "Prometheus " + targets.newest(TargetVersions.Tool.PROMETHEUS);
    }
}
