package dev.vigil.targets.slo;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.QueryText;
import dev.vigil.targets.prometheus.RuleFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule groups of a service's SLOs, in the shape {@code prometheus.RuleFiles} writes: per SLO a
 * group of SLI recordings (error ratio and request rate per window), a group of meta recordings
 * (objective, budget, burn rates, budget remaining) and a group of burn-rate alerts.
 */
public final class SloRules {
    private SloRules() {
    }

    public static List<Object> groups(Project project, Service service) {
        List<Object> groups = new ArrayList<>();
        for (SloPlan plan : SloPlan.of(project, service)) {
            groups.add(group(plan, "sli", sli(plan)));
            groups.add(group(plan, "meta", meta(plan)));
            if (!plan.tiers().isEmpty()) {
                groups.add(group(plan, "alerts", alerts(plan)));
            }
        }
        return groups;
    }

    private static Map<String, Object> group(SloPlan plan, String kind, List<Object> rules) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("name", "slo:" + plan.service().name() + ":" + plan.slo().name() + ":" + kind);
        g.put("rules", rules);
        return g;
    }

    /**
     * A recording with the SLO's {@code service} and {@code slo} labels. The window is in the name
     * only, never a label: the alerts {@code and} ratios of two windows, which must match one-to-one.
     */
    private static Map<String, Object> record(SloPlan plan, String name, String expr, Map<String, String> extra) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("record", name);
        r.put("expr", expr);
        Map<String, String> labels = new TreeMap<>(plan.ids());
        labels.putAll(extra);
        r.put("labels", labels);
        return r;
    }

    private static List<Object> sli(SloPlan plan) {
        List<Object> rules = new ArrayList<>();
        if (plan.slo().sli().kind() == Slo.SliKind.RATIO) {
            rules.add(record(plan, SloPlan.RAW_RATIO, QueryText.of(plan.slo().sli().queries().get("ratio"),
                    plan.constants()), Map.of()));
        }
        for (long w : plan.windows()) {
            rules.add(record(plan, SloPlan.errorRatio(w), plan.errorRatioExpr(w), Map.of()));
        }
        if (plan.hasRequests()) {
            for (long w : plan.windows()) {
                rules.add(record(plan, SloPlan.requests(w), plan.requestsExpr(w), Map.of()));
            }
        }
        return rules;
    }

    private static List<Object> meta(SloPlan plan) {
        List<Object> rules = new ArrayList<>();
        String period = SloPlan.window(plan.slo().windowMillis());
        // The period's ratio averages the shortest window's ratio, as Sloth does: one cheap range
        // over a recorded series instead of a 30-day rate over raw counters.
        rules.add(record(plan, SloPlan.errorRatio(plan.slo().windowMillis()), "avg_over_time("
                + plan.select(SloPlan.errorRatio(plan.shortest())) + "[" + period + "])", Map.of()));
        rules.add(record(plan, SloPlan.OBJECTIVE, "vector(" + QueryText.number(plan.slo().target()) + ")", Map.of()));
        rules.add(record(plan, SloPlan.ERROR_BUDGET, "vector(" + plan.budgetText() + ")", Map.of()));
        rules.add(record(plan, SloPlan.CURRENT_BURN, plan.select(SloPlan.errorRatio(plan.shortest())) + " / "
                + plan.budgetText(), Map.of()));
        rules.add(record(plan, SloPlan.PERIOD_BURN, plan.select(SloPlan.errorRatio(plan.slo().windowMillis())) + " / "
                + plan.budgetText(), Map.of()));
        rules.add(record(plan, SloPlan.REMAINING, "1 - " + plan.select(SloPlan.PERIOD_BURN), Map.of()));
        return rules;
    }

    private static List<Object> alerts(SloPlan plan) {
        List<Object> rules = new ArrayList<>();
        for (SloPlan.Tier tier : plan.tiers()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("alert", tier.alert());
            r.put("expr", alertExpr(plan, tier));
            if (tier.forMillis() > 0) {
                r.put("for", Durations.format(tier.forMillis()));
            }
            r.put("labels", labels(plan, tier));
            r.put("annotations", annotations(plan, tier));
            rules.add(r);
        }
        return rules;
    }

    /**
     * {@code (long > f and short > f [and traffic]) or ...}, each side a burn rate (the ratio over the
     * budget), so the alert's value is the long window's burn rate.
     */
    public static String alertExpr(SloPlan plan, SloPlan.Tier tier) {
        List<String> clauses = new ArrayList<>();
        for (SloPlan.Pair p : tier.pairs()) {
            String f = QueryText.number(p.factor());
            StringBuilder c = new StringBuilder("(\n  ");
            c.append(plan.select(SloPlan.errorRatio(p.longMillis()))).append(" / ").append(plan.budgetText())
                    .append(" > ").append(f).append("\nand\n  ")
                    .append(plan.select(SloPlan.errorRatio(p.shortMillis()))).append(" / ").append(plan.budgetText())
                    .append(" > ").append(f);
            Slo.Alerting a = plan.slo().alerting();
            if (a.minRate() != null) {
                c.append("\nand\n  ").append(plan.select(SloPlan.requests(p.longMillis()))).append(" >= ")
                        .append(QueryText.number(a.minRate()));
            } else if (a.minEvents() != null) {
                c.append("\nand\n  ").append(plan.select(SloPlan.requests(p.longMillis()))).append(" * ")
                        .append(p.longMillis() / 1000).append(" >= ").append(QueryText.number(a.minEvents()));
            }
            clauses.add(c.append("\n)").toString());
        }
        return String.join("\nor\n", clauses);
    }

    public static Map<String, String> labels(SloPlan plan, SloPlan.Tier tier) {
        Map<String, String> labels = new TreeMap<>(plan.service().labels());
        labels.put("service", plan.service().name());
        if (plan.service().team() != null) {
            labels.put("team", plan.service().team());
        }
        labels.put("severity", tier.severity());
        labels.put("slo", plan.slo().name());
        labels.put("tier", tier.tier().id());
        return labels;
    }

    public static Map<String, String> annotations(SloPlan plan, SloPlan.Tier tier) {
        Map<String, String> a = new LinkedHashMap<>();
        String period = SloPlan.window(plan.slo().windowMillis());
        a.put("summary", "SLO " + plan.slo().name() + " of " + plan.service().name()
                + " is burning its error budget {{ $value | humanize }}x as fast as it may");
        List<String> conditions = new ArrayList<>();
        List<String> spent = new ArrayList<>();
        List<String> exhaustion = new ArrayList<>();
        for (SloPlan.Pair p : tier.pairs()) {
            String f = QueryText.number(p.factor());
            conditions.add(p.condition());
            spent.add(QueryText.number(p.budgetSpentPercent()) + "% of the " + period + " budget in "
                    + SloPlan.window(p.longMillis()));
            exhaustion.add("at " + f + "x the whole " + period + " budget is gone in about "
                    + roughly(p.exhaustionMillis(plan.slo().windowMillis())));
        }
        a.put("description", "Objective " + QueryText.number(plan.slo().objectivePercent()) + "% over " + period
                + " (error budget " + plan.budgetText() + "). Fires when the burn rate is above "
                + String.join(", or ", conditions) + ".");
        a.put("budget_spent", String.join("; ", spent));
        a.put("time_to_exhaustion", String.join("; ", exhaustion));
        String runbooks = plan.service().links().get("runbooks");
        if (runbooks != null) {
            a.put("runbook_url", RuleFiles.trimSlash(runbooks) + "/" + OutputManifest.safeSegment(tier.alert()) + ".md");
        }
        String dashboards = plan.service().links().get("dashboards");
        if (dashboards != null) {
            a.put("dashboard_url", RuleFiles.trimSlash(dashboards) + "/" + SloDashboards.uid(plan.service()));
        }
        return a;
    }

    /** A duration rounded to what a person reads aloud: whole days over two days, else hours or minutes. */
    static String roughly(long millis) {
        long hour = 3_600_000;
        if (millis >= 48 * hour) {
            long days = Math.round(millis / (24.0 * hour));
            return days + " days";
        }
        if (millis >= 2 * hour) {
            return Math.round(millis / (double) hour) + " hours";
        }
        return Math.max(1, Math.round(millis / 60_000.0)) + " minutes";
    }
}
