package dev.vigil.compiler.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The report as JSON, in the shape docs/diff.schema.json documents; keys in a fixed order, so the
 * same change gives the same bytes.
 */
public final class DiffJson {
    /** Bumped when the shape changes incompatibly. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffJson() {
    }

    public static String render(DiffReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("before", r.before());
        root.put("after", r.after());
        root.put("breaking", r.breaking());
        ObjectNode summary = root.putObject("summary");
        summary.put("changes", r.changeCount());
        summary.put("services", r.services().size());
        summary.put("breaking", r.breakingCount());
        summary.put("templates", r.templates().size());
        summary.put("text", DiffText.summary(r));
        ArrayNode templates = root.putArray("templates");
        for (TemplateChange t : r.templates()) {
            ObjectNode node = templates.addObject();
            node.put("name", t.name());
            node.put("action", t.action().id());
            node.put("kind", t.kind());
            fields(node.putArray("fields"), t.fields());
            node.put("detail", t.detail());
            ObjectNode reach = node.putObject("reach");
            ObjectNode objects = reach.putObject("objects");
            t.reach().objects().forEach((kind, n) -> objects.put(kind.id(), n));
            ArrayNode in = reach.putArray("services");
            t.reach().services().forEach(in::add);
            reach.put("text", t.reach().text());
            node.put("text", DiffText.line(t));
        }
        ArrayNode services = root.putArray("services");
        for (ServiceDiff s : r.services()) {
            ObjectNode node = services.addObject();
            node.put("name", s.name());
            node.put("status", s.status().id());
            changes(node.putArray("changes"), s.changes());
        }
        changes(root.putArray("project"), r.project());
        ArrayNode impacts = root.putArray("impacts");
        for (Impact i : r.impacts()) {
            ObjectNode node = impacts.addObject();
            node.put("type", i.type().id());
            node.put("breaking", i.breaking());
            node.put("service", i.service());
            node.put("message", i.message());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static void changes(ArrayNode out, List<Change> changes) {
        for (Change c : changes) {
            ObjectNode node = out.addObject();
            node.put("kind", c.kind().id());
            node.put("action", c.action().id());
            node.put("name", c.name());
            fields(node.putArray("fields"), c.fields());
            ArrayNode alerts = node.putArray("alerts");
            c.alerts().forEach(alerts::add);
            node.put("detail", c.detail());
            ArrayNode from = node.putArray("templates");
            c.templates().forEach(from::add);
            node.put("text", DiffText.line(c));
        }
    }

    private static void fields(ArrayNode out, List<Change.Field> fields) {
        for (Change.Field f : fields) {
            ObjectNode field = out.addObject();
            field.put("field", f.name());
            field.put("before", f.before());
            field.put("after", f.after());
            if (f.summary() != null) {
                field.put("summary", f.summary());
            }
        }
    }
}
