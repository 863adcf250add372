package dev.vigil.compiler.validate.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.ast.Struct;
import dev.vigil.compiler.ast.StructJson;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Dashboard.PanelType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.target.GrafanaPanelSchemas;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A panel's {@code options { }} or {@code field_config { }}, Grafana's panel JSON as written, that
 * Grafana's JSON Schema for the panel type rejects (an unknown key, a value of the wrong type or outside
 * an enumeration), or that sets what the language models ({@code unit}, {@code min}, {@code max},
 * {@code decimals}, {@code thresholds}, a text panel's {@code text}) where the panel sets it too. Reported
 * at the exact key or element.
 */
public final class PanelOptions implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        project.services().stream().flatMap(s -> s.dashboards().stream()).flatMap(d -> d.rows().stream())
                .flatMap(row -> row.panels().stream())
                // A panel whose type is unknown has been reported; there is no schema to check it against.
                .filter(p -> p.type() != null)
                .forEach(p -> check(p, sink));
    }

    private void check(Dashboard.Panel p, DiagnosticSink sink) {
        String type = p.type().grafanaId();
        if (p.options() != null) {
            schema(p, "options", p.options(), List.of(), type, "Options", sink);
        }
        if (p.fieldConfig() != null) {
            if (p.type() == PanelType.TEXT) {
                sink.report(Diagnostic.error(id(), p.fieldConfig().span(), "Text panel `" + p.name()
                        + "` has no fields, so its `field_config` has nothing to apply to.", "Remove `field_config`."));
            } else {
                schema(p, "field_config", p.fieldConfig(), List.of(), "dashboard", "FieldConfigSource", sink);
                Optional<Struct> custom = at(p.fieldConfig(), List.of("defaults", "custom"));
                if (custom.isPresent() && GrafanaPanelSchemas.CUSTOM_FIELD_CONFIG.contains(type)) {
                    schema(p, "field_config", p.fieldConfig(), List.of("defaults", "custom"), type, "FieldConfig", sink);
                } else if (custom.isPresent()) {
                    sink.report(Diagnostic.error(id(), custom.get().span(), "A " + type + " panel has no custom field "
                            + "config in Grafana's schema, so `field_config.defaults.custom` of panel `" + p.name()
                            + "` is not read.", "Custom field config exists for `timeseries`, `table` and `heatmap` panels."));
                }
            }
        }
        conflicts(p, sink);
    }

    /** Validates the value at {@code prefix} of {@code root} against a schema definition. */
    private void schema(Dashboard.Panel p, String block, Struct.Obj root, List<Object> prefix, String file,
            String definition, DiagnosticSink sink) {
        Struct value = at(root, prefix).orElseThrow();
        JsonNode json = StructJson.json(value);
        for (GrafanaPanelSchemas.Problem problem : GrafanaPanelSchemas.validate(file, definition, json)) {
            // `custom` is an open object in the dashboard's schema; the panel type's schema checks it.
            List<Object> path = new ArrayList<>(prefix);
            path.addAll(problem.path());
            boolean atKey = "additionalProperties".equals(problem.type());
            String where = describe(block, path);
            String message = atKey
                    ? "`" + where + "` of panel `" + p.name() + "` is not a key of Grafana's " + file + " schema, so Grafana ignores it."
                    : "`" + where + "` of panel `" + p.name() + "` does not fit Grafana's " + file + " schema: "
                            + problem.message() + ".";
            String hint = atKey ? "Check the key's spelling and case against the panel JSON Grafana writes "
                    + "(Inspect > Panel JSON)." : null;
            sink.report(Diagnostic.error(id(), span(root, path, atKey), message, hint));
        }
    }

    /** What the panel sets in the language and the escape hatch sets again: the language's setting wins. */
    private void conflicts(Dashboard.Panel p, DiagnosticSink sink) {
        boolean heatmap = p.type() == PanelType.HEATMAP;
        // A heatmap's unit, decimals and range belong to its bucket axis, where the emitter writes them.
        String block = heatmap ? "options" : "field_config";
        Struct.Obj root = heatmap ? p.options() : p.fieldConfig();
        List<Object> base = heatmap ? List.of("yAxis") : List.of("defaults");
        conflict(p, block, root, base, "unit", p.unit() != null, "unit", sink);
        conflict(p, block, root, base, "min", p.min() != null, "min", sink);
        conflict(p, block, root, base, "max", p.max() != null, "max", sink);
        conflict(p, block, root, base, "decimals", p.decimals() != null, "decimals", sink);
        conflict(p, "field_config", p.fieldConfig(), List.of("defaults"), "thresholds",
                !p.thresholds().isEmpty() || p.thresholdsFrom() != null, "thresholds", sink);
        if (p.type() == PanelType.TEXT) {
            conflict(p, "options", p.options(), List.of(), "content", p.text() != null, "text", sink);
        }
    }

    private void conflict(Dashboard.Panel p, String block, Struct.Obj root, List<Object> base, String key, boolean modelled,
            String setting, DiagnosticSink sink) {
        if (root == null || !modelled) {
            return;
        }
        List<Object> path = new ArrayList<>(base);
        path.add(key);
        at(root, path).ifPresent(v -> sink.report(Diagnostic.error(id(), v.span(), "`" + describe(block, path)
                + "` of panel `" + p.name() + "` sets what the panel's `" + setting + "` sets, and `" + setting
                + "` wins.", "Keep one: the panel's `" + setting + "`, or this value without it.")));
    }

    /** The value at a path of keys and list indexes, if it is there. */
    static Optional<Struct> at(Struct root, List<Object> path) {
        Struct here = root;
        for (Object step : path) {
            Struct parent = here;
            Optional<Struct> next = step(here, step).map(Struct.Member::value).or(() -> item(parent, step));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            here = next.get();
        }
        return Optional.of(here);
    }

    private static Optional<Struct.Member> step(Struct s, Object key) {
        return s instanceof Struct.Obj o && key instanceof String k ? o.member(k) : Optional.empty();
    }

    private static Optional<Struct> item(Struct s, Object index) {
        return s instanceof Struct.Arr a && index instanceof Integer i && i < a.items().size()
                ? Optional.of(a.items().get(i)) : Optional.empty();
    }

    /** The deepest written value on the path: the key itself when {@code atKey} and it is there. */
    private static Span span(Struct root, List<Object> path, boolean atKey) {
        Struct here = root;
        for (int i = 0; i < path.size(); i++) {
            Optional<Struct.Member> member = step(here, path.get(i));
            if (member.isPresent() && atKey && i == path.size() - 1) {
                return member.get().keySpan();
            }
            Struct parent = here;
            Object index = path.get(i);
            Optional<Struct> next = member.map(Struct.Member::value).or(() -> item(parent, index));
            if (next.isEmpty()) {
                break;
            }
            here = next.get();
        }
        return here.span();
    }

    /** {@code field_config.defaults.custom.lineWidth}, {@code options.legend.calcs[0]}. */
    static String describe(String block, List<Object> path) {
        StringBuilder sb = new StringBuilder(block);
        for (Object step : path) {
            sb.append(step instanceof Integer i ? "[" + i + "]" : "." + step);
        }
        return sb.toString();
    }
}
