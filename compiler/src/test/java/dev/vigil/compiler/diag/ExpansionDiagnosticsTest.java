package dev.vigil.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A finding inside a template or {@code for} block names every use it was expanded through: in the
 * JSON as the {@code expansion} array, innermost first, and in the text form as one {@code note} line
 * per use, each naming that use's own position only.
 */
class ExpansionDiagnosticsTest {
    private static final String NESTED = """
            template rules burn(job string, window duration) {
              record "job:http_errors:rate${window}" = sum(rate(http_requests_total{job=$job, code=~"5.."}[$window]))
            }
            template rules burns(job string, short duration = 5m) {
              for window in [$short, 1h] {
                use burn(job = $job, window = $window)
              }
            }
            blueprint slo_rules(job string, short duration = 5m) {
              group "${service}-burn" {
                use burns(job = $job, short = $short)
              }
            }
            service checkout {
              team "shop"
              use slo_rules(job = "checkout-api", short = 0s)
              group g {
                alert CheckoutDown { when up{job="checkout"} == 0 for 5 severity warning summary "down" }
              }
            }
            """;

    private static CompileResult compile() {
        return Compiler.compile(List.of(new SourceFile("fleet.vigil", NESTED)));
    }

    /** The one JSON finding of {@code code}. */
    private static JsonNode json(String code) throws Exception {
        JsonNode all = new ObjectMapper().readTree(JsonRenderer.render(compile().diagnostics()));
        List<JsonNode> found = new ArrayList<>();
        all.forEach(d -> {
            if (d.get("code").asText().equals(code)) {
                found.add(d);
            }
        });
        assertEquals(1, found.size(), all.toString());
        return found.get(0);
    }

    @Test
    void theJsonNamesEveryUseInnermostFirst() throws Exception {
        JsonNode range = json(Ids.PROMQL_NON_POSITIVE_DURATION);
        assertEquals(2, range.get("line").asInt(), range.toString());
        List<String> uses = new ArrayList<>();
        for (JsonNode e : range.get("expansion")) {
            List<String> keys = new ArrayList<>();
            e.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("kind", "name", "file", "line", "column"), keys);
            uses.add(e.get("kind").asText() + " " + e.get("name").asText() + " " + e.get("file").asText() + ":"
                    + e.get("line").asInt() + ":" + e.get("column").asInt());
        }
        assertEquals(List.of("template burn fleet.vigil:6:5", "loop window = 0s fleet.vigil:5:3",
                "template burns fleet.vigil:11:5", "template slo_rules fleet.vigil:16:3"), uses);
    }

    @Test
    void aFindingWrittenWhereItIsUsedHasNoExpansionKey() throws Exception {
        JsonNode forLine = json(Ids.TYPE_MISMATCH);
        assertEquals(18, forLine.get("line").asInt(), forLine.toString());
        assertFalse(forLine.has("expansion"), forLine.toString());
    }

    @Test
    void theTextNotesNameOneUseEach() {
        CompileResult r = compile();
        Diagnostic range = r.diagnostics().stream().filter(d -> d.code().equals(Ids.PROMQL_NON_POSITIVE_DURATION))
                .findFirst().orElseThrow();
        String text = TextRenderer.render(List.of(range), Map.of("fleet.vigil", new SourceFile("fleet.vigil", NESTED)));
        List<String> notes = text.lines().filter(l -> l.contains("= note:")).map(String::strip).toList();
        assertEquals(List.of(
                "= note: in the expansion of `burn` at fleet.vigil:6:5",
                "= note: in the iteration `window = 0s` at fleet.vigil:5:3",
                "= note: in the expansion of `burns` at fleet.vigil:11:5",
                "= note: in the expansion of `slo_rules` at fleet.vigil:16:3"), notes, text);
    }
}
