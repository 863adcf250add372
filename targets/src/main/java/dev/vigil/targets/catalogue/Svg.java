package dev.vigil.targets.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An element of an inline SVG diagram, built at build time: an immutable tree that the renderers write
 * through jsoup, so every attribute and text is escaped by the library. Only the elements and attributes
 * below are allowed, which keeps diagrams free of script, {@code <style>}, links and {@code foreignObject}
 * and so through HTML sanitisers such as Backstage TechDocs'.
 */
public record Svg(String tag, Map<String, String> attributes, List<Svg> children, String text) {
    private static final Set<String> TAGS = Set.of("svg", "title", "desc", "g", "rect", "line", "polyline", "path",
            "circle", "text", "tspan");
    private static final Set<String> ATTRIBUTES = Set.of("viewBox", "width", "height", "role", "aria-labelledby",
            "aria-hidden", "id", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "points", "d", "fill",
            "stroke", "stroke-width", "stroke-dasharray", "font-size", "font-family", "font-weight", "text-anchor",
            "xmlns", "class", "focusable");

    public Svg {
        if (!TAGS.contains(tag)) {
            throw new IllegalArgumentException("SVG element not allowed: " + tag);
        }
        for (String a : attributes.keySet()) {
            if (!ATTRIBUTES.contains(a)) {
                throw new IllegalArgumentException("SVG attribute not allowed: " + a);
            }
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
        text = text == null ? "" : text;
    }

    /** An element with attributes given as name, value pairs. */
    public static Svg of(String tag, String... pairs) {
        return new Svg(tag, pairs(pairs), List.of(), "");
    }

    /** A {@code <text>} (or {@code <title>}) element holding {@code text}. */
    public static Svg text(String tag, String text, String... pairs) {
        return new Svg(tag, pairs(pairs), List.of(), text);
    }

    /** This element with {@code more} children appended. */
    public Svg with(List<Svg> more) {
        List<Svg> all = new ArrayList<>(children);
        all.addAll(more);
        return new Svg(tag, attributes, all, text);
    }

    public Svg with(Svg... more) {
        return with(List.of(more));
    }

    private static Map<String, String> pairs(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
