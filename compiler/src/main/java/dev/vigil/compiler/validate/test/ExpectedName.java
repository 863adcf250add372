package dev.vigil.compiler.validate.test;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.ResultName;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;

/**
 * An expected sample whose metric name cannot match the query's result, which promtool compares
 * like any label: a name where the result has none ({@code rate} drops it), another name than the
 * result keeps, or no name where the result keeps one Vigil cannot tell ({@code {__name__=~"a|b"}}).
 * Where the result keeps one known name, lowering writes it into the sample itself.
 */
public final class ExpectedName implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Service s : project.services()) {
            for (TestCase t : s.tests()) {
                for (TestCase.Expectation e : t.expectations()) {
                    if (e instanceof TestCase.ValueExpectation v && v.expr() != null) {
                        ResultName result = ResultName.of(v.expr());
                        v.samples().forEach(sample -> check(v, result, sample, sink));
                    }
                }
            }
        }
    }

    private void check(TestCase.ValueExpectation v, ResultName result, TestCase.ExpectedSample sample,
            DiagnosticSink sink) {
        VectorSelector labels = sample.labels();
        if (labels == null) {
            return;
        }
        String written = labels.name().orElse(null);
        String query = PromqlPrinter.print(v.expr());
        String shown = query.length() <= 60 ? "`" + query + "`" : "this query";
        if (written != null && result.fate() == ResultName.Fate.DROPPED) {
            VectorSelector unnamed = new VectorSelector(null, labels.matchers().stream()
                    .filter(m -> !m.name().equals("__name__")).toList(), labels.span());
            sink.report(new Diagnostic(id(), Severity.ERROR, labels.span(), "The result of " + shown
                    + " has no metric name, so it never matches the expected `" + written + "` series.",
                    "promtool compares `__name__` like any label; leave the name out.",
                    new Fix("Leave the metric name out", labels.span(), PromqlPrinter.print(unnamed))));
        } else if (written != null && result.fate() == ResultName.Fate.KEPT && result.name() != null
                && !result.name().equals(written)) {
            sink.error(id(), labels.span(), "The result of " + shown + " is named `" + result.name()
                    + "`, so it never matches the expected `" + written + "` series.",
                    "Expect `" + result.name() + "`, or leave the name out and Vigil writes it.");
        } else if (written == null && result.fate() == ResultName.Fate.KEPT && result.name() == null) {
            sink.error(id(), labels.span(), "The result of " + shown + " keeps its metric name, which this expected "
                    + "sample does not give.", "promtool compares `__name__` like any label; write the series name "
                            + "before the braces.");
        }
    }
}
