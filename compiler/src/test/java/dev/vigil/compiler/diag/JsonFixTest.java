package dev.vigil.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code fix} a text finding shows ({@code = fix:}) is in the JSON too, and only where there is one. */
class JsonFixTest {
    private static final String ALERT = """
            service checkout {
              group api every 30s {
                alert CheckoutDown {
                  when %s
                  for %s
                  severity critical
                  summary "Checkout is down"
                  runbook "https://runbooks.example.com/checkout-down"
                }
              }
            }
            """;

    private static JsonNode render(String when, String forValue) throws Exception {
        CompileResult r = Compiler.compile(List.of(new SourceFile("a.vigil", ALERT.formatted(when, forValue))));
        return new ObjectMapper().readTree(JsonRenderer.render(r.diagnostics()));
    }

    @Test
    void aDurationTypoCarriesItsFixWithSpanAndReplacement() throws Exception {
        JsonNode all = render("up{job=\"checkout\"} == 0", "10mins");
        assertEquals(1, all.size(), all.toString());
        JsonNode d = all.get(0);
        assertEquals("`10mins` is not a duration: did you mean `10m`?", d.get("message").asText());
        JsonNode fix = d.get("fix");
        List<String> keys = new ArrayList<>();
        fix.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("description", "line", "column", "endLine", "endColumn", "replacement"), keys);
        assertEquals("10m", fix.get("replacement").asText());
        assertEquals(5, fix.get("line").asInt());
        assertEquals(d.get("column").asInt(), fix.get("column").asInt());
        assertEquals(d.get("endColumn").asInt(), fix.get("endColumn").asInt());
    }

    @Test
    void aQuotedQueryIsToldToLoseItsQuotes() throws Exception {
        JsonNode all = render("\"rate(x[5m]) > 1\"", "5m");
        JsonNode d = all.get(0);
        assertEquals(Ids.PROMQL_RESULT_TYPE, d.get("code").asText());
        assertEquals("Queries are written without quotes.", d.get("hint").asText());
        assertEquals("rate(x[5m]) > 1", d.get("fix").get("replacement").asText());
    }

    @Test
    void aFindingWithoutAFixHasNoFixKey() throws Exception {
        JsonNode all = render("up{job=\"checkout\"} == 0", "5");
        assertTrue(all.size() >= 1, all.toString());
        for (JsonNode d : all) {
            assertFalse(d.has("fix"), d.toString());
        }
    }
}
