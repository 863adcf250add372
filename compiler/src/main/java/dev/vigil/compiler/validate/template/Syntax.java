package dev.vigil.compiler.validate.template;

import dev.vigil.compiler.analysis.AlertSources;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.template.Functions;
import dev.vigil.compiler.template.Template;
import dev.vigil.compiler.template.TemplateChecker;
import dev.vigil.compiler.validate.Validator;
import java.util.Map;

/**
 * Go-template mistakes in an alert's annotations and label values that Prometheus refuses
 * when it loads the rule: unclosed actions, unbalanced {@code if}/{@code range}/{@code with} and
 * {@code end}, unknown functions, undefined variables, empty commands.
 */
public final class Syntax implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        AlertSources sources = AlertSources.of(project);
        for (AlertSources.Owned o : sources.alerts()) {
            Rule.Alert a = o.alert();
            for (Map.Entry<String, String> an : a.annotations().entrySet()) {
                String where = an.getKey().equals("summary") || an.getKey().equals("description") ? an.getKey()
                        : "annotation `" + an.getKey() + "`";
                check(an.getValue(), where, sources.annotation(a, an.getKey()), sink);
            }
            for (Map.Entry<String, String> l : a.labels().entrySet()) {
                check(l.getValue(), "label `" + l.getKey() + "`", sources.label(a, l.getKey()), sink);
            }
        }
    }

    private static String functionHint(String message) {
        int a = message.indexOf('`');
        int b = message.indexOf('`', a + 1);
        String close = a < 0 || b < 0 ? null : Suggest.closest(message.substring(a + 1, b), Functions.names());
        return close != null ? "Did you mean `" + close + "`?"
                : "Prometheus's template functions include `humanize`, `humanizePercentage`, `humanizeDuration`, "
                        + "`printf`, `toUpper` and `reReplaceAll`.";
    }

    private void check(String text, String where, Span literal, DiagnosticSink sink) {
        if (text == null || !text.contains("{{")) {
            return;
        }
        for (Template.Problem p : TemplateChecker.check(text).problems()) {
            String hint = p.message().startsWith("function ") ? functionHint(p.message())
                    : p.message().startsWith("variable ")
                            ? "Alert templates define `$labels`, `$value`, `$externalLabels` and `$externalURL`."
                            : null;
            sink.error(id(), AlertSources.at(literal, text, p.offset()),
                    "The template in " + where + " is invalid: " + p.message() + ".", hint);
        }
    }
}
