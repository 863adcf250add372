package dev.vigil.targets.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The route tree drawn left to right as static SVG: every alert enters at the left, each route is a box
 * with its id, matchers, receiver and how many alerts it notifies, its children to its right. The box of
 * a route no alert reaches is dashed and says so in words. Sized by its {@code viewBox}, so the style sheet
 * scales it down on a narrow screen; the text is ASCII, cut short where long (the list form has it whole).
 */
final class RouteTreeDiagram {
    static final String TITLE_ID = "route-tree-title";
    // A bold monospace character at 12px is about 7.2px wide.
    private static final int CHAR = 8;
    private static final int LINE = 16;
    private static final int PAD = 8;
    private static final int BOX_H = 3 * LINE + PAD;
    private static final int ROW = BOX_H + 14;
    private static final int GAP = 40;
    private static final int MAX_CHARS = 44;
    private static final String INK = "#1f2933";
    private static final String EDGE = "#5c6570";

    private RouteTreeDiagram() {
    }

    /** A box: its lines of text, its column, its vertical centre, whether its border is dashed. */
    private record Box(List<String> lines, int column, int centre, boolean dashed, List<Box> children) {
    }

    static Svg of(RouteTree tree, int alerts) {
        List<Box> roots = new ArrayList<>();
        int[] nextRow = {0};
        List<Integer> widest = new ArrayList<>();
        for (RouteTree.Node n : tree.roots()) {
            roots.add(box(tree, n, nextRow, widest));
        }
        List<String> rootLines = List.of("all alerts", alerts + (alerts == 1 ? " alert" : " alerts"), "");
        int rows = Math.max(1, nextRow[0]);
        int centre = roots.isEmpty() ? centre(0) : (roots.get(0).centre() + roots.get(roots.size() - 1).centre()) / 2;
        Box root = new Box(rootLines, 0, centre, false, roots);
        widen(widest, 0, rootLines);
        List<Integer> x = new ArrayList<>();
        int at = PAD;
        for (int w : widest) {
            x.add(at);
            at += w + GAP;
        }
        int width = at - GAP + PAD;
        int height = rows * ROW - (ROW - BOX_H) + 2 * PAD;
        List<Svg> edges = new ArrayList<>();
        List<Svg> boxes = new ArrayList<>();
        draw(root, x, widest, edges, boxes);
        return Svg.of("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + width + " " + height,
                "width", String.valueOf(width), "height", String.valueOf(height), "role", "img",
                "aria-labelledby", TITLE_ID, "focusable", "false", "font-family", "monospace", "font-size", "12")
                .with(Svg.text("title", "The route tree, left to right: " + tree.all().size()
                        + (tree.all().size() == 1 ? " route" : " routes") + ", the same as the list that follows",
                        "id", TITLE_ID))
                .with(Svg.of("g", "fill", "none", "stroke", EDGE, "stroke-width", "1.5").with(edges))
                .with(Svg.of("g").with(boxes));
    }

    private static Box box(RouteTree tree, RouteTree.Node n, int[] nextRow, List<Integer> widest) {
        List<Box> children = new ArrayList<>();
        for (RouteTree.Node c : n.children()) {
            children.add(box(tree, c, nextRow, widest));
        }
        int centre = children.isEmpty() ? centre(nextRow[0]++)
                : (children.get(0).centre() + children.get(children.size() - 1).centre()) / 2;
        int notified = tree.alertsAt(n).size();
        String third = !tree.reached(n) ? "no alert reaches it"
                : notified == 0 ? "passes alerts on"
                : notified + (notified == 1 ? " alert" : " alerts");
        String to = "to " + RouteTree.receiverName(n.route()) + (n.route().continueMatching() ? ", continue" : "");
        List<String> lines = List.of(cut(n.id() + ": " + RouteTree.matchers(n.route())), cut(to), third);
        widen(widest, n.depth(), lines);
        return new Box(lines, n.depth(), centre, !tree.reached(n), children);
    }

    private static int centre(int row) {
        return PAD + row * ROW + BOX_H / 2;
    }

    private static void widen(List<Integer> widest, int column, List<String> lines) {
        while (widest.size() <= column) {
            widest.add(0);
        }
        int w = lines.stream().mapToInt(String::length).max().orElse(0) * CHAR + 2 * PAD;
        widest.set(column, Math.max(widest.get(column), w));
    }

    private static void draw(Box b, List<Integer> x, List<Integer> widths, List<Svg> edges, List<Svg> boxes) {
        int left = x.get(b.column());
        int right = left + widths.get(b.column());
        int top = b.centre() - BOX_H / 2;
        List<String> rect = new ArrayList<>(List.of("x", String.valueOf(left), "y", String.valueOf(top), "width",
                String.valueOf(right - left), "height", String.valueOf(BOX_H), "rx", "4", "fill", "#ffffff",
                "stroke", INK, "stroke-width", "1"));
        if (b.dashed()) {
            rect.addAll(List.of("stroke-dasharray", "5 4"));
        }
        List<Svg> parts = new ArrayList<>();
        parts.add(Svg.of("rect", rect.toArray(String[]::new)));
        for (int i = 0; i < b.lines().size(); i++) {
            if (!b.lines().get(i).isEmpty()) {
                parts.add(Svg.text("text", b.lines().get(i), "x", String.valueOf(left + PAD), "y",
                        String.valueOf(top + PAD + LINE * (i + 1) - 4), "fill", INK,
                        "font-weight", i == 0 ? "bold" : "normal"));
            }
        }
        boxes.add(Svg.of("g").with(parts));
        for (Box c : b.children()) {
            int childLeft = x.get(c.column());
            int mid = right + GAP / 2;
            edges.add(Svg.of("path", "d", "M" + right + " " + b.centre() + " H" + mid + " V" + c.centre() + " H"
                    + childLeft));
            draw(c, x, widths, edges, boxes);
        }
    }

    /** ASCII only, and short: a character outside printable ASCII becomes {@code ?}. */
    static String cut(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.length() <= MAX_CHARS ? sb.toString() : sb.substring(0, MAX_CHARS - 3) + "...";
    }
}
