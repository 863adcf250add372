package dev.vigil.compiler.validate.template;

import dev.vigil.compiler.analysis.AlertSources;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.template.TemplateChecker;
import dev.vigil.compiler.validate.Validator;
import java.util.Map;

/**
 * An alert label whose template reads the query value ({@code $value}, {@code .Value}, or a
 * {@code query}): labels are the alert's identity, so every new value is a new alert and the
 * {@code for} timer starts over; the alert may never fire.
 */
public final class ValueInLabel implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        AlertSources sources = AlertSources.of(project);
        for (AlertSources.Owned o : sources.alerts()) {
            Rule.Alert a = o.alert();
            for (Map.Entry<String, String> l : a.labels().entrySet()) {
                String text = l.getValue();
                if (text == null || !text.contains("{{")) {
                    continue;
                }
                TemplateChecker.Result r = TemplateChecker.check(text);
                if (r.usesValue()) {
                    String what = r.valueWritten().equals("query") ? "a `query` result" : "`" + r.valueWritten() + "`";
                    sink.error(id(), AlertSources.at(sources.label(a, l.getKey()), text, r.valueAt()),
                            "Label `" + l.getKey() + "` uses " + what + ", so every new value makes a new alert and "
                                    + "restarts its `for` timer.",
                            "Labels identify an alert; put the value in `summary` or `description` instead.");
                }
            }
        }
    }
}
