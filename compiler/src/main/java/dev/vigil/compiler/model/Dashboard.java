package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Struct;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.List;

/** A Grafana dashboard as declared: rows of panels, variables, and dashboard settings. */
public record Dashboard(String name, String uid, String title, List<String> tags, String refresh, String timeFrom,
        List<Variable> variables, List<Row> rows, Span span) {
    public Dashboard {
        tags = List.copyOf(tags);
        variables = List.copyOf(variables);
        rows = List.copyOf(rows);
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
    }

    /**
     * A panel. {@code x} (column) and {@code y} (grid line, counted from the top of its row) place it;
     * both are null for a panel the emitter lays out itself. {@code unitAt} says where {@code unit} is
     * written (null when there is no unit). {@code options} and {@code fieldConfig} are Grafana's panel
     * JSON as written in {@code options { }} and {@code field_config { }} (null when not given), which the
     * emitter merges into what it writes itself.
     */
    public record Panel(String name, PanelType type, String title, List<Query> queries, String unit, UnitAt unitAt,
            BigDecimal min,
            BigDecimal max, Integer decimals, String description, String text, List<Threshold> thresholds,
            Ref thresholdsFrom, List<Link> links, Integer width, Integer height, Integer x, Integer y,
            Struct.Obj options, Struct.Obj fieldConfig, Span span) {
        public Panel {
            queries = List.copyOf(queries);
            thresholds = List.copyOf(thresholds);
            links = List.copyOf(links);
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
