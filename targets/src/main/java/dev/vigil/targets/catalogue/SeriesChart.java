package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.SeriesNotation;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.VectorSelector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A small chart of the input series of the test that makes an alert fire, with the times the test expects it
 * pending (the {@code for} before each expected firing) and firing, and the same facts as a table. The
 * threshold is drawn only when the alert compares one of these series itself ({@code up == 0}); otherwise it
 * applies to a value computed from them, and the caption says so rather than draw a misleading line.
 * Lines differ by dash pattern and carry a text label, so nothing is told by colour alone; all text is ASCII.
 */
final class SeriesChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 64;
    private static final int RIGHT = 560;
    private static final int TOP = 24;
    private static final int BOTTOM = 200;
    /** Enough to read the test, small enough to keep a page well under its 40 KB budget. */
    private static final int MAX_SERIES = 4;
    private static final int MAX_POINTS = 120;
    private static final int MAX_ROWS = 24;
    private static final String[] DASHES = {"", "6 3", "2 3", "10 3 2 3"};
    private static final String[] STROKES = {"#1f4e79", "#7a3b00", "#2d6a2d", "#5a2d82"};

    private SeriesChart() {
    }

    /** One input series, expanded: a value (or null for none) per interval from time 0. */
    private record Series(String label, String selector, String notation, List<Double> values, int more) {
        Series alike() {
            return new Series(label, selector, notation, values, more + 1);
        }
    }

    /** The first test that expects {@code alert} to fire, if any. */
    static Optional<TestCase> firingTest(List<TestCase> tests, String alert) {
        for (TestCase t : tests) {
            for (TestCase.Expectation x : t.expectations()) {
                if (x instanceof TestCase.AlertExpectation a && a.firing() && a.alert() != null
                        && alert.equals(a.alert().name())) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The metric an alert's condition compares directly ({@code up{job="x"} == 0} compares {@code up}), looking
     * through parentheses and the left side of {@code and}/{@code unless} as {@link AlertThreshold} does.
     */
    static Optional<String> comparedMetric(Expr when) {
        Expr e = when;
        while (true) {
            e = Expr.unparen(e);
            if (e instanceof Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.UNLESS)) {
                e = b.lhs();
            } else {
                break;
            }
        }
        if (e instanceof Binary b && b.op().isComparison() && !b.returnBool()) {
            for (Expr side : List.of(b.lhs(), b.rhs())) {
                if (Expr.unparen(side) instanceof VectorSelector v) {
                    return v.name();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The figure and the table for {@code test}; empty when none of its series is in promtool's notation.
     * {@code threshold} is the alert's, {@code compared} the metric it compares directly, if any.
     */
    static List<Block> blocks(String alert, TestCase test, long forMillis, Optional<AlertThreshold> threshold,
            Optional<String> compared) {
        // Series with the same values are one line: six partitions of which five are idle draw two lines.
        List<Series> series = new ArrayList<>();
        int skipped = 0;
        for (TestCase.InputSeries in : test.series()) {
            Optional<List<Double>> values = SeriesNotation.expand(in.values());
            if (values.isEmpty() || values.get().isEmpty()) {
                skipped++;
                continue;
            }
            Series same = series.stream().filter(x -> x.values().equals(values.get())).findFirst().orElse(null);
            if (same != null) {
                series.set(series.indexOf(same), same.alike());
            } else if (series.size() == MAX_SERIES) {
                skipped++;
            } else {
                series.add(new Series("s" + (series.size() + 1), QueryText.of(in.selector(), Map.of()), in.values(),
                        values.get(), 0));
            }
        }
        if (series.isEmpty() || test.intervalMillis() <= 0) {
            return List.of();
        }
        List<TestCase.AlertExpectation> expected = new ArrayList<>();
        for (TestCase.Expectation x : test.expectations()) {
            if (x instanceof TestCase.AlertExpectation a && a.alert() != null && alert.equals(a.alert().name())) {
                expected.add(a);
            }
        }
        long interval = test.intervalMillis();
        long end = 0;
        for (Series s : series) {
            end = Math.max(end, (s.values().size() - 1) * interval);
        }
        for (TestCase.AlertExpectation a : expected) {
            end = Math.max(end, a.atMillis());
        }
        end = Math.max(end, interval);
        // Only a threshold on these very series can be drawn against them.
        boolean drawThreshold = threshold.isPresent() && compared.isPresent()
                && test.series().stream().allMatch(in -> in.selector().name().equals(compared));
        List<Block> out = new ArrayList<>();
        out.add(new Block.Figure(svg(alert, test, series, expected, forMillis, end,
                drawThreshold ? threshold.get() : null), caption(test, threshold, drawThreshold, forMillis)));
        List<Block.Item> legend = new ArrayList<>();
        for (Series s : series) {
            List<Inline> text = new ArrayList<>(List.of(new Inline.Text(s.label() + ": "), new Inline.Code(s.selector()),
                    new Inline.Text(" = "), new Inline.Code(s.notation())));
            if (s.more() > 0) {
                text.add(new Inline.Text(", and " + s.more() + " more series with the same values"));
            }
            legend.add(new Block.Item(text));
        }
        if (skipped > 0) {
            legend.add(new Block.Item(Inline.text(skipped + " more input series of the test are not drawn.")));
        }
        out.add(new Block.Items(false, legend));
        out.add(table(test, series, expected, forMillis, end));
        return out;
    }

    private static String caption(TestCase test, Optional<AlertThreshold> threshold, boolean drawn, long forMillis) {
        StringBuilder c = new StringBuilder("The input series of the test \"" + test.name() + "\" over time");
        if (drawn) {
            c.append(", against the threshold ").append(threshold.get().text()).append(" (dashed line)");
        } else if (threshold.isPresent()) {
            c.append("; the threshold ").append(threshold.get().text())
                    .append(" applies to the value the expression computes from them, so it is not drawn");
        }
        c.append(". A vertical line marked firing is where the test expects the alert to fire, one marked silent where it"
                + " expects none");
        if (forMillis > 0) {
            c.append("; the band marked pending is the ").append(Durations.format(forMillis))
                    .append(" of for before an expected firing, through which the alert must already be pending");
        }
        return c.append('.').toString();
    }

    /** The times the table must show: each check of the alert, and the start of each pending band. */
    private static TreeSet<Long> marks(List<TestCase.AlertExpectation> expected, long forMillis) {
        TreeSet<Long> times = new TreeSet<>();
        for (TestCase.AlertExpectation a : expected) {
            times.add(a.atMillis());
            if (a.firing() && forMillis > 0) {
                times.add(Math.max(0, a.atMillis() - forMillis));
            }
        }
        return times;
    }

    /**
     * What the test expects at {@code t}: firing or not where it checks; pending through the {@code for} before an
     * expected firing (a check there that it does not fire yet agrees); else nothing.
     */
    static String stateAt(long t, List<TestCase.AlertExpectation> expected, long forMillis) {
        boolean pending = false;
        String checked = null;
        for (TestCase.AlertExpectation a : expected) {
            if (a.atMillis() == t) {
                checked = a.firing() ? "firing" : "not firing";
            }
            if (a.firing() && forMillis > 0 && t >= a.atMillis() - forMillis && t < a.atMillis()) {
                pending = true;
            }
        }
        if ("firing".equals(checked)) {
            return checked;
        }
        if (pending) {
            return checked == null ? "pending" : "pending, not firing yet";
        }
        return checked == null ? "not checked" : checked;
    }

    private static Block.Table table(TestCase test, List<Series> series, List<TestCase.AlertExpectation> expected,
            long forMillis, long end) {
        TreeSet<Long> times = marks(expected, forMillis);
        times.add(0L);
        times.add(end);
        long interval = test.intervalMillis();
        long steps = end / interval;
        long stride = Math.max(1, (steps + MAX_ROWS - 1) / MAX_ROWS);
        for (long i = 0; i * interval <= end && times.size() < MAX_ROWS; i += stride) {
            times.add(i * interval);
        }
        List<String> header = new ArrayList<>(List.of("Time"));
        series.forEach(s -> header.add(s.label() + " value"));
        header.add("State the test expects");
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (long t : times) {
            List<List<Inline>> row = new ArrayList<>();
            row.add(Inline.text(Durations.format(t)));
            for (Series s : series) {
                Double v = valueAt(s, t, interval);
                row.add(Inline.text(v == null ? "none" : number(v)));
            }
            row.add(Inline.text(stateAt(t, expected, forMillis)));
            rows.add(row);
        }
        return new Block.Table("The test's input series and expected alert state over time", header, rows);
    }

    /** The sample at {@code t} (the latest before it between samples); none past the series' end. */
    private static Double valueAt(Series s, long t, long interval) {
        long i = t / interval;
        return i < 0 || i >= s.values().size() ? null : s.values().get((int) i);
    }

    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return QueryText.number(BigDecimal.valueOf(v).round(new java.math.MathContext(6)));
    }

    private static Svg svg(String alert, TestCase test, List<Series> series, List<TestCase.AlertExpectation> expected,
            long forMillis, long end, AlertThreshold threshold) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (threshold != null) {
            lo = Math.min(lo, threshold.value().doubleValue());
            hi = Math.max(hi, threshold.value().doubleValue());
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        Scale scale = new Scale(end, lo, hi);
        Svg svg = Svg.of("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + WIDTH + " " + HEIGHT,
                "width", String.valueOf(WIDTH), "height", String.valueOf(HEIGHT), "role", "img",
                "aria-labelledby", "series-chart-title", "class", "series-chart", "focusable", "false");
        List<Svg> parts = new ArrayList<>();
        parts.add(Svg.text("title", ascii("Input series of the test that makes " + alert + " fire"),
                "id", "series-chart-title"));
        parts.add(Svg.text("desc", ascii("Test \"" + test.name() + "\": " + series.size() + " series over "
                + Durations.format(end) + "; the table below gives the same values.")));
        for (TestCase.AlertExpectation a : expected) {
            if (a.firing() && forMillis > 0) {
                double x0 = scale.x(Math.max(0, a.atMillis() - forMillis));
                double x1 = scale.x(a.atMillis());
                parts.add(Svg.of("rect", "x", fmt(x0), "y", String.valueOf(TOP), "width", fmt(Math.max(1, x1 - x0)),
                        "height", String.valueOf(BOTTOM - TOP), "fill", "#e6e6e6"));
                parts.add(Svg.text("text", "pending", "x", fmt(x0 + 2), "y", String.valueOf(TOP - 6),
                        "font-size", "11"));
            }
        }
        parts.add(Svg.of("line", "x1", String.valueOf(LEFT), "y1", String.valueOf(BOTTOM), "x2", String.valueOf(RIGHT),
                "y2", String.valueOf(BOTTOM), "stroke", "#000"));
        parts.add(Svg.of("line", "x1", String.valueOf(LEFT), "y1", String.valueOf(TOP), "x2", String.valueOf(LEFT),
                "y2", String.valueOf(BOTTOM), "stroke", "#000"));
        parts.add(Svg.text("text", number(hi), "x", String.valueOf(LEFT - 4), "y", String.valueOf(TOP + 4),
                "font-size", "11", "text-anchor", "end"));
        parts.add(Svg.text("text", number(lo), "x", String.valueOf(LEFT - 4), "y", String.valueOf(BOTTOM),
                "font-size", "11", "text-anchor", "end"));
        parts.add(Svg.text("text", "0s", "x", String.valueOf(LEFT), "y", String.valueOf(BOTTOM + 16), "font-size", "11"));
        parts.add(Svg.text("text", Durations.format(end), "x", String.valueOf(RIGHT), "y", String.valueOf(BOTTOM + 16),
                "font-size", "11", "text-anchor", "end"));
        parts.add(Svg.text("text", "time", "x", String.valueOf((LEFT + RIGHT) / 2), "y", String.valueOf(BOTTOM + 32),
                "font-size", "11", "text-anchor", "middle"));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            StringBuilder points = new StringBuilder();
            int step = Math.max(1, (s.values().size() + MAX_POINTS - 1) / MAX_POINTS);
            double lastX = LEFT;
            double lastY = BOTTOM;
            for (int j = 0; j < s.values().size(); j += step) {
                Double v = s.values().get(j);
                if (v == null || !Double.isFinite(v)) {
                    continue;
                }
                lastX = scale.x(j * test.intervalMillis());
                lastY = scale.y(v);
                points.append(points.length() == 0 ? "" : " ").append(fmt(lastX)).append(',').append(fmt(lastY));
            }
            if (points.length() == 0) {
                continue;
            }
            List<String> attrs = new ArrayList<>(List.of("points", points.toString(), "fill", "none",
                    "stroke", STROKES[i], "stroke-width", "2"));
            if (!DASHES[i].isEmpty()) {
                attrs.addAll(List.of("stroke-dasharray", DASHES[i]));
            }
            parts.add(Svg.of("polyline", attrs.toArray(String[]::new)));
            parts.add(Svg.text("text", s.label(), "x", fmt(lastX + 4), "y", fmt(lastY - 4 - 12 * i), "font-size", "11"));
        }
        if (threshold != null) {
            String y = fmt(scale.y(threshold.value().doubleValue()));
            parts.add(Svg.of("line", "x1", String.valueOf(LEFT), "y1", y, "x2", String.valueOf(RIGHT), "y2", y,
                    "stroke", "#b00020", "stroke-width", "1.5", "stroke-dasharray", "8 4"));
            parts.add(Svg.text("text", ascii("threshold " + threshold.text()), "x", String.valueOf(RIGHT + 4), "y", y,
                    "font-size", "11"));
        }
        for (TestCase.AlertExpectation a : expected) {
            String x = fmt(scale.x(a.atMillis()));
            List<String> attrs = new ArrayList<>(List.of("x1", x, "y1", String.valueOf(TOP), "x2", x, "y2",
                    String.valueOf(BOTTOM), "stroke", "#000", "stroke-width", a.firing() ? "2" : "1"));
            if (!a.firing()) {
                attrs.addAll(List.of("stroke-dasharray", "2 3"));
            }
            parts.add(Svg.of("line", attrs.toArray(String[]::new)));
            parts.add(Svg.text("text", (a.firing() ? "firing " : "silent ") + Durations.format(a.atMillis()), "x", x,
                    "y", String.valueOf(BOTTOM - 4), "font-size", "11", "text-anchor", "end"));
        }
        return svg.with(parts);
    }

    private record Scale(long end, double lo, double hi) {
        double x(long t) {
            return LEFT + (RIGHT - LEFT) * ((double) t / end);
        }

        double y(double v) {
            return BOTTOM - (BOTTOM - TOP) * ((v - lo) / (hi - lo));
        }
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(Math.round(v * 10) / 10.0).stripTrailingZeros().toPlainString();
    }

    /** SVG text is ASCII: anything else becomes {@code ?}. */
    static String ascii(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return out.toString();
    }
}
