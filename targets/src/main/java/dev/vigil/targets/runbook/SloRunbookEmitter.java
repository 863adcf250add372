package dev.vigil.targets.runbook;

import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.prometheus.RuleFiles;
import freemarker.template.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code runbooks/<service>/<Alert>.md} for every SLO burn-rate alert, from {@code slo-runbook.md.ftl}:
 * the lowered alert carries its windows and diagnosis queries, the SLO its objective.
 */
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
            Map<String, Constant> constants = QueryText.scope(project, service);
            for (RuleGroup g : service.groups()) {
                for (Rule r : g.rules()) {
                    if (!(r instanceof Rule.Alert a) || !(a.origin() instanceof Origin.FromSlo from)
                            || from.burn() == null) {
                        continue;
                    }
                    Slo slo = service.slos().stream().filter(s -> s.name().equals(from.slo())).findFirst().orElseThrow();
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("service", service.name());
                    data.put("md", MarkdownHelpers.model());
                    data.put("slo", slo(slo));
                    data.put("alert", alert(a, from.burn(), constants));
                    data.put("diagnoses", a.runbook().diagnoses().stream().map(d -> Map.of("title", d.title(),
                            "query", QueryText.of(d.query(), constants))).toList());
                    out.writeText("runbooks/" + Links.segment(service.name()) + "/" + Links.runbookFile(a.name()),
                            RunbookTemplates.render(c, TEMPLATE, data));
                }
            }
        }
    }

    private static Map<String, Object> slo(Slo slo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", slo.name());
        m.put("objective", QueryText.number(slo.objectivePercent()));
        m.put("window", AlertWindows.format(slo.windowMillis()));
        m.put("budget", QueryText.number(slo.errorBudget()));
        return m;
    }

    private static Map<String, Object> alert(Rule.Alert a, Origin.Burn burn, Map<String, Constant> constants) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("severity", a.severity().name());
        m.put("tier", burn.tier());
        m.put("for", a.forMillis() > 0 ? Durations.format(a.forMillis()) : "0s");
        m.put("expr", RuleFiles.alertExpr(a, constants));
        m.putAll(RunbookEmitter.templateOrigin(a.span()));
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (Origin.BurnWindow w : burn.windows()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("factor", QueryText.number(w.factor()));
            pm.put("long", AlertWindows.format(w.longMillis()));
            pm.put("short", AlertWindows.format(w.shortMillis()));
            pm.put("spent", QueryText.number(w.budgetSpentPercent()));
            pm.put("exhaustion", Origin.BurnWindow.roughly(w.exhaustionMillis()));
            pairs.add(pm);
        }
        m.put("pairs", pairs);
        return m;
    }
}
