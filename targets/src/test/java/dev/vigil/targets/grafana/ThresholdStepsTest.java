package dev.vigil.targets.grafana;

import dev.vigil.compiler.model.AlertThreshold;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThresholdStepsTest {
    /** "green, yellow 2, orange 4": steps as text; the first is the base. */
    private static String text(List<GrafanaJson.Step> steps) {
        List<String> out = new ArrayList<>();
        for (GrafanaJson.Step s : steps) {
            out.add(s.value() == null ? s.color() : s.color() + " " + s.value().toPlainString());
        }
        return String.join(", ", out);
    }

    private static List<Dashboard.Threshold> declared(Object... colourValue) {
        List<Dashboard.Threshold> out = new ArrayList<>();
        for (int i = 0; i < colourValue.length; i += 2) {
            out.add(new Dashboard.Threshold((String) colourValue[i], new BigDecimal(colourValue[i + 1].toString()),
                    Span.NONE));
        }
        return out;
    }

    private static Optional<AlertThreshold> above(String v) {
        return Optional.of(new AlertThreshold(new BigDecimal(v), dev.vigil.compiler.promql.BinaryOp.GTR));
    }

    private static Optional<AlertThreshold> below(String v) {
        return Optional.of(new AlertThreshold(new BigDecimal(v), dev.vigil.compiler.promql.BinaryOp.LSS));
    }

    @Test
    void declaredStepsAreSortedAndTheFirstIsTheBase() {
        assertEquals("green", text(ThresholdSteps.merge(List.of(), Optional.empty(), null)));
        assertEquals("red, yellow 1.5, green 2",
                text(ThresholdSteps.merge(declared("red", 0, "green", "2.0", "yellow", "1.5"), Optional.empty(), null)));
    }

    @Test
    void anAlertAboveColoursFromItsThresholdUp() {
        assertEquals("green, orange 4", text(ThresholdSteps.merge(List.of(), above("4"), "orange")));
        // Declared green and yellow 2, the alert fires above 4.
        assertEquals("green, yellow 2, orange 4",
                text(ThresholdSteps.merge(declared("green", 0, "yellow", 2), above("4"), "orange")));
        // A declared escalation beyond the threshold stays.
        assertEquals("green, orange 4, red 10",
                text(ThresholdSteps.merge(declared("green", 0, "red", 10), above("4"), "orange")));
        // A declared step at exactly the threshold takes the alert's colour.
        assertEquals("green, red 4",
                text(ThresholdSteps.merge(declared("green", 0, "yellow", 4), above("4.0"), "red")));
    }

    @Test
    void anAlertBelowColoursUpToItsThresholdThenTurnsBackToNormal() {
        // Nothing declared: the alert's colour below, green from the threshold up.
        assertEquals("orange, green 0.3", text(ThresholdSteps.merge(List.of(), below("0.3"), "orange")));
        // Declared steps on the normal side keep their colours; the region just below is the alert's.
        assertEquals("orange, yellow 0.3, green 0.5",
                text(ThresholdSteps.merge(declared("red", 0, "yellow", "0.3", "green", "0.5"), below("0.3"),
                        "orange")));
        // The threshold falls between declared steps: the colour at it is what was declared there.
        assertEquals("red, orange 0.2, yellow 0.3, green 0.5",
                text(ThresholdSteps.merge(declared("red", 0, "yellow", "0.2", "green", "0.5"), below("0.3"),
                        "orange")));
        // Below every declared step: the base becomes the alert's colour up to the threshold.
        assertEquals("red, green 0.1, yellow 0.3",
                text(ThresholdSteps.merge(declared("green", 0, "yellow", "0.3"), below("0.1"), "red")));
    }

    @Test
    void severityColoursFollowTheDeclaredOrder() {
        SeverityOrder order = new SeverityOrder(List.of("page", "ticket", "notice", "log"), Span.NONE);
        assertEquals("red", ThresholdSteps.severityColour(order, "page"));
        assertEquals("orange", ThresholdSteps.severityColour(order, "ticket"));
        assertEquals("yellow", ThresholdSteps.severityColour(order, "notice"));
        assertEquals("yellow", ThresholdSteps.severityColour(order, "log"));
        assertEquals("orange", ThresholdSteps.severityColour(SeverityOrder.DEFAULT, "warning"));
    }
}
