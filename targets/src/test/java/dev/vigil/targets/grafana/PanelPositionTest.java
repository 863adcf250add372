package dev.vigil.targets.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Panels with {@code x} and {@code y} stand where they say, {@code y} counted from the line below
 * their row's title; panels without a position are laid out below the placed ones.
 */
class PanelPositionTest {
    /** The grid position of every panel (and row) of a dashboard holding {@code items}. */
    private static List<String> positions(String items) {
        String source = "service shop {\n  dashboard overview \"Shop\" {\n" + items + "  }\n}\n";
        JsonNode d = GrafanaFixtures.dashboard(GrafanaFixtures.emit(GrafanaFixtures.compile(source)), "shop-overview");
        List<String> out = new ArrayList<>();
        for (JsonNode p : d.path("panels")) {
            JsonNode g = p.path("gridPos");
            out.add(p.path("title").asText() + " " + g.path("x").asInt() + "," + g.path("y").asInt() + ","
                    + g.path("w").asInt() + "," + g.path("h").asInt());
        }
        return out;
    }

    @Test
    void placedPanelsKeepTheirColumnAndLineWithinTheirRow() {
        String source = """
                stat a "A" { query up x 18 y 0 width 6 height 4 }
                stat b "B" { query up x 0 y 0 width 18 height 4 }
                row "Details" {
                  timeseries c "C" { query up x 12 y 2 width 12 height 5 }
                  timeseries d "D" { query up x 0 y 0 width 12 height 7 }
                }
                row "More" {
                  stat e "E" { query up x 0 y 0 width 24 height 3 }
                }
                """;
        assertEquals(List.of("A 18,0,6,4", "B 0,0,18,4", "Details 0,4,24,1", "C 12,7,12,5", "D 0,5,12,7",
                "More 0,12,24,1", "E 0,13,24,3"), positions(source));
    }

    @Test
    void panelsWithoutAPositionFlowBelowThePlacedOnes() {
        String source = """
                stat a "A" { query up x 6 y 1 width 6 height 4 }
                stat b "B" { query up }
                """;
        assertEquals(List.of("A 6,1,6,4", "B 0,5,24,8"), positions(source));
    }
}
