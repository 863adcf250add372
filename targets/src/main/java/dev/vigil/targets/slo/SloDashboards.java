package dev.vigil.targets.slo;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Dashboard.PanelType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.source.Span;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.QueryText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One dashboard per service with SLOs, as a {@link Dashboard} of the model so that the Grafana
 * emitter renders it like any declared dashboard. A row per SLO: the SLI against the objective,
 * the budget remaining (stat and graph), the burn rate per alert window with the alert factors as
 * thresholds, and the request rate.
 */
public final class SloDashboards {
    private SloDashboards() {
    }

    public static String uid(Service service) {
        return "slo-" + OutputManifest.safeSegment(service.name()).replace('_', '-');
    }

    public static Optional<Dashboard> of(Project project, Service service) {
        List<SloPlan> plans = SloPlan.of(project, service);
        if (plans.isEmpty()) {
            return Optional.empty();
        }
        List<Dashboard.Row> rows = new ArrayList<>();
        for (SloPlan plan : plans) {
            rows.add(row(plan));
        }
        return Optional.of(new Dashboard("slo", uid(service), "SLOs: " + service.name(), List.of("slo", "vigil"),
                "1m", "7d", List.of(), rows, Span.NONE));
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
        panels.add(panel(s + "_burn", PanelType.TIMESERIES, "Burn rate per window", "suffix:x", 24, burns, steps,
                "Error ratio over each alert window divided by the budget; the thresholds are the alert factors."));
        if (plan.hasRequests()) {
            panels.add(panel(s + "_requests", PanelType.TIMESERIES, "Requests per second", "reqps", 24,
                    List.of(query(plan.select(SloPlan.requests(plan.shortest())), legend)),
                    List.of(step("green", null)), null));
        }
        return new Dashboard.Row("SLO " + s + ": " + QueryText.number(plan.slo().objectivePercent()) + "% over "
                + period, panels, Span.NONE);
    }

    private static Dashboard.Panel panel(String name, PanelType type, String title, String unit, int width,
            List<Dashboard.Query> queries, List<Dashboard.Threshold> thresholds, String description) {
        return new Dashboard.Panel(name, type, title, queries, unit, null, null, null, description, null, thresholds,
                null, List.of(), width, 8, Span.NONE);
    }

    private static Dashboard.Threshold step(String color, BigDecimal value) {
        return new Dashboard.Threshold(color, value, Span.NONE);
    }

    private static Dashboard.Query query(String text, String legend) {
        return new Dashboard.Query(parse(text), legend, Span.NONE);
    }

    /** Queries are built as text and parsed back, so the Grafana emitter prints them like any other. */
    static Expr parse(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        return PromqlParser.parse(text, sink).orElseThrow(() -> new IllegalStateException(
                "generated SLO query does not parse: " + text + " " + sink));
    }
}
