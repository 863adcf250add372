package dev.vigil.compiler.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grafana's generated JSON Schemas (the resources under {@code grafana/schema}, from
 * grafana-foundation-sdk, see the README there): one per panel type for its {@code options} and, for
 * timeseries, table and heatmap, its {@code fieldConfig.defaults.custom}; the dashboard's for the rest
 * of {@code fieldConfig}. The emitted dashboards are validated against the same files in the tests.
 */
public final class GrafanaPanelSchemas {
    /** The folder of the {@code *.jsonschema.json} files, on the class path. */
    public static final String RESOURCES = "dev/vigil/compiler/target/grafana/schema/jsonschema/";

    /** Panel types whose {@code fieldConfig.defaults.custom} has a schema; the others have none. */
    public static final Set<String> CUSTOM_FIELD_CONFIG = Set.of("timeseries", "table", "heatmap");

    // English messages whatever the machine's locale, so that diagnostics are the same bytes everywhere.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().locale(Locale.ROOT)
            .pathType(PathType.JSON_POINTER).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private GrafanaPanelSchemas() {
    }

    /** A problem at {@code path} (keys and list indexes from the validated value's root). */
    public record Problem(List<Object> path, String property, String type, String message) {
        public Problem {
            path = List.copyOf(path);
        }
    }

    /**
     * What is wrong with {@code value} against the definition {@code definition} of {@code file}
     * ({@code "timeseries"}, {@code "dashboard"}), at most one problem per location, in path order.
     * Missing required keys are not problems: the emitter writes its own defaults under these values, and
     * Grafana fills in the rest.
     */
    public static List<Problem> validate(String file, String definition, JsonNode value) {
        JsonSchema schema = schema(file, definition);
        List<Problem> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(value));
        messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(m -> m.getProperty() == null ? "" : m.getProperty()).thenComparing(ValidationMessage::getMessage));
        for (ValidationMessage m : messages) {
            List<Object> path = elements(m.getInstanceLocation());
            if ("required".equals(m.getType())) {
                continue;
            }
            // An unknown key is reported at the key itself, not at its object.
            if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                path.add(m.getProperty());
            }
            if (seen.add(path.toString())) {
                out.add(new Problem(path, m.getProperty(), m.getType(), m.getError()));
            }
        }
        return out;
    }

    /**
     * The schema of one definition of a file. In the dashboard's, an override's {@code matcher.options}
     * and a property's {@code value} are any value, as in Grafana's CUE ({@code _}) and as Grafana writes
     * them ({@code "options": "p99"}, {@code "value": "ms"}); the generated schema says object.
     */
    public static JsonSchema schema(String file, String definition) {
        return SCHEMAS.computeIfAbsent(file + "#" + definition, k -> {
            String resource = RESOURCES + file + ".jsonschema.json";
            ObjectNode doc;
            try (InputStream in = GrafanaPanelSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                doc = (ObjectNode) new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("The Grafana schema " + resource + " is missing from the build", e);
            }
            ObjectNode definitions = (ObjectNode) doc.get("definitions");
            if (file.equals("dashboard")) {
                ((ObjectNode) definitions.path("MatcherConfig").path("properties")).putObject("options");
                ((ObjectNode) definitions.path("DynamicConfigValue").path("properties")).putObject("value");
            }
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set("definitions", definitions);
            root.put("$ref", "#/definitions/" + definition);
            return FACTORY.getSchema(SchemaLocation.of("classpath:" + resource), root, CONFIG);
        });
    }

    /** The keys and indexes of a location reported by the validator. */
    private static List<Object> elements(JsonNodePath p) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < p.getNameCount(); i++) {
            out.add(p.getElement(i));
        }
        return out;
    }
}
