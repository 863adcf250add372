package dev.vigil.targets.grafana;

import dev.vigil.compiler.ast.Struct;
import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.DashboardNames;
import dev.vigil.compiler.model.PanelAlerts;
import dev.vigil.compiler.model.Dashboard.PanelType;
import dev.vigil.compiler.model.PanelIds;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.targets.grafana.GrafanaJson.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns one dashboard of the model into Grafana's JSON model. */
final class DashboardBuilder {
    /** Grafana 10.4's version; Grafana 11 and 12 migrate it on load. */
    static final int SCHEMA_VERSION = 39;
    static final String DATASOURCE_VARIABLE = "datasource";
    /** The data source the `${datasource}` variable selects: where queries go unless a uid is set. */
    static final DataSource PROMETHEUS = new DataSource("prometheus", Dashboard.DATASOURCE_VARIABLE);
    static final String DEFAULT_TIME = "6h";
    static final int DEFAULT_HEIGHT = 8;

    /** An alert with its service and the constants in scope where it is declared. */
    record LocatedAlert(Rule.Alert alert, String service, Map<String, Constant> constants) {
    }

    /**
     * What a dashboard refers to elsewhere in the project: every alert by name and by the panel it names, the
     * dashboards by name (resolved as the checks resolve them), and the project's data source uid (null for the
     * {@code datasource} variable).
     */
    record Context(Map<String, LocatedAlert> alerts, PanelAlerts alertsByPanel,
            DashboardNames dashboards, String datasource, SeverityOrder severities) {
        Context {
            alerts = Map.copyOf(alerts);
        }

        static Context of(Map<String, LocatedAlert> alerts, DashboardNames dashboards, String datasource,
                SeverityOrder severities) {
            return new Context(alerts, PanelAlerts.of(alerts.values(), LocatedAlert::alert, LocatedAlert::service,
                    dashboards), dashboards, datasource, severities);
        }
    }

    private final Service service;
    private final Dashboard dashboard;
    private final Map<String, Constant> constants;
    private final Map<String, LocatedAlert> alerts;
    private final Context context;
    private final SeverityOrder severities;
    /** The data source of every query, annotation and variable of this dashboard. */
    private final DataSource prometheus;
    private final Set<String> variableNames = new LinkedHashSet<>();

    DashboardBuilder(Service service, Dashboard dashboard, Map<String, Constant> constants, Context context) {
        this.service = service;
        this.dashboard = dashboard;
        this.constants = constants;
        this.alerts = context.alerts();
        this.context = context;
        this.severities = context.severities();
        String uid = dashboard.datasource() != null ? dashboard.datasource() : context.datasource();
        this.prometheus = uid == null || uid.equals(Dashboard.DATASOURCE_VARIABLE) ? PROMETHEUS
                : new DataSource("prometheus", uid);
        dashboard.variables().forEach(v -> variableNames.add(v.name()));
    }

    GrafanaJson.Dashboard build() {
        Map<String, Integer> ids = PanelIds.assign(dashboard);
        return new GrafanaJson.Dashboard(annotations(ids), false, 1, null, links(), panels(ids),
                dashboard.refresh() == null ? null : interval(dashboard.refresh()), SCHEMA_VERSION,
                dashboard.tags(), new GrafanaJson.Templating(variables()),
                new GrafanaJson.TimeRange("now-" + interval(dashboard.timeFrom() == null ? DEFAULT_TIME
                        : dashboard.timeFrom()), "now"),
                "browser", dashboard.title(), dashboard.uid());
    }

    /**
     * Grafana's built-in annotations and alerts toggle, which its schema requires to be spelled out, then the
     * firing periods of each alert the panels show, drawn on those panels only.
     */
    private GrafanaJson.Annotations annotations(Map<String, Integer> ids) {
        List<GrafanaJson.Annotation> out = new ArrayList<>();
        out.add(GrafanaJson.Annotation.builtIn(new DataSource("grafana", "-- Grafana --"), "rgba(0, 211, 255, 1)",
                "Annotations & Alerts"));
        Map<String, List<Integer>> panelsByAlert = new TreeMap<>();
        for (Dashboard.Row row : dashboard.rows()) {
            for (Dashboard.Panel p : row.panels()) {
                if (p.type() != null && PanelType.ANNOTATED.contains(p.type())) {
                    for (String alert : shownAlerts(p)) {
                        panelsByAlert.computeIfAbsent(alert, k -> new ArrayList<>()).add(ids.get("panel:" + p.name()));
                    }
                }
            }
        }
        panelsByAlert.forEach((name, panels) -> {
            Rule.Alert a = alerts.get(name).alert();
            String text = AlertAnnotations.text(a.summary());
            out.add(new GrafanaJson.Annotation(null, prometheus, true, false,
                    ThresholdSteps.severityColour(severities, a.severity() == null ? null : a.severity().name()),
                    name, null, AlertAnnotations.firing(a), new GrafanaJson.PanelFilter(false, panels),
                    a.labels().containsKey("severity") ? "severity" : null, text, name, false));
        });
        return new GrafanaJson.Annotations(out);
    }

    /**
     * The alerts whose firing periods a panel shows: those it names in {@code alerts [...]}, else the one it draws
     * the threshold of and those that name it as their {@code panel}. Names of no alert are left out (reported).
     */
    private Set<String> shownAlerts(Dashboard.Panel p) {
        Set<String> out = new TreeSet<>();
        if (p.alerts() != null) {
            p.alerts().forEach(r -> out.add(r.name()));
        } else {
            if (p.thresholdsFrom() != null) {
                out.add(p.thresholdsFrom().name());
            }
            out.addAll(context.alertsByPanel().naming(service.name(), dashboard.name(), p.name()));
        }
        out.retainAll(alerts.keySet());
        return out;
    }

    /** The dashboard's own links, then the service's. */
    private List<GrafanaJson.Link> links() {
        List<GrafanaJson.Link> out = new ArrayList<>();
        for (Dashboard.DashboardLink l : dashboard.links()) {
            if (l.url() != null) {
                out.add(new GrafanaJson.Link(l.title(), "link", l.url(), "external link", l.tooltip(), List.of(),
                        false, l.newTab(), l.includeVars(), l.keepTime()));
            } else if (l.dashboard() != null) {
                String uid = uid(l.dashboard().name());
                if (uid != null) {
                    // Grafana puts its own base path before a link that starts with `/`.
                    out.add(new GrafanaJson.Link(l.title(), "link", "/d/" + uid, "dashboard",
                            l.tooltip(), List.of(), false, l.newTab(), l.includeVars(), l.keepTime()));
                }
            } else {
                out.add(new GrafanaJson.Link(l.title(), "dashboards", null, "external link", l.tooltip(), l.tags(),
                        l.dropdown(), l.newTab(), l.includeVars(), l.keepTime()));
            }
        }
        out.addAll(serviceLinks());
        return out;
    }

    /** A dashboard's uid by name, by the rule the checks use; null when unknown or ambiguous (reported). */
    private String uid(String name) {
        return context.dashboards().resolve(service.name(), name) instanceof DashboardNames.Found f
                ? f.dashboard().uid() : null;
    }

    /** The service's links (runbooks, repository, ...), except the Grafana base URL, which is this. */
    private List<GrafanaJson.Link> serviceLinks() {
        List<GrafanaJson.Link> out = new ArrayList<>();
        service.links().forEach((kind, url) -> {
            if (!kind.equals("dashboards")) {
                out.add(GrafanaJson.Link.external(kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1),
                        url));
            }
        });
        return out;
    }

    private List<GrafanaJson.Variable> variables() {
        List<GrafanaJson.Variable> out = new ArrayList<>();
        if (prometheus.equals(PROMETHEUS)) {
            out.add(new GrafanaJson.Variable("datasource", DATASOURCE_VARIABLE, "Data source", null, "prometheus", null,
                    List.of(), null, null, null, 1, null, 0, "", null));
        }
        for (Dashboard.Variable v : dashboard.variables()) {
            out.add(switch (v.kind()) {
                case LABEL_VALUES -> {
                    // The string form: the schema rejects the {query, refId} object newer Grafana writes.
                    String query = v.query() == null ? "label_values(" + v.label() + ")"
                            : "label_values(" + QueryText.of(v.query(), constants, variableNames) + ", " + v.label()
                                    + ")";
                    yield new GrafanaJson.Variable("query", v.name(), null, prometheus, query, query, List.of(),
                            null, v.multi(), v.includeAll(), 2, 1, 0, "", null);
                }
                case CUSTOM -> listVariable("custom", v, v.values(), null);
                case INTERVAL -> listVariable("interval", v, v.values().stream().map(DashboardBuilder::interval)
                        .toList(), false);
            });
        }
        return out;
    }

    private static GrafanaJson.Variable listVariable(String type, Dashboard.Variable v, List<String> values,
            Boolean auto) {
        List<GrafanaJson.Option> options = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            options.add(new GrafanaJson.Option(values.get(i), values.get(i), i == 0));
        }
        GrafanaJson.Option current = values.isEmpty() ? null
                : new GrafanaJson.Option(values.get(0), values.get(0), null);
        // Grafana splits a custom variable's query on commas; a comma inside a value is escaped.
        String query = String.join(",", values.stream().map(s -> s.replace(",", "\\,")).toList());
        return new GrafanaJson.Variable(type, v.name(), null, null, query, null, options, current, v.multi(),
                v.includeAll(), type.equals("interval") ? 2 : null, null, 0, null, auto);
    }

    private List<GrafanaJson.GridItem> panels(Map<String, Integer> ids) {
        Map<String, Integer> rowTitles = new HashMap<>();
        List<GrafanaJson.GridItem> out = new ArrayList<>();
        int y = 0;
        for (Dashboard.Row row : dashboard.rows()) {
            if (row.title() != null) {
                int n = rowTitles.merge(row.title(), 1, Integer::sum);
                out.add(GrafanaJson.Row.expanded(ids.get(PanelIds.rowKey(row.title(), n)), row.title(),
                        new GrafanaJson.GridPos(1, Layout.COLUMNS, 0, y)));
                y += 1;
            }
            // Panels with `x` and `y` stand there, counted from the row's top; the others are laid out below them.
            int top = y;
            int bottom = top;
            Map<Dashboard.Panel, GrafanaJson.GridPos> fixed = new java.util.IdentityHashMap<>();
            List<Dashboard.Panel> flowing = new ArrayList<>();
            for (Dashboard.Panel p : row.panels()) {
                if (p.x() != null && p.y() != null) {
                    int w = Math.min(p.width() == null ? defaultWidth(p.type()) : p.width(), Layout.COLUMNS - p.x());
                    int h = p.height() == null ? DEFAULT_HEIGHT : p.height();
                    fixed.put(p, new GrafanaJson.GridPos(h, w, p.x(), top + p.y()));
                    bottom = Math.max(bottom, top + p.y() + h);
                } else {
                    flowing.add(p);
                }
            }
            List<Layout.Box> boxes = flowing.stream()
                    .map(p -> new Layout.Box(p.width(), p.height(), defaultWidth(p.type()), DEFAULT_HEIGHT)).toList();
            Layout.Placed placed = Layout.place(boxes, bottom);
            for (int i = 0; i < flowing.size(); i++) {
                fixed.put(flowing.get(i), placed.positions().get(i));
            }
            for (Dashboard.Panel p : row.panels()) {
                out.add(panel(p, ids.get("panel:" + p.name()), fixed.get(p)));
            }
            y = placed.bottom();
        }
        return out;
    }

    /** At-a-glance numbers are narrow; graphs and tables need room. */
    static int defaultWidth(PanelType type) {
        return type == PanelType.STAT || type == PanelType.GAUGE ? 6 : 12;
    }

    private GrafanaJson.Panel panel(Dashboard.Panel p, int id, GrafanaJson.GridPos pos) {
        List<GrafanaJson.Link> links = p.links().isEmpty() ? null
                : p.links().stream().map(l -> GrafanaJson.Link.external(l.title(), l.url())).toList();
        if (p.type() == PanelType.TEXT) {
            return new GrafanaJson.Panel("text", id, p.title(), p.description(), null, pos, null, links, null,
                    written(PanelDefaults.options(p), p.options(), p.text() != null ? Set.of("content") : Set.of()));
        }
        return new GrafanaJson.Panel(p.type().grafanaId(), id, p.title(), p.description(), prometheus, pos,
                targets(p), links, written(fieldConfig(p), p.fieldConfig(), modelledFieldConfig(p)),
                written(PanelDefaults.options(p), p.options(), modelledOptions(p)));
    }

    /** The emitter's record, or its JSON with the author's panel JSON merged in. */
    private static Object written(Object generated, Struct.Obj written, Set<String> kept) {
        return written == null ? generated : PanelJsonMerge.merge(GrafanaEmitter.tree(generated), written, kept);
    }

    /** What the panel sets in the language, which the author's field config does not replace. */
    private static Set<String> modelledFieldConfig(Dashboard.Panel p) {
        Set<String> kept = new HashSet<>();
        if (p.type() != PanelType.HEATMAP) {
            modelled(kept, "defaults.", p);
        }
        if (!p.thresholds().isEmpty() || p.thresholdsFrom() != null) {
            kept.add("defaults.thresholds");
        }
        return kept;
    }

    private static Set<String> modelledOptions(Dashboard.Panel p) {
        Set<String> kept = new HashSet<>();
        if (p.type() == PanelType.HEATMAP) {
            modelled(kept, "yAxis.", p);
        }
        return kept;
    }

    private static void modelled(Set<String> kept, String prefix, Dashboard.Panel p) {
        if (p.unit() != null) {
            kept.add(prefix + "unit");
        }
        if (p.min() != null) {
            kept.add(prefix + "min");
        }
        if (p.max() != null) {
            kept.add(prefix + "max");
        }
        if (p.decimals() != null) {
            kept.add(prefix + "decimals");
        }
    }

    private List<GrafanaJson.Target> targets(Dashboard.Panel p) {
        List<GrafanaJson.Target> out = new ArrayList<>();
        for (int i = 0; i < p.queries().size(); i++) {
            Dashboard.Query q = p.queries().get(i);
            String expr = QueryText.of(q.expr(), constants, variableNames);
            String legend = q.legend() != null ? q.legend() : p.type() == PanelType.HEATMAP ? "{{le}}" : "__auto";
            out.add(switch (p.type()) {
                // A table shows the current value of each series, one row each.
                case TABLE -> new GrafanaJson.Target(prometheus, "code", expr, "table", true, legend, false, refId(i));
                // Buckets as a heatmap frame, so Grafana neither sums nor re-buckets them.
                case HEATMAP -> new GrafanaJson.Target(prometheus, "code", expr, "heatmap", false, legend, true,
                        refId(i));
                default -> new GrafanaJson.Target(prometheus, "code", expr, "time_series", false, legend, true,
                        refId(i));
            });
        }
        return out;
    }

    /** A, B, ..., Z, AA, AB, ...: Grafana's own query ids. */
    static String refId(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index;
        do {
            sb.insert(0, (char) ('A' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return sb.toString();
    }

    private GrafanaJson.FieldConfigSource fieldConfig(Dashboard.Panel p) {
        Optional<AlertThreshold> alertThreshold = Optional.empty();
        String alertColour = null;
        if (p.thresholdsFrom() != null) {
            LocatedAlert located = alerts.get(p.thresholdsFrom().name());
            if (located != null) {
                alertThreshold = AlertThreshold.drawable(located.alert().expr(), located.constants());
                alertColour = ThresholdSteps.severityColour(severities,
                        located.alert().severity() == null ? null : located.alert().severity().name());
            }
        }
        List<GrafanaJson.Step> steps = ThresholdSteps.merge(p.thresholds(), alertThreshold, alertColour);
        boolean heatmap = p.type() == PanelType.HEATMAP;
        // A heatmap's unit, decimals and range belong to its bucket axis (options.yAxis), not its counts.
        GrafanaJson.FieldDefaults defaults = new GrafanaJson.FieldDefaults(heatmap ? null : p.unit(),
                heatmap ? null : QueryText.plain(p.min()), heatmap ? null : QueryText.plain(p.max()),
                heatmap ? null : p.decimals(), new GrafanaJson.Thresholds("absolute", steps),
                new GrafanaJson.FieldColor(PanelDefaults.colorMode(p.type())),
                PanelDefaults.custom(p.type(), steps.size() > 1), List.of());
        return new GrafanaJson.FieldConfigSource(defaults, List.of());
    }

    /**
     * A duration in the one-unit form Grafana's time ranges and refresh picker read ({@code 90m}, not
     * {@code 1h30m}): the largest unit that divides it, seconds at the least (rounded up).
     */
    static String interval(String vigilDuration) {
        long millis = Durations.parseMillis(vigilDuration);
        long seconds = Math.max(1, (millis + 999) / 1000);
        String[] units = {"d", "h", "m", "s"};
        long[] size = {86_400, 3_600, 60, 1};
        for (int u = 0; u < units.length; u++) {
            if (seconds % size[u] == 0) {
                return seconds / size[u] + units[u];
            }
        }
        throw new AssertionError("every whole number of seconds divides by 1");
    }
}
