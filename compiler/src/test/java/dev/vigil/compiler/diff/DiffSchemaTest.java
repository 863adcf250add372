package dev.vigil.compiler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The JSON format is what docs/diff.schema.json documents, for every golden case. */
class DiffSchemaTest {
    static final Path SCHEMA = Path.of(System.getProperty("vigil.repo", "..")).resolve("docs/diff.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Files.readString(SCHEMA));
    }

    static Set<ValidationMessage> validate(String json) throws Exception {
        return schema().validate(JSON.readTree(json));
    }

    static java.util.stream.Stream<String> cases() throws Exception {
        return DiffGoldenTest.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyCaseMatchesTheSchema(String name) throws Exception {
        String json = DiffJson.render(DiffGoldenTest.report(name));
        assertEquals(Set.of(), validate(json), json);
    }

    @Test
    void theSchemaRefusesWhatItDoesNotDescribe() throws Exception {
        JsonNode good = JSON.readTree(DiffJson.render(DiffGoldenTest.report("mixed")));
        assertTrue(good.get("services").get(0).get("changes").size() > 5, good.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) good.get("services").get(0).get("changes").get(0))
                .put("kind", "wibble");
        assertFalse(schema().validate(good).isEmpty());
    }

    @Test
    void aTemplatesReachCountsOnlyTheKindsItNames() throws Exception {
        JsonNode report = JSON.readTree(DiffJson.render(DiffGoldenTest.report("templates")));
        assertEquals(Set.of(), schema().validate(report));
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("templates").get(0).get("reach").get("objects"))
                .put("routing", 1);
        assertFalse(schema().validate(report).isEmpty());
    }
}
