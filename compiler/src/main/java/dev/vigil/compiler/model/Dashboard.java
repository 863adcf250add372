package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Struct;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.List;

/**
 * A Grafana dashboard as declared: rows of panels, variables, links and dashboard settings. {@code datasource}
 * is the uid of the Prometheus data source every query goes to, {@link #DATASOURCE_VARIABLE} for the one the
 * dashboard's {@code datasource} variable selects, or null for the project's choice.
 */
public record Dashboard(String name, String uid, String title, List<String> tags, String refresh, String timeFrom,
        String datasource, List<DashboardLink> links, List<Variable> variables, List<Row> rows, Span span) {
    /** How a dashboard (or the project's settings) names Grafana's data source variable instead of a uid. */
    public static final String DATASOURCE_VARIABLE = "${datasource}";

    public Dashboard {
        tags = List.copyOf(tags);
        links = List.copyOf(links);
        variables = List.copyOf(variables);
        rows = List.copyOf(rows);
    }

    /** A dashboard with no data source or links of its own. */
    public Dashboard(String name, String uid, String title, List<String> tags, String refresh, String timeFrom,
            List<Variable> variables, List<Row> rows, Span span) {
        this(name, uid, title, tags, refresh, timeFrom, null, List.of(), variables, rows, span);
    }

    /**
     * A link at the top of the dashboard, to exactly one of: a web page ({@code url}), a dashboard of the
     * project ({@code dashboard}, resolved to its uid when emitted), or the Grafana dashboards that carry all of
     * {@code tags}.
     */
    public record DashboardLink(String title, String url, Ref dashboard, List<String> tags, String tooltip,
            boolean newTab, boolean keepTime, boolean includeVars, boolean dropdown, Span span) {
        public DashboardLink {
            tags = List.copyOf(tags);
        }
    }

    public enum VariableKind {
        LABEL_VALUES, CUSTOM, INTERVAL
    }

    /** {@code query} is the optional selector of a label_values variable. */
    public record Variable(String name, VariableKind kind, Expr query, String label, List<String> values,
            boolean multi, boolean includeAll, Span span) {
        public Variable {
            values = List.copyOf(values);
        }
    }

    /** A row; the panels declared directly in a dashboard go into an untitled first row. */
    public record Row(String title, List<Panel> panels, Span span) {
        public Row {
            panels = List.copyOf(panels);
        }
    }

    public enum PanelType {
        TIMESERIES("timeseries"), STAT("stat"), GAUGE("gauge"), TABLE("table"), BARGAUGE("bargauge"),
        HEATMAP("heatmap"), TEXT("text");

        private final String grafanaId;

        PanelType(String grafanaId) {
            this.grafanaId = grafanaId;
        }

        public String grafanaId() {
            return grafanaId;
        }

        /** The panels Grafana draws annotations on, such as the periods an alert fired. */
        public static final java.util.Set<PanelType> ANNOTATED = java.util.EnumSet.of(TIMESERIES, HEATMAP);
    }

    /**
     * A panel. {@code x} (column) and {@code y} (grid line, counted from the top of its row) place it;
     * both are null for a panel the emitter lays out itself. {@code unitAt} says where {@code unit} is
     * written (null when there is no unit). {@code options} and {@code fieldConfig} are Grafana's panel
     * JSON as written in {@code options { }} and {@code field_config { }} (null when not given), which the
     * emitter merges into what it writes itself. {@code alerts} are the alerts whose firing periods the panel
     * shows, as written in {@code alerts [...]}; null when not written, for the alerts the panel draws or that
     * name it ({@code thresholds from}, an alert's {@code panel}).
     */
    public record Panel(String name, PanelType type, String title, List<Query> queries, String unit, UnitAt unitAt,
            BigDecimal min,
            BigDecimal max, Integer decimals, String description, String text, List<Threshold> thresholds,
            Ref thresholdsFrom, List<Link> links, Integer width, Integer height, Integer x, Integer y,
            Struct.Obj options, Struct.Obj fieldConfig, List<Ref> alerts, Span span) {
        public Panel {
            queries = List.copyOf(queries);
            thresholds = List.copyOf(thresholds);
            links = List.copyOf(links);
            alerts = alerts == null ? null : List.copyOf(alerts);
        }
    }

    /**
     * Where a panel's unit is written. {@code literal} when {@code span} is the quoted string itself,
     * which an edit may replace; not a {@code $constant} or a template's parameter, whose text there is
     * a name.
     */
    public record UnitAt(Span span, boolean literal) {
    }

    /** A query; {@code legend} is Grafana's legend format, or null. */
    public record Query(Expr expr, String legend, Span span) {
    }

    /** A threshold step; the first step's value is the base (null in Grafana's model). */
    public record Threshold(String color, BigDecimal value, Span span) {
    }

    public record Link(String title, String url, Span span) {
    }
}
