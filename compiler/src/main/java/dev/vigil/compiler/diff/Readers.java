package dev.vigil.compiler.diff;

import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.VectorSelector;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who reads a series by name in one side: alerts, recording rules, dashboard panels and variables,
 * runbooks and SLOs, each named for the reader ({@code alert `X`}, {@code panel `dash.p`}).
 */
final class Readers {
    private Readers() {
    }

    /** For each of {@code names}, the objects whose queries select it. */
    static Map<String, TreeSet<String>> of(Side side, Set<String> names) {
        Map<String, TreeSet<String>> out = new HashMap<>();
        for (Service s : side.project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        String who = "alert " + Texts.code(a.name());
                        read(a.expr(), who, names, out);
                        read(a.guard(), who, names, out);
                        if (a.runbook() != null) {
                            a.runbook().diagnoses().forEach(d -> read(d.query(), "the runbook of "
                                    + Texts.code(a.name()), names, out));
                        }
                    } else {
                        read(r.expr(), "recording rule " + Texts.code(r.name()), names, out);
                    }
                }
            }
            for (Dashboard d : s.dashboards()) {
                d.variables().forEach(v -> read(v.query(), "variable " + Texts.code(d.name() + "." + v.name()), names,
                        out));
                for (Dashboard.Row row : d.rows()) {
                    for (Dashboard.Panel p : row.panels()) {
                        p.queries().forEach(q -> read(q.expr(), "panel " + Texts.code(d.name() + "." + p.name()),
                                names, out));
                    }
                }
            }
            for (Slo slo : s.slos()) {
                if (slo.sli() != null) {
                    slo.sli().queries().values().forEach(q -> read(q, "SLO " + Texts.code(slo.name()), names, out));
                }
            }
        }
        return out;
    }

    private static void read(Expr e, String who, Set<String> names, Map<String, TreeSet<String>> out) {
        Expr.walk(e, x -> {
            if (x instanceof VectorSelector v) {
                v.name().filter(names::contains).ifPresent(n -> out.computeIfAbsent(n, k -> new TreeSet<>()).add(who));
            }
        });
    }
}
