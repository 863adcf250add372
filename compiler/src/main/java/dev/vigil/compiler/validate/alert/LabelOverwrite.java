package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.AlertSources;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.Validator;
import java.util.Map;
import java.util.Optional;

/**
 * A static label of an alert's rule that replaces a label its query keeps, with another value:
 * Prometheus applies static labels last, so series that differ only in that label collapse into one
 * ({@code vector contains metrics with the same labelset after applying alert labels}) and the rule
 * fails at every evaluation; where they do not, {@code $labels} and routing see the replaced value.
 * In Vigil sources this includes the labels every alert of a service carries ({@code service},
 * {@code team}, the service's {@code labels}). A label the query only may carry (an undeclared
 * metric's) is not reported; a static value that is a template is the author's choice.
 */
public final class LabelOverwrite implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        LabelInference li = analysis.labels();
        AlertSources sources = AlertSources.of(project);
        for (AlertSources.Owned o : sources.alerts()) {
            Rule.Alert a = o.alert();
            if (a.expr() == null) {
                continue;
            }
            LabelSet query = li.templateLabels(a);
            for (Map.Entry<String, String> l : a.labels().entrySet()) {
                String name = l.getKey();
                String value = l.getValue();
                LabelSet.Label kept = query.get(name);
                if (kept == null || value == null || value.contains("{{")
                        || (kept.definite() && value.equals(kept.value()))) {
                    continue;
                }
                Optional<Span> written = sources.writtenLabel(a, name);
                String whose = written.isPresent() || !project.fromVigilSources()
                        ? "The static label `" + name + "`"
                        : "The `" + name + "` label every alert of service `" + o.service().name() + "` carries";
                String move = "copy it to another label with `label_replace(..., \"exported_" + name + "\", \"$1\", \""
                        + name + "\", \"(.*)\")` and drop it with `sum without (" + name + ") (...)`";
                String hint = project.fromVigilSources()
                        ? "Keep the query's value with `labels { " + name + " = \"{{ $labels." + name + " }}\" }` on the "
                                + "alert, or " + move + "."
                        : "Set another static label, or " + move + ".";
                sink.error(id(), written.orElse(a.span()), whose + " (`" + value + "`) replaces the `" + name
                        + "` label that alert `" + a.name() + "`'s query keeps, so series that differ only in it "
                        + "collide and the rule fails to evaluate.", hint);
            }
        }
    }
}
