package dev.vigil.compiler.importer.grafana;

import dev.vigil.compiler.importer.slo.InputNodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A dashboard's panels grouped into rows, each with its grid position. Vigil counts a panel's
 * {@code y} from the top of its row (the line under the row's title), so a row keeps its layout
 * wherever it moves and whether or not the rows above are collapsed.
 *
 * <p>Dashboards since schema 16 place panels with {@code gridPos}; older ones have {@code rows} of
 * panels with a {@code span} (of 12 columns) and a row height in pixels, which Grafana converts on
 * load: widths double, heights become grid lines of 30px plus an 8px margin, and panels fill each
 * row left to right.
 */
final class PanelLayout {
    static final int COLUMNS = 24;
    /** Grafana's defaults for the old row layout: row height 250px, panel span 4, at least 3 lines of 30px. */
    static final int OLD_ROW_HEIGHT_PX = 250;
    static final int OLD_SPAN = 4;
    static final int MIN_HEIGHT_PX = 90;
    static final int LINE_PX = 38;

    record Placed(Node panel, String path, int x, int y, int w, int h) {
    }

    /** A row; {@code title} null for the panels above the first row. */
    record Row(String title, Node node, String path, boolean collapsed, List<Placed> panels) {
    }

    private PanelLayout() {
    }

    static List<Row> rows(Node dashboard) {
        Node oldRows = InputNodes.get(dashboard, "rows");
        return InputNodes.items(oldRows).isEmpty() ? grid(dashboard) : migrate(oldRows);
    }

    private record Indexed(Node node, String path, int x, int y) {
    }

    private static List<Indexed> sorted(List<Node> panels, String base) {
        List<Indexed> out = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            Node pos = InputNodes.get(panels.get(i), "gridPos");
            out.add(new Indexed(panels.get(i), base + "[" + i + "]", integer(pos, "x", 0), integer(pos, "y", 0)));
        }
        // Grafana orders panels by position on load; rows own the panels below them in that order.
        out.sort(Comparator.comparingInt(Indexed::y).thenComparingInt(Indexed::x));
        return out;
    }

    private static List<Row> grid(Node dashboard) {
        List<Row> rows = new ArrayList<>();
        List<Placed> current = new ArrayList<>();
        rows.add(new Row(null, dashboard, "panels", false, current));
        int top = 0;
        for (Indexed p : sorted(InputNodes.items(InputNodes.get(dashboard, "panels")), "panels")) {
            if ("row".equals(InputNodes.text(p.node(), "type"))) {
                current = new ArrayList<>();
                boolean collapsed = InputNodes.bool(InputNodes.get(p.node(), "collapsed")).orElse(false);
                rows.add(new Row(title(p.node()), p.node(),
                        p.path(), collapsed, current));
                top = p.y() + 1;
                for (Indexed nested : sorted(InputNodes.items(InputNodes.get(p.node(), "panels")), p.path() + ".panels")) {
                    current.add(place(nested, top));
                }
            } else {
                current.add(place(p, top));
            }
        }
        if (rows.get(0).panels().isEmpty()) {
            rows.remove(0);
        }
        return rows;
    }

    private static Placed place(Indexed p, int top) {
        Node pos = InputNodes.get(p.node(), "gridPos");
        return new Placed(p.node(), p.path(), p.x(), Math.max(0, p.y() - top), integer(pos, "w", 12),
                integer(pos, "h", 8));
    }

    private static List<Row> migrate(Node oldRows) {
        List<Node> list = InputNodes.items(oldRows);
        boolean titled = list.stream().anyMatch(r -> InputNodes.bool(InputNodes.get(r, "collapse")).orElse(false)
                || InputNodes.bool(InputNodes.get(r, "showTitle")).orElse(false)
                || !Dropped.empty(InputNodes.get(r, "repeat")));
        List<Row> rows = new ArrayList<>();
        List<Placed> untitled = new ArrayList<>();
        int untitledTop = 0;
        for (int r = 0; r < list.size(); r++) {
            Node row = list.get(r);
            if (!Dropped.empty(InputNodes.get(row, "repeatIteration"))) {
                continue; // a copy Grafana made of a repeated row
            }
            int height = gridHeight(InputNodes.get(row, "height"), OLD_ROW_HEIGHT_PX);
            List<Placed> panels = titled ? new ArrayList<>() : untitled;
            int base = titled ? 0 : untitledTop;
            int x = 0;
            int y = 0;
            int bottom = 0;
            List<Node> items = InputNodes.items(InputNodes.get(row, "panels"));
            for (int i = 0; i < items.size(); i++) {
                Node p = items.get(i);
                int span = InputNodes.number(InputNodes.get(p, "span")).map(BigDecimal::intValue).orElse(OLD_SPAN);
                int w = Math.min(COLUMNS, Math.max(1, span * COLUMNS / 12));
                int h = InputNodes.get(p, "height") == null ? height : gridHeight(InputNodes.get(p, "height"), height);
                if (x + w > COLUMNS) {
                    x = 0;
                    y = bottom;
                }
                panels.add(new Placed(p, "rows[" + r + "].panels[" + i + "]", x, base + y, w, h));
                x += w;
                bottom = Math.max(bottom, y + h);
            }
            if (titled) {
                rows.add(new Row(title(row), row, "rows[" + r + "]",
                        InputNodes.bool(InputNodes.get(row, "collapse")).orElse(false), panels));
            } else {
                untitledTop += bottom == 0 ? height : bottom;
            }
        }
        if (!titled) {
            rows.add(new Row(null, oldRows, "rows", false, untitled));
        }
        return rows;
    }

    private static String title(Node row) {
        return InputNodes.text(InputNodes.get(row, "title")).orElse("");
    }

    /** A height in pixels ({@code 250}, {@code "250px"}) as grid lines. */
    static int gridHeight(Node height, int fallbackPx) {
        int px = InputNodes.text(height).map(t -> t.replace("px", "").strip()).map(t -> {
            try {
                return (int) Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return fallbackPx;
            }
        }).orElse(fallbackPx);
        return (Math.max(px, MIN_HEIGHT_PX) + LINE_PX - 1) / LINE_PX;
    }

    private static int integer(Node mapping, String key, int fallback) {
        return InputNodes.number(InputNodes.get(mapping, key)).map(BigDecimal::intValue).orElse(fallback);
    }
}
