package dev.vigil.targets.slo;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.QueryText;
import dev.vigil.targets.runbook.RunbookTemplates;
import freemarker.template.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code runbooks/<service>/<Alert>.md} for every SLO burn-rate alert, from {@code slo-runbook.md.ftl}. */
public final class SloRunbookEmitter implements Emitter {
    static final String TEMPLATE = "slo-runbook.md.ftl";

    @Override
    public String name() {
        return "slo-runbooks";
    }

    @Override
    public void emit(Project project, EmitSettings settings, OutputManifest out) {
        Configuration c = RunbookTemplates.configuration(settings);
        for (Service service : project.services()) {
            for (SloPlan plan : SloPlan.of(project, service)) {
                for (SloPlan.Tier tier : plan.tiers()) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("service", service.name());
                    data.put("slo", slo(plan));
                    data.put("alert", alert(plan, tier));
                    data.put("diagnoses", diagnoses(plan, tier));
                    out.writeText("runbooks/" + OutputManifest.safeSegment(service.name()) + "/"
                            + OutputManifest.safeSegment(tier.alert()) + ".md", RunbookTemplates.render(c, TEMPLATE, data));
                }
            }
        }
    }

    private static Map<String, Object> slo(SloPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", plan.slo().name());
        m.put("objective", QueryText.number(plan.slo().objectivePercent()));
        m.put("window", SloPlan.window(plan.slo().windowMillis()));
        m.put("budget", plan.budgetText());
        return m;
    }

    private static Map<String, Object> alert(SloPlan plan, SloPlan.Tier tier) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", tier.alert());
        m.put("severity", tier.severity());
        m.put("tier", tier.tier().id());
        m.put("for", tier.forMillis() > 0 ? Durations.format(tier.forMillis()) : "0s");
        m.put("expr", SloRules.alertExpr(plan, tier));
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (SloPlan.Pair p : tier.pairs()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("factor", QueryText.number(p.factor()));
            pm.put("long", SloPlan.window(p.longMillis()));
            pm.put("short", SloPlan.window(p.shortMillis()));
            pm.put("spent", QueryText.number(p.budgetSpentPercent()));
            pm.put("exhaustion", SloRules.roughly(p.exhaustionMillis(plan.slo().windowMillis())));
            pairs.add(pm);
        }
        m.put("pairs", pairs);
        return m;
    }

    /** The burn rate over the tier's long window, and the worst label values. */
    private static List<Map<String, String>> diagnoses(SloPlan plan, SloPlan.Tier tier) {
        List<Map<String, String>> out = new ArrayList<>();
        long w = tier.pairs().get(0).longMillis();
        String burn = plan.select(SloPlan.errorRatio(w)) + " / " + plan.budgetText();
        out.add(Map.of("title", "Burn rate over " + SloPlan.window(w), "query", burn));
        if (!plan.slo().groupBy().isEmpty()) {
            out.add(Map.of("title", "Worst " + String.join(", ", plan.slo().groupBy()) + " values",
                    "query", "topk(5, " + burn + ")"));
        }
        String errors = plan.slo().sli().kind() == Slo.SliKind.EVENTS
                && plan.slo().sli().queries().containsKey("errors")
                ? QueryText.of(plan.slo().sli().queries().get("errors"), plan.constants()) : null;
        if (errors != null) {
            out.add(Map.of("title", "Failing series, worst first", "query",
                    "topk(10, rate(" + errors + "[" + SloPlan.window(w) + "]))"));
        }
        return out;
    }
}
