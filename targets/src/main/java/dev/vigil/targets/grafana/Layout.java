package dev.vigil.targets.grafana;

import java.util.ArrayList;
import java.util.List;

/**
 * Places panels on Grafana's grid of 24 columns, left to right, starting a new line when the next
 * panel does not fit. A panel without a declared width starts from its type's width; once a line is
 * complete, such panels share the columns left over, so every line spans the full width. A panel
 * without a declared height takes the height of the tallest panel in its line.
 */
final class Layout {
    static final int COLUMNS = 24;

    private Layout() {
    }

    /** A panel's declared size (null when not declared) and its type's default size. */
    record Box(Integer width, Integer height, int defaultWidth, int defaultHeight) {
    }

    record Placed(List<GrafanaJson.GridPos> positions, int bottom) {
    }

    static Placed place(List<Box> boxes, int top) {
        List<GrafanaJson.GridPos> out = new ArrayList<>();
        int y = top;
        int start = 0;
        while (start < boxes.size()) {
            int end = start;
            int used = 0;
            while (end < boxes.size() && (end == start || used + preferredWidth(boxes.get(end)) <= COLUMNS)) {
                used += preferredWidth(boxes.get(end));
                end++;
            }
            y += line(boxes.subList(start, end), used, y, out);
            start = end;
        }
        return new Placed(out, y);
    }

    /** Places one line; returns its height. */
    private static int line(List<Box> line, int used, int y, List<GrafanaJson.GridPos> out) {
        int autos = (int) line.stream().filter(b -> b.width() == null).count();
        int spare = Math.max(0, COLUMNS - used);
        int height = 0;
        for (Box b : line) {
            height = Math.max(height, b.height() == null ? b.defaultHeight() : b.height());
        }
        int x = 0;
        int autoIndex = 0;
        for (Box b : line) {
            int w = preferredWidth(b);
            if (b.width() == null) {
                // Leftover columns go to the auto-width panels, the first ones getting any remainder.
                w += spare / autos + (autoIndex < spare % autos ? 1 : 0);
                autoIndex++;
            }
            int h = b.height() == null ? height : b.height();
            out.add(new GrafanaJson.GridPos(h, w, x, y));
            x += w;
        }
        return height;
    }

    private static int preferredWidth(Box b) {
        return Math.min(COLUMNS, b.width() == null ? b.defaultWidth() : b.width());
    }
}
