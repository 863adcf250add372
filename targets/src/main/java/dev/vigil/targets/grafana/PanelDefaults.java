package dev.vigil.targets.grafana;

import dev.vigil.compiler.model.Dashboard.PanelType;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.targets.grafana.GrafanaJson.ReduceOptions;
import java.util.List;

/**
 * Each panel type's {@code options} and custom field config: Grafana's defaults, written out because
 * the schemas require them (a legend's {@code displayMode}, a stat's {@code reduceOptions}, ...), with
 * a few choices for monitoring (shared tooltips sorted by value, last value on single stats).
 */
final class PanelDefaults {
    private PanelDefaults() {
    }

    static GrafanaJson.PanelOptions options(Dashboard.Panel p) {
        return switch (p.type()) {
            case TIMESERIES -> new GrafanaJson.TimeseriesOptions(
                    new GrafanaJson.Legend(List.of(), "list", "bottom", true), new GrafanaJson.Tooltip("multi", "desc"));
            case STAT -> new GrafanaJson.StatOptions("value", "area", "auto", "auto", "standard", ReduceOptions.LAST,
                    false, "auto", true);
            case GAUGE -> new GrafanaJson.GaugeOptions(75, 75, "auto", ReduceOptions.LAST, false, true, "auto");
            case TABLE -> new GrafanaJson.TableOptions("sm", 0, true);
            case BARGAUGE -> new GrafanaJson.BarGaugeOptions("gradient",
                    new GrafanaJson.Legend(List.of(), "list", "bottom", false), 300, 16, 8, "auto", "horizontal",
                    ReduceOptions.LAST, true, "auto", "color");
            case HEATMAP -> new GrafanaJson.HeatmapOptions(false, 1,
                    new GrafanaJson.HeatmapColor(0.5, "dark-orange", "scheme", false, "exponential", "Oranges", 64),
                    new GrafanaJson.Exemplars("rgba(255,0,255,0.7)"), new GrafanaJson.HeatmapLegend(true),
                    new GrafanaJson.RowsFrame("auto"), "auto", new GrafanaJson.HeatmapTooltip("single", false, false),
                    new GrafanaJson.YAxis("left", p.decimals(), QueryText.plain(p.max()), QueryText.plain(p.min()), false,
                            p.unit()));
            case TEXT -> new GrafanaJson.TextOptions(p.text(), "markdown");
        };
    }

    /** Series get palette colours; single values and table cells take their threshold's colour. */
    static String colorMode(PanelType type) {
        return type == PanelType.TIMESERIES ? "palette-classic" : "thresholds";
    }

    /** Only timeseries, table and heatmap have custom field config in Grafana's schemas. */
    static GrafanaJson.CustomFieldConfig custom(PanelType type, boolean hasThresholds) {
        return switch (type) {
            // Thresholds are drawn as lines only when there is a threshold to draw.
            case TIMESERIES -> new GrafanaJson.GraphFieldConfig("line", 1, 10, "never", false,
                    new GrafanaJson.ThresholdsStyle(hasThresholds ? "line" : "off"));
            case TABLE -> new GrafanaJson.TableFieldConfig("auto", false);
            case HEATMAP -> new GrafanaJson.HeatmapFieldConfig(new GrafanaJson.ScaleDistribution("linear"),
                    new GrafanaJson.HideFrom(false, false, false));
            default -> null;
        };
    }
}
