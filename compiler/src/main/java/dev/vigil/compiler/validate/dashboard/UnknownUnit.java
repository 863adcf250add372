package dev.vigil.compiler.validate.dashboard;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.target.GrafanaUnits;
import dev.vigil.compiler.validate.Validator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A panel's {@code unit} that is neither one of Grafana's unit ids nor one of its custom forms
 * ({@code suffix:x}, ...). Grafana then writes the text after the number as it is, without the scaling
 * and conversion of a unit ({@code 1500 MS}, not {@code 1.50 s}): the panel works but misleads.
 */
public final class UnknownUnit implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        // Every panel, the generated SLO dashboards' too; an empty unit is Grafana's "no unit".
        project.services().stream().flatMap(s -> s.dashboards().stream()).flatMap(d -> d.rows().stream())
                .flatMap(row -> row.panels().stream())
                .filter(p -> p.unit() != null && !p.unit().isEmpty() && p.unitAt() != null && !GrafanaUnits.known(p.unit()))
                .forEach(p -> sink.report(finding(p)));
    }

    private Diagnostic finding(Dashboard.Panel p) {
        String unit = p.unit();
        List<String> meant = GrafanaUnits.suggestions(unit);
        String message = "Unit `" + unit + "` of panel `" + p.name() + "` is not a Grafana unit id or custom form: "
                + "Grafana shows it after the number as plain text, unscaled.";
        String hint;
        String replacement;
        if (meant.isEmpty()) {
            replacement = "suffix:" + unit.strip();
            hint = "Choose a Grafana unit id, or write `" + replacement + "` to show the text on purpose.";
        } else {
            replacement = meant.size() == 1 ? meant.get(0) : null;
            hint = "Did you mean " + meant.stream().map(UnknownUnit::offered).collect(Collectors.joining(" or ")) + "?";
        }
        Diagnostic d = Diagnostic.warning(id(), p.unitAt().span(), message, hint);
        // A unit held by a constant or a template's parameter is fixed where its value is written.
        if (replacement != null && p.unitAt().literal()) {
            d = d.withFix(new Fix(meant.isEmpty() ? "Show the text as a suffix on purpose" : "Write Grafana's id",
                    p.unitAt().span(), quoted(replacement)));
        }
        return d;
    }

    private static String offered(String id) {
        return "`" + id + "`" + GrafanaUnits.note(id).map(n -> " (" + n + ")").orElse("");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
