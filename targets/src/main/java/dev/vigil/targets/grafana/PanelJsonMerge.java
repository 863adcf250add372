package dev.vigil.targets.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.compiler.ast.Struct;
import dev.vigil.compiler.ast.StructJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the panel JSON written in {@code options { }} and {@code field_config { }} into what the
 * emitter writes itself: objects key by key, any other value (lists too) replaced. The keys the panel
 * sets in the language ({@code unit}, ...) keep the emitter's value, as {@code Dashboard.PanelOptions}
 * tells the author. Keys come out sorted at every level, as in the rest of the dashboard.
 */
final class PanelJsonMerge {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private PanelJsonMerge() {
    }

    /**
     * {@code generated} (the emitter's record, through the dashboard's own mapper) with {@code written}
     * merged in; {@code kept} are dotted paths whose generated value stays.
     */
    static JsonNode merge(JsonNode generated, Struct.Obj written, Set<String> kept) {
        JsonNode user = StructJson.json(written);
        return sorted(merge(generated == null ? NODES.objectNode() : generated, user, "", kept));
    }

    private static JsonNode merge(JsonNode base, JsonNode over, String path, Set<String> kept) {
        if (!(base instanceof ObjectNode b) || !(over instanceof ObjectNode o)) {
            return over;
        }
        ObjectNode out = b.deepCopy();
        o.fields().forEachRemaining(e -> {
            String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (kept.contains(at) && b.has(e.getKey())) {
                return;
            }
            JsonNode existing = b.get(e.getKey());
            out.set(e.getKey(), existing == null ? e.getValue() : merge(existing, e.getValue(), at, kept));
        });
        return out;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode o) {
            TreeMap<String, JsonNode> keys = new TreeMap<>();
            o.fields().forEachRemaining(e -> keys.put(e.getKey(), sorted(e.getValue())));
            ObjectNode out = NODES.objectNode();
            keys.forEach(out::set);
            return out;
        } else if (node instanceof ArrayNode a) {
            List<JsonNode> items = new ArrayList<>();
            a.forEach(i -> items.add(sorted(i)));
            ArrayNode out = NODES.arrayNode();
            out.addAll(items);
            return out;
        }
        return node;
    }
}
