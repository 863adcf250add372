package dev.vigil.targets.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.targets.grafana.GrafanaJson.GridPos;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {
    private static Layout.Box auto(int defaultWidth) {
        return new Layout.Box(null, null, defaultWidth, 8);
    }

    @Test
    void autoWidthPanelsShareTheLeftoverColumnsOfTheirLine() {
        // table 12 + stat 6 fit; the timeseries does not and starts a line of its own.
        Layout.Placed placed = Layout.place(List.of(auto(12), auto(6), auto(12)), 1);
        assertEquals(List.of(new GridPos(8, 15, 0, 1), new GridPos(8, 9, 15, 1), new GridPos(8, 24, 0, 9)),
                placed.positions());
        assertEquals(17, placed.bottom());
    }

    @Test
    void theRemainderGoesToTheFirstPanels() {
        Layout.Placed placed = Layout.place(List.of(auto(6), auto(6), auto(6), auto(6), auto(6)), 0);
        // Four fill the first line exactly; the fifth is alone and spans the width.
        assertEquals(List.of(6, 6, 6, 6, 24), placed.positions().stream().map(GridPos::w).toList());
        // 6 + 6 + 6 + 7 does not fit: the declared 7 wraps, and the three auto panels share the line.
        Layout.Placed wrapped = Layout.place(List.of(auto(6), auto(6), auto(6), new Layout.Box(7, null, 6, 8)), 0);
        assertEquals(List.of(8, 8, 8, 7), wrapped.positions().stream().map(GridPos::w).toList());
        Layout.Placed three = Layout.place(List.of(auto(5), auto(5), auto(5)), 0);
        // 24 - 15 = 9 spare columns, 3 each.
        assertEquals(List.of(8, 8, 8), three.positions().stream().map(GridPos::w).toList());
        Layout.Placed seven = Layout.place(List.of(auto(6), auto(6), auto(6), new Layout.Box(1, null, 6, 8)), 0);
        // 24 - 19 = 5 spare over three panels: 2, 2, 1.
        assertEquals(List.of(8, 8, 7, 1), seven.positions().stream().map(GridPos::w).toList());
        assertEquals(List.of(0, 8, 16, 23), seven.positions().stream().map(GridPos::x).toList());
    }

    @Test
    void declaredSizesAreKeptAndHeightsFollowTheTallestPanel() {
        Layout.Placed placed = Layout.place(List.of(new Layout.Box(8, 10, 12, 8), auto(6), new Layout.Box(null, 4, 6, 8),
                new Layout.Box(24, null, 12, 8)), 3);
        assertEquals(List.of(new GridPos(10, 8, 0, 3), new GridPos(10, 8, 8, 3), new GridPos(4, 8, 16, 3),
                new GridPos(8, 24, 0, 13)), placed.positions());
        assertEquals(21, placed.bottom());
    }

    @Test
    void everyPanelStaysInsideTheGrid() {
        Layout.Placed placed = Layout.place(List.of(new Layout.Box(20, null, 12, 8), new Layout.Box(20, null, 12, 8),
                auto(12), auto(6)), 0);
        for (GridPos p : placed.positions()) {
            assertEquals(true, p.x() >= 0 && p.w() > 0 && p.x() + p.w() <= Layout.COLUMNS, p.toString());
        }
        assertEquals(List.of(0, 8, 16), placed.positions().stream().map(GridPos::y).distinct().toList());
    }
}
