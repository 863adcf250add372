package dev.vigil.compiler.lowering;

import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Dashboard.PanelType;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import dev.vigil.compiler.source.Structural;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One dashboard per service with SLOs, a {@link Dashboard} of the model like any declared one. A row per SLO: the SLI against the objective,
 * the budget remaining (stat and graph), the burn rate per alert window with the alert factors as
 * thresholds, and the request rate.
 */
final class SloDashboards {
    private SloDashboards() {
    }

    static String uid(Service service) {
        return "slo-" + Links.segment(service.name()).replace('_', '-');
    }

    /** The panel that draws an SLO's burn rate per window, which its alerts link to. */
    static String burnPanel(SloPlan plan) {
        return plan.slo().name() + "_burn";
    }

    /** The dashboard of {@code plans}, the service's SLOs; it sits at the first SLO's declaration. */
    static Dashboard of(Service service, List<SloPlan> plans) {
        List<Dashboard.Row> rows = new ArrayList<>();
        for (SloPlan plan : plans) {
            rows.add(row(plan));
        }
        return new Dashboard(SloExpansion.DASHBOARD, uid(service), "SLOs: " + service.name(),
                List.of("slo", "vigil"), "1m", "7d", List.of(), rows, plans.get(0).slo().span());
    }

    private static Dashboard.Row row(SloPlan plan) {
        String s = plan.slo().name();
        String period = SloPlan.window(plan.slo().windowMillis());
        String legend = plan.slo().groupBy().isEmpty() ? null
                : String.join(" ", plan.slo().groupBy().stream().map(l -> "{{" + l + "}}").toList());
        List<Dashboard.Panel> panels = new ArrayList<>();
        BigDecimal target = plan.slo().target();
        panels.add(panel(s + "_sli_stat", PanelType.STAT, "SLI over " + period, "percentunit", 6,
                List.of(query("1 - " + plan.select(SloPlan.errorRatio(plan.slo().windowMillis())), legend)),
                List.of(step("red", null), step("green", target)),
                "The share of good events over the SLO window; green at or above the objective, "
                        + QueryText.number(plan.slo().objectivePercent()) + "%."));
        panels.add(panel(s + "_sli", PanelType.TIMESERIES, "SLI against objective", "percentunit", 18,
                List.of(query("1 - " + plan.select(SloPlan.errorRatio(plan.shortest())),
                        legend == null ? "SLI (" + SloPlan.window(plan.shortest()) + ")" : legend),
                        query(plan.select(SloPlan.OBJECTIVE), "objective")),
                List.of(step("red", null), step("green", target)), null));
        panels.add(panel(s + "_budget_stat", PanelType.STAT, "Error budget remaining", "percentunit", 6,
                List.of(query(plan.select(SloPlan.REMAINING), legend)),
                List.of(step("red", null), step("orange", BigDecimal.ZERO), step("green", new BigDecimal("0.25"))),
                "What is left of the " + period + " error budget; below 0 the objective is missed."));
        panels.add(panel(s + "_budget", PanelType.TIMESERIES, "Error budget remaining over time", "percentunit", 18,
                List.of(query(plan.select(SloPlan.REMAINING), legend)),
                List.of(step("red", null), step("green", BigDecimal.ZERO)), null));
        List<Dashboard.Query> burns = new ArrayList<>();
        for (long w : plan.windows()) {
            burns.add(query(plan.select(SloPlan.errorRatio(w)) + " / " + plan.budgetText(),
                    (legend == null ? "" : legend + " ") + SloPlan.window(w)));
        }
        TreeSet<BigDecimal> factors = new TreeSet<>();
        plan.tiers().forEach(t -> t.pairs().forEach(p -> factors.add(p.factor())));
        List<Dashboard.Threshold> steps = new ArrayList<>();
        steps.add(step("green", null));
        for (BigDecimal f : factors) {
            boolean page = plan.tiers().stream().anyMatch(t -> t.tier() == dev.vigil.compiler.model.AlertWindows.Tier.PAGE
                    && t.pairs().stream().anyMatch(p -> p.factor().compareTo(f) == 0));
            steps.add(step(page ? "red" : "orange", f));
        }
        panels.add(panel(burnPanel(plan), PanelType.TIMESERIES, "Burn rate per window", "suffix:x", 24, burns, steps,
                "Error ratio over each alert window divided by the budget; the thresholds are the alert factors."));
        if (plan.hasRequests()) {
            panels.add(panel(s + "_requests", PanelType.TIMESERIES, "Requests per second", "reqps", 24,
                    List.of(query(plan.select(SloPlan.requests(plan.shortest())), legend)),
                    List.of(step("green", null)), null));
        }
        // Built at no position, then placed at the SLO's declaration as a whole.
        return Structural.withSpan(new Dashboard.Row("SLO " + s + ": " + QueryText.number(plan.slo().objectivePercent())
                + "% over " + period, panels, Span.NONE), plan.slo().span());
    }

    private static Dashboard.Panel panel(String name, PanelType type, String title, String unit, int width,
            List<Dashboard.Query> queries, List<Dashboard.Threshold> thresholds, String description) {
        return new Dashboard.Panel(name, type, title, queries, unit, new Dashboard.UnitAt(Span.NONE, false), null, null,
                null, description, null, thresholds, null, List.of(), width, 8, null, null, null, null, null,
                Span.NONE);
    }

    private static Dashboard.Threshold step(String color, BigDecimal value) {
        return new Dashboard.Threshold(color, value, Span.NONE);
    }

    private static Dashboard.Query query(String text, String legend) {
        return new Dashboard.Query(Generated.query(text, Span.NONE), legend, Span.NONE);
    }
}
