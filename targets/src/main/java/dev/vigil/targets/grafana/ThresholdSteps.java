package dev.vigil.targets.grafana;

import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.model.QueryText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A panel's threshold steps: the declared steps, with the threshold of the alert named in
 * {@code thresholds from} merged in. A Grafana step colours values from its own value up to the next
 * step's; the base step (value null) colours everything below the first.
 *
 * <p>The merge guarantees two things, so the panel and the alert cannot disagree: a step boundary at
 * exactly the alert's threshold, and the alert's severity colour on the side where it fires, right
 * next to the threshold. Declared steps further into the alert region (an escalation such as red
 * above 10 over an orange warning at 4) and on the normal side are kept.
 * <ul>
 * <li>Above ({@code X > T}): the step at {@code T} gets the alert's colour (replacing a declared step
 * at exactly {@code T}).
 * <li>Below ({@code X < T}): the alert region is below {@code T}, so the step that covers the values
 * just below {@code T} (the last one under it, or the base) gets the alert's colour, and the step at
 * {@code T} is where the colour turns back to normal: the declared colour at {@code T}, or green when
 * nothing is declared.
 * </ul>
 * Grafana colours a step's own value with that step, so {@code X > 4} shows 4 itself as firing; at a
 * single point on a continuous scale that is the one unavoidable difference.
 */
public final class ThresholdSteps {
    /** Grafana's own default base colour. */
    static final String NORMAL = "green";

    private ThresholdSteps() {
    }

    /** Colour for a severity: red for the most urgent declared level, orange for the next, yellow below. */
    public static String severityColour(SeverityOrder order, String severity) {
        int rank = order.rank(severity);
        return switch (rank) {
            case 0, -1 -> "red";
            case 1 -> "orange";
            default -> "yellow";
        };
    }

    public static List<GrafanaJson.Step> merge(List<Dashboard.Threshold> declared, Optional<AlertThreshold> alert,
            String alertColour) {
        List<GrafanaJson.Step> steps = new ArrayList<>();
        // The first declared step is the base whatever value it was written with.
        steps.add(new GrafanaJson.Step(declared.isEmpty() ? NORMAL : declared.get(0).color(), null));
        declared.stream().skip(1)
                .sorted(Comparator.comparing(Dashboard.Threshold::value))
                .forEach(t -> steps.add(new GrafanaJson.Step(t.color(), QueryText.plain(t.value()))));
        if (alert.isEmpty()) {
            return steps;
        }
        BigDecimal at = QueryText.plain(alert.get().value());
        int exact = indexAt(steps, at);
        // Present: DashboardBuilder passes only thresholds with a direction.
        if (alert.get().direction().orElseThrow() == AlertThreshold.Direction.ABOVE) {
            if (exact >= 0) {
                steps.set(exact, new GrafanaJson.Step(alertColour, at));
            } else {
                steps.add(insertionPoint(steps, at), new GrafanaJson.Step(alertColour, at));
            }
            return steps;
        }
        int below = insertionPoint(steps, at) - 1;
        if (exact < 0) {
            // Back to the colour the declared steps give just under the threshold, before recolouring it.
            steps.add(below + 1, new GrafanaJson.Step(steps.get(below).color(), at));
        }
        steps.set(below, new GrafanaJson.Step(alertColour, steps.get(below).value()));
        return steps;
    }

    private static int indexAt(List<GrafanaJson.Step> steps, BigDecimal value) {
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).value().compareTo(value) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first non-base step at or above {@code value}. */
    private static int insertionPoint(List<GrafanaJson.Step> steps, BigDecimal value) {
        int i = 1;
        while (i < steps.size() && steps.get(i).value().compareTo(value) < 0) {
            i++;
        }
        return i;
    }
}
