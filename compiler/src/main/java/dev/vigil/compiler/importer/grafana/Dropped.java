package dev.vigil.compiler.importer.grafana;

import dev.vigil.compiler.importer.slo.InputNodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The JSON paths of one object (a panel, a variable, the dashboard) that Vigil cannot express,
 * reported together as one {@code Import.Dropped} note at the object, so a panel gives one note
 * however many of its options are lost. Values that set nothing (null, false, "", [], {}) are not
 * losses and are never listed.
 */
final class Dropped {
    private final InputNodes in;
    private final Node at;
    private final String what;
    private final List<String> paths = new ArrayList<>();

    Dropped(InputNodes in, Node at, String what) {
        this.in = in;
        this.at = at;
        this.what = what;
    }

    /** Records {@code path} unless its value sets nothing. */
    void add(String path, Node value) {
        if (!empty(value)) {
            paths.add(path);
        }
    }

    /** Every key of {@code mapping} not in {@code mapped} (and not empty), as {@code base.key}. */
    void rest(Node mapping, String base, java.util.Set<String> mapped) {
        for (Map.Entry<String, Node> e : InputNodes.entries(mapping).entrySet()) {
            if (!mapped.contains(e.getKey())) {
                add(base + "." + e.getKey(), e.getValue());
            }
        }
    }

    /** Records {@code path} unless its value is the one Grafana (and so Vigil's output) uses anyway. */
    void unlessDefault(String path, Node value, String byDefault) {
        if (!InputNodes.text(value).map(t -> same(t, byDefault)).orElse(false)) {
            add(path, value);
        }
    }

    private static boolean same(String text, String byDefault) {
        try {
            return new BigDecimal(text).compareTo(new BigDecimal(byDefault)) == 0;
        } catch (NumberFormatException e) {
            return text.equals(byDefault);
        }
    }

    static boolean empty(Node value) {
        if (InputNodes.isNull(value)) {
            return true;
        }
        if (value instanceof MappingNode m) {
            return m.getValue().isEmpty();
        }
        if (value instanceof SequenceNode s) {
            return s.getValue().isEmpty();
        }
        String t = InputNodes.text(value).orElse("");
        return t.isEmpty() || t.equals("false");
    }

    void report() {
        if (paths.isEmpty()) {
            return;
        }
        in.unmapped(at, what + " is imported without " + paths.stream().map(p -> "`" + p + "`")
                .collect(Collectors.joining(", ")) + ": Vigil has no setting for "
                + (paths.size() == 1 ? "it" : "them") + ".",
                "Vigil writes its own defaults there; docs/import.md lists what a dashboard keeps.");
    }
}
