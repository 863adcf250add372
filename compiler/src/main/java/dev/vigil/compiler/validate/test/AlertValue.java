package dev.vigil.compiler.validate.test;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.template.TemplateChecker;
import dev.vigil.compiler.template.TemplateException;
import dev.vigil.compiler.template.TemplateRenderer;
import dev.vigil.compiler.validate.Validator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test that expects an alert must let Vigil write the alert's exact annotations, because promtool
 * compares them: a template that prints {@code $value} needs the test to give {@code value N}, and a
 * template that runs a query cannot be rendered offline, so the test must state that annotation.
 */
public final class AlertValue implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Map<String, Rule.Alert> alerts = new HashMap<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        alerts.putIfAbsent(a.name(), a);
                    }
                }
            }
        }
        for (Service s : project.services()) {
            for (TestCase t : s.tests()) {
                for (TestCase.Expectation e : t.expectations()) {
                    if (e instanceof TestCase.AlertExpectation a && a.firing()) {
                        Rule.Alert alert = alerts.get(a.alert().name());
                        if (alert != null) {
                            check(a, alert, sink);
                        }
                    }
                }
            }
        }
    }

    private void check(TestCase.AlertExpectation a, Rule.Alert alert, DiagnosticSink sink) {
        Map<String, String> templates = new LinkedHashMap<>();
        if (alert.summary() != null && !a.annotations().containsKey("summary")) {
            templates.put("summary", alert.summary());
        }
        if (alert.description() != null && !a.annotations().containsKey("description")) {
            templates.put("description", alert.description());
        }
        alert.labels().forEach((k, v) -> templates.put("label `" + k + "`", v));
        for (Map.Entry<String, String> t : templates.entrySet()) {
            String text = t.getValue();
            if (!text.contains("{{")) {
                continue;
            }
            try {
                TemplateRenderer.render(text, a.labels(), 0, Map.of());
            } catch (TemplateException e) {
                // Blocking: the promtool test is written with the rendered text, which does not exist.
                sink.blocking(id(), a.span(), "Vigil cannot render `" + alert.name() + "`'s " + t.getKey()
                        + " for this test: " + e.getMessage() + ".",
                        t.getKey().startsWith("label ")
                                ? "Labels identify an alert: build this one from the query's labels, not from a query."
                                : "Give the expected text: `annotations { " + t.getKey() + " = \"...\" }`.");
                continue;
            }
            if (a.value() == null && TemplateChecker.check(text).usesValue()) {
                sink.error(id(), a.span(), "`" + alert.name() + "`'s " + t.getKey()
                        + " prints the query value, so this expectation must give it.",
                        "Add `value N` after the labels: the value the alert's query has at that time.");
                return;
            }
        }
    }
}
