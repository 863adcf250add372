package dev.vigil.targets.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.vigil.compiler.target.GrafanaPanelSchemas;
import dev.vigil.compiler.target.GrafanaUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Grafana's generated JSON Schemas and its unit list, which the compiler carries as resources
 * ({@link GrafanaPanelSchemas}, {@link GrafanaUnits}; see testdata/grafana/README.md), and the checks that every emitted
 * dashboard must pass. Returns problems as readable lines; none means
 * the dashboard is valid.
 */
final class GrafanaSchemas {
    /** Panel types whose {@code fieldConfig.defaults.custom} has a schema. */
    private static final Set<String> CUSTOM_FIELD_CONFIG = Set.of("timeseries", "table", "heatmap");

    private GrafanaSchemas() {
    }

    /** The schemas the compiler carries as resources ({@link GrafanaPanelSchemas}), the one copy in the repository. */
    static GrafanaSchemas load() {
        return new GrafanaSchemas();
    }

    /** An id of Grafana's list (compared by code point: `µs` is U+00B5) or one of its custom forms. */
    boolean isKnownUnit(String unit) {
        return GrafanaUnits.known(unit);
    }

    /** Everything wrong with a dashboard; empty when it is valid. */
    List<String> problems(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        // Rows first, each against its own definition: against "Panel or RowPanel" the errors are noise.
        JsonNode panels = dashboard.path("panels");
        for (int i = 0; i < panels.size(); i++) {
            JsonNode p = panels.get(i);
            String type = p.path("type").asText();
            String where = "panels[" + i + "] (" + type + " \"" + p.path("title").asText() + "\")";
            if (type.equals("row")) {
                check(out, where, "dashboard", "#/definitions/RowPanel", p);
                continue;
            }
            check(out, where, "dashboard", "#/definitions/Panel", p);
            check(out, where + ".options", type, "#/definitions/Options", p.path("options"));
            JsonNode custom = p.path("fieldConfig").path("defaults").path("custom");
            if (CUSTOM_FIELD_CONFIG.contains(type)) {
                if (!custom.isMissingNode()) {
                    check(out, where + ".fieldConfig.defaults.custom", type, "#/definitions/FieldConfig", custom);
                }
            } else if (!custom.isMissingNode()) {
                out.add(where + ": a " + type + " panel has no custom field config in Grafana's schema");
            }
            JsonNode targets = p.path("targets");
            for (int t = 0; t < targets.size(); t++) {
                check(out, where + ".targets[" + t + "]", "prometheus", "#/definitions/Dataquery", targets.get(t));
            }
            unit(out, where + ".fieldConfig.defaults.unit", p.path("fieldConfig").path("defaults").path("unit"));
            unit(out, where + ".options.yAxis.unit", p.path("options").path("yAxis").path("unit"));
        }
        check(out, "dashboard", "dashboard", "#/definitions/Dashboard", dashboard);
        return out;
    }

    private void unit(List<String> out, String where, JsonNode unit) {
        if (!unit.isMissingNode() && !isKnownUnit(unit.asText())) {
            out.add(where + ": `" + unit.asText() + "` is not a Grafana unit id (GrafanaUnits.ids()) or custom unit form");
        }
    }

    private void check(List<String> out, String where, String file, String pointer, JsonNode node) {
        if (node.isMissingNode()) {
            out.add(where + ": missing");
            return;
        }
        for (ValidationMessage m : GrafanaPanelSchemas.schema(file, pointer.substring("#/definitions/".length())).validate(node)) {
            out.add(where + ": " + m.getMessage());
        }
    }
}
