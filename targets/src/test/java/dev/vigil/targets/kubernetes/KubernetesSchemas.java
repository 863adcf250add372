package dev.vigil.targets.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes oracle of {@code testdata/kubernetes} (see its README): each manifest against its
 * kind's schema, closed so that unknown fields fail; its apiVersion and kind against the schema's;
 * a custom resource's metadata against ObjectMeta's schema; and the sizes no schema can say. Written
 * apart from {@link KubernetesLimits}, so that it checks the product rather than repeating it.
 */
public final class KubernetesSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CONFIG_MAP_DATA = 1024 * 1024;
    private static final long ANNOTATIONS = 262_144;
    private static final long ETCD = 1024 * 1024 * 3 / 2;

    private final Map<String, JsonNode> byKind;
    private final Map<String, JsonSchema> strict = new java.util.HashMap<>();
    private final JsonSchema objectMeta;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private KubernetesSchemas(Path dir) throws IOException {
        byKind = Map.of(
                "PrometheusRule", read(dir.resolve("schema/prometheusrule.schema.json")),
                "AlertmanagerConfig", read(dir.resolve("schema/alertmanagerconfig.schema.json")),
                "GrafanaDashboard", read(dir.resolve("schema/grafanadashboard.schema.json")),
                "ConfigMap", read(dir.resolve("schema/configmap.schema.json")));
        JsonNode cm = byKind.get("ConfigMap");
        ObjectNode meta = JSON.createObjectNode();
        meta.set("$schema", cm.get("$schema"));
        meta.set("definitions", cm.get("definitions"));
        meta.put("$ref", "#/definitions/objectMeta");
        objectMeta = factory.getSchema(meta);
    }

    /** The oracle in the repository's testdata (system property {@code vigil.shared}, else {@code ../testdata}). */
    public static KubernetesSchemas load() {
        Path dir = dev.vigil.targets.Repo.testdata("kubernetes/schema/prometheusrule.schema.json").orElseGet(() ->
                Assertions.fail("The Kubernetes schemas were not found in testdata/kubernetes (vigil.shared, ../testdata)."));
        try {
            return new KubernetesSchemas(dir.resolve("kubernetes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML documents of a manifest file, as JSON trees. */
    public static List<JsonNode> documents(String yaml) {
        List<JsonNode> out = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (doc != null) {
                out.add(JSON.valueToTree(doc));
            }
        }
        return out;
    }

    /** Everything a cluster (with {@code kubectl apply --validate=strict}) would refuse in the object; empty if none. */
    public List<String> problems(JsonNode object) {
        List<String> out = new ArrayList<>();
        String kind = object.path("kind").asText();
        JsonNode schema = byKind.get(kind);
        if (schema == null) {
            out.add("kind `" + kind + "` has no schema in testdata/kubernetes");
            return out;
        }
        JsonNode gvk = schema.path("x-kubernetes-group-version-kind").get(0);
        String group = gvk.path("group").asText();
        String apiVersion = group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
        if (!object.path("apiVersion").asText().equals(apiVersion) || !kind.equals(gvk.path("kind").asText())) {
            out.add("expected apiVersion `" + apiVersion + "`, kind `" + gvk.path("kind").asText() + "`");
        }
        JsonSchema closed = strict.computeIfAbsent(kind, k -> factory.getSchema(close(schema.deepCopy())));
        for (ValidationMessage m : closed.validate(object)) {
            out.add(m.getMessage());
        }
        if (!schema.has("definitions")) {
            for (ValidationMessage m : objectMeta.validate(object.path("metadata"))) {
                out.add("metadata: " + m.getMessage());
            }
        }
        long annotations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.path("metadata").path("annotations").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            annotations += bytes(e.getKey()) + bytes(e.getValue().asText());
        }
        if (annotations > ANNOTATIONS) {
            out.add("annotations are " + annotations + " bytes, over " + ANNOTATIONS);
        }
        if (kind.equals("ConfigMap")) {
            long data = 0;
            for (JsonNode v : object.path("data")) {
                data += bytes(v.asText());
            }
            for (JsonNode v : object.path("binaryData")) {
                String b = v.asText();
                data += b.length() / 4 * 3 - b.chars().filter(c -> c == '=').count();
            }
            if (data > CONFIG_MAP_DATA) {
                out.add("data and binaryData are " + data + " bytes, over 1 MiB");
            }
        }
        long json = bytes(object.toString());
        if (json > ETCD) {
            out.add("the object is " + json + " bytes as JSON, over etcd's 1.5 MiB");
        }
        return out;
    }

    /** Rejects unknown fields: {@code additionalProperties: false} wherever the schema lists properties and allows no others. */
    private static JsonNode close(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("properties") && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            o.path("properties").forEach(KubernetesSchemas::close);
            close(o.path("items"));
            close(o.path("additionalProperties"));
            for (String k : List.of("allOf", "anyOf", "oneOf")) {
                o.path(k).forEach(KubernetesSchemas::close);
            }
        }
        return node;
    }

    private static JsonNode read(Path p) throws IOException {
        return JSON.readTree(Files.readString(p, StandardCharsets.UTF_8));
    }

    private static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
