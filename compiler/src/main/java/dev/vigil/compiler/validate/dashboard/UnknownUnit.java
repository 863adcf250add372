package dev.vigil.compiler.validate.dashboard;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.ast.Struct;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.target.GrafanaUnits;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
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
                .forEach(p -> {
                    if (p.unit() != null && !p.unit().isEmpty() && p.unitAt() != null && !GrafanaUnits.known(p.unit())) {
                        sink.report(finding(p.name(), p.unit(), p.unitAt()));
                    }
                    written(p).forEach(s -> sink.report(finding(p.name(), s.value(),
                            new Dashboard.UnitAt(s.span(), s.span().via() == null))));
                });
    }

    /** Units written in the panel's Grafana JSON ({@code field_config}, a heatmap's {@code options.yAxis}) that Grafana does not know. */
    private static List<Struct.Str> written(Dashboard.Panel p) {
        List<Struct.Str> out = new ArrayList<>();
        if (p.options() != null) {
            PanelOptions.at(p.options(), List.of("yAxis", "unit")).ifPresent(u -> unit(u, out));
        }
        if (p.fieldConfig() != null) {
            PanelOptions.at(p.fieldConfig(), List.of("defaults", "unit")).ifPresent(u -> unit(u, out));
            // An override sets a unit as the property `{ id = "unit", value = "..." }`.
            PanelOptions.at(p.fieldConfig(), List.of("overrides")).filter(Struct.Arr.class::isInstance)
                    .ifPresent(overrides -> ((Struct.Arr) overrides).items().forEach(o -> PanelOptions.at(o, List.of("properties"))
                            .filter(Struct.Arr.class::isInstance)
                            .ifPresent(props -> ((Struct.Arr) props).items().forEach(prop -> {
                                if (PanelOptions.at(prop, List.of("id")).filter(id -> id instanceof Struct.Str s
                                        && s.value().equals("unit")).isPresent()) {
                                    PanelOptions.at(prop, List.of("value")).ifPresent(u -> unit(u, out));
                                }
                            }))));
        }
        return out;
    }

    private static void unit(Struct value, List<Struct.Str> out) {
        if (value instanceof Struct.Str s && !s.value().isEmpty() && !GrafanaUnits.known(s.value())) {
            out.add(s);
        }
    }

    private Diagnostic finding(String panel, String unit, Dashboard.UnitAt at) {
        List<String> meant = GrafanaUnits.suggestions(unit);
        String message = "Unit `" + unit + "` of panel `" + panel + "` is not a Grafana unit id or custom form: "
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
        Diagnostic d = Diagnostic.warning(id(), at.span(), message, hint);
        // A unit held by a constant or a template's parameter is fixed where its value is written.
        if (replacement != null && at.literal()) {
            d = d.withFix(new Fix(meant.isEmpty() ? "Show the text as a suffix on purpose" : "Write Grafana's id",
                    at.span(), quoted(replacement)));
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
