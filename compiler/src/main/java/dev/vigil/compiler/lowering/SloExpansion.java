package dev.vigil.compiler.lowering;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lowers each SLO of a service into ordinary model objects: per SLO a group of SLI recordings (error
 * ratio and request rate per window), a group of meta recordings (objective, budget, burn rates,
 * budget remaining) and a group of burn-rate alerts; one dashboard for the service's SLOs; and
 * promtool tests. Every generated object points at its {@code slo} declaration.
 */
final class SloExpansion implements Expansion {
    /** The generated dashboard's name, by which alerts and references reach its panels. */
    static final String DASHBOARD = "slo";

    @Override
    public Service expand(Project project, Service service, DiagnosticSink sink) {
        List<SloPlan> plans = new ArrayList<>();
        for (SloPlan plan : SloPlan.of(project, service)) {
            if (complete(plan.slo())) {
                plans.add(plan);
            }
        }
        if (plans.isEmpty()) {
            return service;
        }
        List<RuleGroup> groups = new ArrayList<>();
        List<TestCase> tests = new ArrayList<>();
        for (SloPlan plan : plans) {
            groups.add(group(plan, "sli", sli(plan)));
            groups.add(group(plan, "meta", meta(plan)));
            if (!plan.tiers().isEmpty()) {
                groups.add(group(plan, "alerts", alerts(plan)));
            }
        }
        Dashboard dashboard = SloDashboards.of(service, plans);
        for (SloPlan plan : plans) {
            tests.addAll(SloTests.of(plan));
        }
        return service.withGenerated(groups, List.of(dashboard), tests);
    }

    /**
     * Whether the SLO is complete and sound enough to lower. What is missing or out of range has been
     * reported by its reader or the Slo checks; lowering it anyway would only add noise to those errors.
     */
    static boolean complete(Slo slo) {
        if (!slo.objectiveInRange() || slo.sli() == null || slo.alerting() == null
                || slo.alerting().windows() == null || slo.windowMillis() <= 0
                || !slo.alerting().windows().rows().stream().allMatch(r -> r.validFor(slo.windowMillis()))) {
            return false;
        }
        Slo.Sli sli = slo.sli();
        // The queries SloReader requires (it reported what is missing); the generated rules read exactly these.
        java.util.Set<String> keys = sli.queries().keySet();
        boolean queries = switch (sli.kind()) {
            case EVENTS -> keys.contains("total") && (keys.contains("errors") ^ keys.contains("good"));
            case LATENCY -> keys.contains("histogram");
            case AVAILABILITY -> keys.contains("good") ^ keys.contains("bad");
            case RATIO -> keys.contains("ratio");
        };
        if (!queries) {
            return false;
        }
        if (sli.kind() == Slo.SliKind.LATENCY && (sli.threshold() == null
                || !(sli.queries().get("histogram") instanceof VectorSelector v) || v.name().isEmpty())) {
            return false;
        }
        return sli.kind() == Slo.SliKind.RATIO
                || sli.queries().values().stream().allMatch(q -> q instanceof VectorSelector);
    }

    private static RuleGroup group(SloPlan plan, String kind, List<Rule> rules) {
        return new RuleGroup("slo:" + plan.service().name() + ":" + plan.slo().name() + ":" + kind, 0, null, rules,
                new Origin.FromSlo(plan.slo().name(), null), plan.slo().span());
    }

    /**
     * A recording with the SLO's {@code service} and {@code slo} labels. The window is in the name
     * only, never a label: the alerts {@code and} ratios of two windows, which must match one-to-one.
     */
    private static Rule.Recording record(SloPlan plan, String name, String expr) {
        return new Rule.Recording(name, plan.query(expr), new TreeMap<>(plan.ids()),
                plan.slo().span());
    }

    private static List<Rule> sli(SloPlan plan) {
        List<Rule> rules = new ArrayList<>();
        if (plan.slo().sli().kind() == Slo.SliKind.RATIO) {
            rules.add(record(plan, SloPlan.RAW_RATIO, QueryText.of(plan.slo().sli().queries().get("ratio"),
                    plan.constants())));
        }
        for (long w : plan.windows()) {
            rules.add(record(plan, SloPlan.errorRatio(w), plan.errorRatioExpr(w)));
        }
        if (plan.hasRequests()) {
            for (long w : plan.windows()) {
                rules.add(record(plan, SloPlan.requests(w), plan.requestsExpr(w)));
            }
        }
        return rules;
    }

    private static List<Rule> meta(SloPlan plan) {
        List<Rule> rules = new ArrayList<>();
        String period = SloPlan.window(plan.slo().windowMillis());
        // The period's ratio averages the shortest window's ratio, as Sloth does: one cheap range
        // over a recorded series instead of a 30-day rate over raw counters.
        rules.add(record(plan, SloPlan.errorRatio(plan.slo().windowMillis()), "avg_over_time("
                + plan.select(SloPlan.errorRatio(plan.shortest())) + "[" + period + "])"));
        rules.add(record(plan, SloPlan.OBJECTIVE, "vector(" + QueryText.number(plan.slo().target()) + ")"));
        rules.add(record(plan, SloPlan.ERROR_BUDGET, "vector(" + plan.budgetText() + ")"));
        rules.add(record(plan, SloPlan.CURRENT_BURN, plan.select(SloPlan.errorRatio(plan.shortest())) + " / "
                + plan.budgetText()));
        rules.add(record(plan, SloPlan.PERIOD_BURN, plan.select(SloPlan.errorRatio(plan.slo().windowMillis()))
                + " / " + plan.budgetText()));
        rules.add(record(plan, SloPlan.REMAINING, "1 - " + plan.select(SloPlan.PERIOD_BURN)));
        return rules;
    }

    private static List<Rule> alerts(SloPlan plan) {
        List<Rule> rules = new ArrayList<>();
        Span at = plan.slo().span();
        for (SloPlan.Tier tier : plan.tiers()) {
            Map<String, String> labels = new TreeMap<>();
            labels.put("slo", plan.slo().name());
            labels.put("tier", tier.tier().id());
            List<Origin.BurnWindow> windows = tier.pairs().stream().map(p -> new Origin.BurnWindow(p.longMillis(),
                    p.shortMillis(), p.factor(), p.budgetSpentPercent(), p.exhaustionMillis(plan.slo().windowMillis())))
                    .toList();
            Rule.Runbook runbook = new Rule.Runbook(null, List.of(), diagnoses(plan, tier), List.of(), List.of(),
                    List.of());
            rules.add(new Rule.Alert(tier.alert(), plan.query(alertExpr(plan, tier)), tier.forMillis(),
                    0, Ref.of(Ref.Kind.SEVERITY, tier.severity(), at), new TreeMap<>(labels),
                    annotations(plan, tier), null, new Ref(Ref.Kind.PANEL, DASHBOARD, SloDashboards.burnPanel(plan), at),
                    runbook, new Origin.FromSlo(plan.slo().name(), new Origin.Burn(tier.tier().id(), windows)), at,
                    new TreeMap<>()));
        }
        return rules;
    }

    /**
     * {@code (long > f and short > f [and traffic]) or ...}, each side a burn rate (the ratio over the
     * budget), so the alert's value is the long window's burn rate.
     */
    static String alertExpr(SloPlan plan, SloPlan.Tier tier) {
        List<String> clauses = new ArrayList<>();
        for (SloPlan.Pair p : tier.pairs()) {
            String f = QueryText.number(p.factor());
            StringBuilder c = new StringBuilder("(");
            c.append(plan.select(SloPlan.errorRatio(p.longMillis()))).append(" / ").append(plan.budgetText())
                    .append(" > ").append(f).append(" and ")
                    .append(plan.select(SloPlan.errorRatio(p.shortMillis()))).append(" / ").append(plan.budgetText())
                    .append(" > ").append(f);
            Slo.Alerting a = plan.slo().alerting();
            if (a.minRate() != null) {
                c.append(" and ").append(plan.select(SloPlan.requests(p.longMillis()))).append(" >= ")
                        .append(QueryText.number(a.minRate()));
            } else if (a.minEvents() != null) {
                c.append(" and ").append(plan.select(SloPlan.requests(p.longMillis()))).append(" * ")
                        .append(p.longMillis() / 1000).append(" >= ").append(QueryText.number(a.minEvents()));
            }
            clauses.add(c.append(")").toString());
        }
        return String.join(" or ", clauses);
    }

    /** The SLO alert's own annotations; lowering adds the runbook and dashboard links after them. */
    private static Map<String, String> annotations(SloPlan plan, SloPlan.Tier tier) {
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
                    + Origin.BurnWindow.roughly(p.exhaustionMillis(plan.slo().windowMillis())));
        }
        a.put("description", "Objective " + QueryText.number(plan.slo().objectivePercent()) + "% over " + period
                + " (error budget " + plan.budgetText() + "). Fires when the burn rate is above "
                + String.join(", or ", conditions) + ".");
        a.put("budget_spent", String.join("; ", spent));
        a.put("time_to_exhaustion", String.join("; ", exhaustion));
        return a;
    }

    /** What a responder queries first: the burn over the tier's long window, the worst label values, failing series. */
    private static List<Rule.Diagnosis> diagnoses(SloPlan plan, SloPlan.Tier tier) {
        Span at = plan.slo().span();
        List<Rule.Diagnosis> out = new ArrayList<>();
        long w = tier.pairs().get(0).longMillis();
        String burn = plan.select(SloPlan.errorRatio(w)) + " / " + plan.budgetText();
        out.add(new Rule.Diagnosis("Burn rate over " + SloPlan.window(w), plan.query(burn), at));
        if (!plan.slo().groupBy().isEmpty()) {
            out.add(new Rule.Diagnosis("Worst " + String.join(", ", plan.slo().groupBy()) + " values",
                    plan.query("topk(5, " + burn + ")"), at));
        }
        if (plan.slo().sli().kind() == Slo.SliKind.EVENTS && plan.slo().sli().queries().containsKey("errors")) {
            String errors = QueryText.of(plan.slo().sli().queries().get("errors"), plan.constants());
            out.add(new Rule.Diagnosis("Failing series, worst first", plan.query("topk(10, rate(" + errors + "["
                    + SloPlan.window(w) + "]))"), at));
        }
        return out;
    }
}
