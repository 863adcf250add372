package dev.vigil.compiler.validate.template;

import dev.vigil.compiler.analysis.AlertSources;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.template.TemplateChecker;
import dev.vigil.compiler.validate.Validator;
import java.util.Map;

/**
 * A template reads {@code $labels.x} (or {@code .Labels.x}) where the alert's query cannot produce
 * {@code x}, so it always renders empty. Only reported when the query's labels are known (closed):
 * the labels of undeclared metrics may be anything. Info in an annotation, a warning in a label.
 */
public final class UnknownLabel implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        LabelInference li = analysis.labels();
        AlertSources sources = AlertSources.of(project);
        for (AlertSources.Owned o : sources.alerts()) {
            Rule.Alert a = o.alert();
            if (a.expr() == null) {
                continue;
            }
            LabelSet labels = li.templateLabels(a);
            if (labels.open()) {
                continue;
            }
            for (Map.Entry<String, String> an : a.annotations().entrySet()) {
                check(a, labels, an.getValue(), sources.annotation(a, an.getKey()), Severity.INFO, sink);
            }
            for (Map.Entry<String, String> l : a.labels().entrySet()) {
                check(a, labels, l.getValue(), sources.label(a, l.getKey()), Severity.WARNING, sink);
            }
        }
    }

    /**
     * {@code severity} by consequence: in an annotation the text only lacks a value; in a label the label
     * is empty, so Alertmanager drops it and routes, inhibitions and groupings on it miss the alert.
     */
    private void check(Rule.Alert a, LabelSet labels, String text, Span literal, Severity severity,
            DiagnosticSink sink) {
        if (text == null || !text.contains("{{")) {
            return;
        }
        for (TemplateChecker.LabelRef ref : TemplateChecker.check(text).labels()) {
            String x = ref.name();
            if (!labels.cannotHave(x) || x.equals("__name__")) {
                continue;
            }
            String hint;
            if (x.equals("severity") || x.equals("alertname") || a.labels().containsKey(x)) {
                hint = "`" + x + "` is set on the alert, not by its query, and templates see only the query's labels; "
                        + "write its value into the text instead.";
            } else if (labels.names().isEmpty()) {
                hint = "The query's result has no labels at all: take `" + ref.written() + "` out of the text, or, if the "
                        + "alert is meant per `" + x + "`, aggregate with `by (" + x + ")`.";
            } else {
                String close = Suggest.closest(x, labels.names());
                hint = (close != null ? "Did you mean `" + close + "`? " : "") + "The query's result has only "
                        + labels.describe() + "; take `" + ref.written() + "` out of the text, or keep `" + x
                        + "` in its `by (...)` clause if the alert is meant per `" + x + "`.";
            }
            sink.report(new Diagnostic(id(), severity, AlertSources.at(literal, text, ref.offset()),
                    "`" + ref.written() + "` is always empty: the alert's query has no `" + x + "` label.", hint, null));
        }
    }
}
