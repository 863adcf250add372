package dev.vigil.compiler.importer.grafana;

import dev.vigil.compiler.importer.SourceWriter;
import dev.vigil.compiler.importer.slo.InputNodes;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.promql.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One Grafana panel as a Vigil panel: type, title, PromQL queries with their legends, unit, min,
 * max, decimals, thresholds, description, links and grid position. The old {@code graph},
 * {@code singlestat} and {@code table-old} panels become the panels that replaced them. Everything
 * else the panel sets is listed in one {@code Import.Dropped} note per panel, by JSON path.
 */
final class PanelImport {
    private static final Map<String, String> TYPES = Map.of("timeseries", "timeseries", "stat", "stat", "gauge", "gauge",
            "table", "table", "bargauge", "bargauge", "heatmap", "heatmap", "text", "text", "graph", "timeseries",
            "singlestat", "stat", "table-old", "table");
    /** Keys read here, or that only identify the panel to Grafana (id, pluginVersion, gridPos, span). */
    private static final Set<String> PANEL_KEYS = Set.of("type", "title", "id", "gridPos", "span", "height",
            "datasource", "description", "targets", "fieldConfig", "links", "pluginVersion", "options", "content", "mode",
            "yaxes", "thresholds", "format", "decimals", "colors", "legend");
    private static final Set<String> TARGET_KEYS = Set.of("expr", "legendFormat", "refId", "datasource", "editorMode",
            "range", "exemplar", "format", "instant", "intervalFactor", "hide");
    private static final Set<String> DEFAULTS_KEYS = Set.of("unit", "min", "max", "decimals", "thresholds");
    /** The old graph panel's own defaults: these values set nothing. */
    private static final Map<String, String> GRAPH_DEFAULTS = Map.of("fill", "1", "linewidth", "1", "lines", "true",
            "pointradius", "5", "renderer", "flot", "dashLength", "10", "spaceLength", "10", "nullPointMode", "null");

    private final InputNodes in;
    private final GrafanaQueries queries;
    private final Set<String> names = new HashSet<>();

    PanelImport(InputNodes in, GrafanaQueries queries) {
        this.in = in;
        this.queries = queries;
    }

    private record Step(String colour, BigDecimal value) {
    }

    /** Writes the panel; false when it cannot be written at all (reported). */
    boolean write(PanelLayout.Placed placed, SourceWriter out) {
        Node p = placed.panel();
        String path = placed.path();
        String grafanaType = String.valueOf(InputNodes.text(p, "type"));
        String title = InputNodes.text(InputNodes.get(p, "title")).orElse("");
        String label = "Panel `" + title + "` (`" + path + "`)";
        String type = TYPES.get(grafanaType);
        if (type == null) {
            in.unmapped(p, label + " is not imported: Vigil has no `" + grafanaType + "` panel.",
                    "Vigil's panels are timeseries, stat, gauge, table, bargauge, heatmap and text.");
            return false;
        }
        if (!type.equals(grafanaType) && !grafanaType.equals("table-old")) {
            in.unmapped(p, label + " is a `" + grafanaType + "` panel; it is written as `" + type
                    + "`, the panel that replaced it.", null);
        }
        Dropped dropped = new Dropped(in, p, label);
        Set<String> mapped = new HashSet<>(PANEL_KEYS);
        if (grafanaType.equals("graph")) {
            mapped.addAll(GRAPH_DEFAULTS.keySet());
        }
        dropped.rest(p, path, mapped);
        for (Map.Entry<String, String> d : GRAPH_DEFAULTS.entrySet()) {
            Node v = InputNodes.get(p, d.getKey());
            if (v != null && grafanaType.equals("graph")) {
                dropped.unlessDefault(path + "." + d.getKey(), v, d.getValue());
            }
        }
        SourceWriter body = new SourceWriter();
        if (type.equals("text")) {
            text(p, path, body, dropped);
        } else if (!queries(p, path, type, body, dropped)) {
            in.unmapped(p, label + " is not imported: it has no PromQL query Vigil can write.",
                    "Vigil panels read Prometheus; add a query, or keep the panel outside Vigil.");
            return false;
        }
        display(p, path, grafanaType, body, dropped);
        InputNodes.text(InputNodes.get(p, "description")).filter(s -> !s.isEmpty())
                .ifPresent(s -> body.line("description " + VigilText.string(s)));
        links(p, path, body, dropped);
        int x = Math.max(0, Math.min(placed.x(), PanelLayout.COLUMNS - 1));
        body.line("x " + x).line("y " + placed.y()).line("width " + Math.max(1, Math.min(placed.w(),
                PanelLayout.COLUMNS - x))).line("height " + Math.max(1, placed.h()));
        dropped.report();
        out.open(type + " " + name(title) + " " + VigilText.string(title));
        body.toString().lines().forEach(out::line);
        out.close();
        return true;
    }

    /** A name for the panel, unique in the dashboard: the title in snake case. */
    private String name(String title) {
        String base = VigilText.snakeName(title, "panel");
        String name = base;
        for (int n = 2; !names.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private void text(Node p, String path, SourceWriter body, Dropped dropped) {
        Node options = InputNodes.get(p, "options");
        Node content = options != null ? InputNodes.get(options, "content") : InputNodes.get(p, "content");
        Node mode = options != null ? InputNodes.get(options, "mode") : InputNodes.get(p, "mode");
        String where = options != null ? path + ".options" : path;
        body.line("text " + VigilText.string(InputNodes.text(content).orElse("")));
        dropped.unlessDefault(where + ".mode", mode, "markdown");
        if (options != null) {
            dropped.rest(options, where, Set.of("content", "mode"));
        }
    }

    private boolean queries(Node p, String path, String type, SourceWriter body, Dropped dropped) {
        List<Node> targets = InputNodes.items(InputNodes.get(p, "targets"));
        boolean any = false;
        for (int i = 0; i < targets.size(); i++) {
            Node t = targets.get(i);
            String at = path + ".targets[" + i + "]";
            Node expr = InputNodes.get(t, "expr");
            if (InputNodes.text(expr).map(String::isBlank).orElse(true)) {
                dropped.add(at, t);
                continue;
            }
            if (!prometheus(InputNodes.get(t, "datasource")) || !prometheus(InputNodes.get(p, "datasource"))
                    && InputNodes.get(t, "datasource") == null) {
                dropped.add(at, t);
                continue;
            }
            if (InputNodes.bool(InputNodes.get(t, "hide")).orElse(false)) {
                dropped.add(at + ".hide", InputNodes.get(t, "hide"));
                continue;
            }
            Optional<Expr> parsed = queries.parse(expr, "query `" + at + "`");
            if (parsed.isEmpty()) {
                continue;
            }
            any = true;
            body.query("query", parsed.get());
            Node legend = InputNodes.get(t, "legendFormat");
            // Grafana shows the whole series name without a legend, as with "": Vigil's default is `__auto`.
            String text = InputNodes.text(legend).orElse("");
            if (!text.equals("__auto")) {
                body.line("legend " + VigilText.string(text));
            }
            dropped.rest(t, at, TARGET_KEYS);
            dropped.unlessDefault(at + ".format", InputNodes.get(t, "format"),
                    type.equals("table") ? "table" : type.equals("heatmap") ? "heatmap" : "time_series");
            if (type.equals("table") != InputNodes.bool(InputNodes.get(t, "instant")).orElse(false)) {
                dropped.add(at + ".instant", InputNodes.get(t, "instant") == null ? t : InputNodes.get(t, "instant"));
            }
            if (InputNodes.get(t, "intervalFactor") != null) {
                dropped.unlessDefault(at + ".intervalFactor", InputNodes.get(t, "intervalFactor"), "1");
            }
        }
        return any;
    }

    /**
     * Whether a data source reference can be Prometheus: absent, a variable ({@code $datasource}), a
     * Prometheus uid or name, or an object of type {@code prometheus}. Other kinds' queries are not PromQL.
     */
    static boolean prometheus(Node datasource) {
        if (InputNodes.isNull(datasource)) {
            return true;
        }
        String type = InputNodes.text(datasource, "type");
        if (type != null) {
            return type.equals("prometheus") || type.startsWith("$") || type.equals("datasource");
        }
        String name = InputNodes.text(datasource).orElse("");
        return !name.startsWith("-- ") && !name.toLowerCase(java.util.Locale.ROOT).contains("loki");
    }

    /** Unit, range, decimals and thresholds, from wherever the panel's generation keeps them. */
    private void display(Node p, String path, String grafanaType, SourceWriter body, Dropped dropped) {
        Node unit;
        Node min;
        Node max;
        Node decimals;
        List<Step> steps = new ArrayList<>();
        Node fieldConfig = InputNodes.get(p, "fieldConfig");
        Node defaults = InputNodes.get(fieldConfig, "defaults");
        if (grafanaType.equals("graph")) {
            List<Node> axes = InputNodes.items(InputNodes.get(p, "yaxes"));
            Node left = axes.isEmpty() ? null : axes.get(0);
            unit = InputNodes.get(left, "format");
            min = InputNodes.get(left, "min");
            max = InputNodes.get(left, "max");
            decimals = InputNodes.get(left, "decimals");
            if (left != null) {
                dropped.rest(left, path + ".yaxes[0]", Set.of("format", "min", "max", "decimals", "show", "label",
                        "logBase"));
                dropped.add(path + ".yaxes[0].label", InputNodes.get(left, "label"));
                dropped.unlessDefault(path + ".yaxes[0].logBase", InputNodes.get(left, "logBase"), "1");
            }
            if (axes.size() > 1 && InputNodes.bool(InputNodes.get(axes.get(1), "show")).orElse(false)) {
                dropped.add(path + ".yaxes[1]", axes.get(1));
            }
            graphThresholds(p, path, steps, dropped);
        } else if (grafanaType.equals("singlestat")) {
            unit = InputNodes.get(p, "format");
            min = null;
            max = null;
            decimals = InputNodes.get(p, "decimals");
            singlestatThresholds(p, path, steps, dropped);
        } else {
            unit = InputNodes.get(defaults, "unit");
            min = InputNodes.get(defaults, "min");
            max = InputNodes.get(defaults, "max");
            decimals = InputNodes.get(defaults, "decimals");
            thresholds(InputNodes.get(defaults, "thresholds"), path + ".fieldConfig.defaults.thresholds", steps, dropped);
            dropped.rest(defaults, path + ".fieldConfig.defaults", DEFAULTS_KEYS);
            dropped.add(path + ".fieldConfig.overrides", InputNodes.get(fieldConfig, "overrides"));
            dropped.rest(fieldConfig, path + ".fieldConfig", Set.of("defaults", "overrides"));
            if (!grafanaType.equals("text")) {
                dropped.rest(InputNodes.get(p, "options"), path + ".options", Set.of());
            }
        }
        dropped.add(path + ".legend", InputNodes.get(p, "legend"));
        InputNodes.text(unit).filter(u -> !u.isEmpty()).ifPresent(u -> body.line("unit " + VigilText.string(u)));
        InputNodes.number(min).ifPresent(n -> body.line("min " + VigilText.number(n)));
        InputNodes.number(max).ifPresent(n -> body.line("max " + VigilText.number(n)));
        InputNodes.number(decimals).filter(n -> n.signum() >= 0)
                .ifPresent(n -> body.line("decimals " + n.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString()));
        if (!steps.isEmpty()) {
            List<String> written = new ArrayList<>();
            for (Step s : steps) {
                written.add(s.colour() + " " + (s.value() == null ? "0" : VigilText.number(s.value())));
            }
            body.line("thresholds { " + String.join(", ", written) + " }");
        }
    }

    private void thresholds(Node thresholds, String path, List<Step> steps, Dropped dropped) {
        if (thresholds == null) {
            return;
        }
        if (!InputNodes.text(InputNodes.get(thresholds, "mode")).orElse("absolute").equals("absolute")) {
            dropped.add(path, thresholds);
            return;
        }
        List<Node> list = InputNodes.items(InputNodes.get(thresholds, "steps"));
        for (int i = 0; i < list.size(); i++) {
            Node step = list.get(i);
            String colour = colour(InputNodes.get(step, "color"), path + ".steps[" + i + "].color", dropped);
            steps.add(new Step(colour, i == 0 ? null : InputNodes.number(InputNodes.get(step, "value")).orElse(null)));
        }
        if (steps.size() == 1 && steps.get(0).colour().equals("green")) {
            steps.clear(); // Grafana's default single green base step: nothing set
        }
    }

    private String colour(Node colour, String path, Dropped dropped) {
        Colours.Named named = Colours.of(InputNodes.text(colour).orElse(""));
        if (!named.exact()) {
            dropped.add(path, colour);
        }
        return named.name();
    }

    /** The old graph's threshold lines: each `gt` line starts a step of its colour. */
    private void graphThresholds(Node p, String path, List<Step> steps, Dropped dropped) {
        List<Node> list = InputNodes.items(InputNodes.get(p, "thresholds"));
        for (int i = 0; i < list.size(); i++) {
            Node t = list.get(i);
            String at = path + ".thresholds[" + i + "]";
            Optional<BigDecimal> value = InputNodes.number(InputNodes.get(t, "value"));
            if (!"gt".equals(InputNodes.text(t, "op")) || value.isEmpty()) {
                dropped.add(at, t);
                continue;
            }
            String mode = String.valueOf(InputNodes.text(t, "colorMode"));
            String colour = switch (mode) {
                case "critical" -> "red";
                case "warning" -> "orange";
                case "ok" -> "green";
                default -> colour(InputNodes.get(t, "fillColor"), at + ".fillColor", dropped);
            };
            if (steps.isEmpty()) {
                steps.add(new Step("green", null));
            }
            steps.add(new Step(colour, value.get()));
        }
    }

    /** The old single stat's {@code thresholds: "80,90"} with one colour per band. */
    private void singlestatThresholds(Node p, String path, List<Step> steps, Dropped dropped) {
        List<String> values = VariableImport.split(InputNodes.text(InputNodes.get(p, "thresholds")).orElse(""));
        List<Node> colours = InputNodes.items(InputNodes.get(p, "colors"));
        if (values.isEmpty() || colours.size() <= values.size()) {
            dropped.add(path + ".colors", InputNodes.get(p, "colors"));
            return;
        }
        steps.add(new Step(colour(colours.get(0), path + ".colors[0]", dropped), null));
        for (int i = 0; i < values.size(); i++) {
            try {
                steps.add(new Step(colour(colours.get(i + 1), path + ".colors[" + (i + 1) + "]", dropped),
                        new BigDecimal(values.get(i))));
            } catch (NumberFormatException e) {
                dropped.add(path + ".thresholds", InputNodes.get(p, "thresholds"));
            }
        }
    }

    private void links(Node p, String path, SourceWriter body, Dropped dropped) {
        List<Node> links = InputNodes.items(InputNodes.get(p, "links"));
        for (int i = 0; i < links.size(); i++) {
            Node l = links.get(i);
            String url = InputNodes.text(l, "url");
            if (url == null || url.isEmpty()) {
                dropped.add(path + ".links[" + i + "]", l);
                continue;
            }
            body.line("link " + VigilText.string(InputNodes.text(InputNodes.get(l, "title")).orElse(""))
                    + " " + VigilText.string(url));
            dropped.rest(l, path + ".links[" + i + "]", Set.of("title", "url", "targetBlank", "type"));
        }
    }
}
