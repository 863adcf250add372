package dev.vigil.targets.grafana;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * Grafana's dashboard JSON model (Grafana 10/11, schemaVersion 39), as far as Vigil writes it. Field
 * names are Grafana's. Absent optional fields are null and left out; the few fields Grafana needs to
 * see as an explicit {@code null} say so.
 */
public final class GrafanaJson {
    private GrafanaJson() {
    }

    public record Dashboard(Annotations annotations, Boolean editable, Integer graphTooltip,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer id, List<Link> links, List<GridItem> panels,
            String refresh, int schemaVersion, List<String> tags, Templating templating, TimeRange time,
            String timezone, String title, String uid) {
    }

    public record Annotations(List<Annotation> list) {
    }

    /**
     * An annotation query: Grafana's built-in one, or a Prometheus query ({@code expr}) whose series are drawn as
     * periods, with {@code filter} naming the panels that draw them.
     */
    public record Annotation(Integer builtIn, DataSource datasource, boolean enable, Boolean hide, String iconColor,
            String name, String type, String expr, PanelFilter filter, String tagKeys, String textFormat,
            String titleFormat, Boolean useValueForTime) {
        public static Annotation builtIn(DataSource datasource, String iconColor, String name) {
            return new Annotation(1, datasource, true, true, iconColor, name, "dashboard", null, null, null, null, null,
                    null);
        }
    }

    /** The panels an annotation is drawn on ({@code exclude} false) or not drawn on. */
    public record PanelFilter(boolean exclude, List<Integer> ids) {
    }

    public record DataSource(String type, String uid) {
    }

    public record TimeRange(String from, String to) {
    }

    public record Templating(List<Variable> list) {
    }

    public record Variable(String type, String name, String label, DataSource datasource, String query,
            String definition, List<Option> options, Option current, Boolean multi, Boolean includeAll,
            Integer refresh, Integer sort, Integer hide, String regex, Boolean auto) {
    }

    public record Option(String text, String value, Boolean selected) {
    }

    /**
     * A link on the dashboard or a panel. Grafana reads only {@code title}, {@code url} and
     * {@code targetBlank} on panel links, but its schema types both as dashboard links, which require
     * every field.
     */
    public record Link(String title, String type, String url, String icon, String tooltip, List<String> tags,
            boolean asDropdown, boolean targetBlank, boolean includeVars, boolean keepTime) {
        public static Link external(String title, String url) {
            return new Link(title, "link", url, "external link", "", List.of(), false, true, false, false);
        }
    }

    /** An entry of the dashboard's {@code panels}: a panel or a row header. */
    public sealed interface GridItem permits Panel, Row {
        int id();

        GridPos gridPos();
    }

    /** An expanded row: its panels follow it at the top level, so its own list is empty. */
    public record Row(String type, boolean collapsed, int id, String title, GridPos gridPos, List<Panel> panels)
            implements GridItem {
        public static Row expanded(int id, String title, GridPos gridPos) {
            return new Row("row", false, id, title, gridPos, List.of());
        }
    }

    /**
     * A panel; {@code fieldConfig} is a {@link FieldConfigSource} and {@code options} a {@link PanelOptions},
     * or their JSON with the author's {@code field_config { }} and {@code options { }} merged in.
     */
    public record Panel(String type, int id, String title, String description, DataSource datasource,
            GridPos gridPos, List<Target> targets, List<Link> links, Object fieldConfig, Object options)
            implements GridItem {
    }

    public record GridPos(int h, int w, int x, int y) {
    }

    /** A Prometheus query of a panel. */
    public record Target(DataSource datasource, String editorMode, String expr, String format, Boolean instant,
            String legendFormat, Boolean range, String refId) {
    }

    public record FieldConfigSource(FieldDefaults defaults, List<Object> overrides) {
    }

    public record FieldDefaults(String unit, BigDecimal min, BigDecimal max, Integer decimals,
            Thresholds thresholds, FieldColor color, CustomFieldConfig custom, List<Object> mappings) {
    }

    public record Thresholds(String mode, List<Step> steps) {
    }

    /** A threshold step; the base step's value is null (minus infinity in Grafana's model). */
    public record Step(String color, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal value) {
    }

    public record FieldColor(String mode) {
    }

    /** {@code fieldConfig.defaults.custom}: per panel type, like {@code options}. */
    public sealed interface CustomFieldConfig permits GraphFieldConfig, TableFieldConfig, HeatmapFieldConfig {
    }

    public record GraphFieldConfig(String drawStyle, int lineWidth, int fillOpacity, String showPoints,
            boolean spanNulls, ThresholdsStyle thresholdsStyle) implements CustomFieldConfig {
    }

    public record ThresholdsStyle(String mode) {
    }

    /**
     * No {@code cellOptions}: Grafana defaults to auto cells, and the schema's {@code oneOf} over cell
     * kinds cannot tell them apart (each kind allows every {@code type}), so no cellOptions validates.
     */
    public record TableFieldConfig(String align, boolean inspect) implements CustomFieldConfig {
    }

    public record HeatmapFieldConfig(ScaleDistribution scaleDistribution, HideFrom hideFrom)
            implements CustomFieldConfig {
    }

    public record ScaleDistribution(String type) {
    }

    public record HideFrom(boolean legend, boolean tooltip, boolean viz) {
    }

    /** A panel's {@code options}; each panel type has its own. */
    public sealed interface PanelOptions permits TimeseriesOptions, StatOptions, GaugeOptions, TableOptions,
            BarGaugeOptions, HeatmapOptions, TextOptions {
    }

    public record Legend(List<String> calcs, String displayMode, String placement, boolean showLegend) {
    }

    public record Tooltip(String mode, String sort) {
    }

    public record ReduceOptions(List<String> calcs, String fields, boolean values) {
        /** The last value that is not null: what an at-a-glance panel should show. */
        public static final ReduceOptions LAST = new ReduceOptions(List.of("lastNotNull"), "", false);
    }

    public record TimeseriesOptions(Legend legend, Tooltip tooltip) implements PanelOptions {
    }

    public record StatOptions(String colorMode, String graphMode, String justifyMode, String orientation,
            String percentChangeColorMode, ReduceOptions reduceOptions, boolean showPercentChange, String textMode,
            boolean wideLayout) implements PanelOptions {
    }

    public record GaugeOptions(int minVizHeight, int minVizWidth, String orientation, ReduceOptions reduceOptions,
            boolean showThresholdLabels, boolean showThresholdMarkers, String sizing) implements PanelOptions {
    }

    public record TableOptions(String cellHeight, int frameIndex, boolean showHeader) implements PanelOptions {
    }

    public record BarGaugeOptions(String displayMode, Legend legend, int maxVizHeight, int minVizHeight,
            int minVizWidth, String namePlacement, String orientation, ReduceOptions reduceOptions,
            boolean showUnfilled, String sizing, String valueMode) implements PanelOptions {
    }

    public record HeatmapOptions(boolean calculate, int cellGap, HeatmapColor color, Exemplars exemplars,
            HeatmapLegend legend, RowsFrame rowsFrame, String showValue, HeatmapTooltip tooltip, YAxis yAxis)
            implements PanelOptions {
    }

    public record HeatmapColor(double exponent, String fill, String mode, boolean reverse, String scale,
            String scheme, int steps) {
    }

    public record Exemplars(String color) {
    }

    public record HeatmapLegend(boolean show) {
    }

    public record RowsFrame(String layout) {
    }

    public record HeatmapTooltip(String mode, boolean showColorScale, boolean yHistogram) {
    }

    /** The bucket axis of a heatmap: where a heatmap's unit, decimals, min and max belong. */
    public record YAxis(String axisPlacement, Integer decimals, BigDecimal max, BigDecimal min, boolean reverse,
            String unit) {
    }

    public record TextOptions(String content, String mode) implements PanelOptions {
    }
}
