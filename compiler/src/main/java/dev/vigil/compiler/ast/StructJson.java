package dev.vigil.compiler.ast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A structured value (a panel's {@code options}, {@code field_config}) as the JSON Grafana reads. */
public final class StructJson {
    private StructJson() {
    }

    /** The JSON of a value written in Vigil; a bare word that is not a literal becomes its text. */
    public static JsonNode json(Struct s) {
        JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
        if (s instanceof Struct.Obj o) {
            ObjectNode node = f.objectNode();
            o.members().forEach(m -> node.set(m.key(), json(m.value())));
            return node;
        } else if (s instanceof Struct.Arr a) {
            ArrayNode node = f.arrayNode();
            a.items().forEach(i -> node.add(json(i)));
            return node;
        } else if (s instanceof Struct.Str str) {
            return f.textNode(str.value());
        } else if (s instanceof Struct.Num n) {
            return f.numberNode(n.value());
        } else if (s instanceof Struct.Bool b) {
            return f.booleanNode(b.value());
        } else if (s instanceof Struct.Null) {
            return f.nullNode();
        }
        return f.textNode(((Struct.Word) s).text());
    }
}
