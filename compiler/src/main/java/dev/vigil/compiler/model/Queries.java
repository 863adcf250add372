package dev.vigil.compiler.model;

import dev.vigil.compiler.promql.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every query in a project, with the slot it fills and the constants in scope there. */
public final class Queries {
    private Queries() {
    }

    /**
     * One query. {@code slot} names where it stands ({@code when}, {@code panel query}, ...);
     * {@code vectorOrScalar} says whether it must evaluate to an instant vector or a scalar.
     */
    public record Use(String slot, Expr expr, Map<String, Constant> constants, boolean vectorOrScalar) {
    }

    /** The constants a service's queries can use: the project's, then the service's own. */
    public static Map<String, Constant> scope(Project project, Service service) {
        Map<String, Constant> scope = new HashMap<>();
        project.constants().forEach(c -> scope.putIfAbsent(c.name(), c));
        service.constants().forEach(c -> scope.putIfAbsent(c.name(), c));
        return scope;
    }

    public static List<Use> of(Project project) {
        List<Use> out = new ArrayList<>();
        for (Service s : project.services()) {
            Map<String, Constant> scope = scope(project, s);
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        add(out, "when", a.expr(), scope, true);
                        add(out, "guard", a.guard(), scope, true);
                        a.runbook().diagnoses().forEach(d -> add(out, "diagnose", d.query(), scope, true));
                    } else {
                        add(out, "record", r.expr(), scope, true);
                    }
                }
            }
            for (Slo slo : s.slos()) {
                if (slo.sli() != null) {
                    // The selectors of an SLI are read as the compiled rules read them: counters (and a
                    // histogram's buckets) through rate(), gauges through avg_over_time(); a ratio as written.
                    Slo.SliKind kind = slo.sli().kind();
                    slo.sli().queries().forEach((k, q) -> add(out, "sli " + k, asRead(kind, q), scope, true));
                }
            }
            for (Dashboard d : s.dashboards()) {
                for (Dashboard.Variable v : d.variables()) {
                    add(out, "variable", v.query(), scope, false);
                }
                for (Dashboard.Row row : d.rows()) {
                    for (Dashboard.Panel p : row.panels()) {
                        p.queries().forEach(q -> add(out, "query", q.expr(), scope, true));
                    }
                }
            }
            for (TestCase t : s.tests()) {
                for (TestCase.Expectation e : t.expectations()) {
                    if (e instanceof TestCase.ValueExpectation v) {
                        add(out, "expect value", v.expr(), scope, true);
                    }
                }
            }
        }
        return out;
    }

    static Expr asRead(Slo.SliKind kind, Expr q) {
        if (kind == Slo.SliKind.RATIO || !(q instanceof dev.vigil.compiler.promql.VectorSelector)) {
            return q;
        }
        String function = kind == Slo.SliKind.AVAILABILITY ? "avg_over_time" : "rate";
        var range = new dev.vigil.compiler.promql.MatrixSelector(q,
                new dev.vigil.compiler.promql.DurationLiteral("5m", 300_000, q.span()), q.span());
        return new dev.vigil.compiler.promql.Call(function, List.of(range), q.span());
    }

    private static void add(List<Use> out, String slot, Expr expr, Map<String, Constant> scope, boolean instant) {
        if (expr != null) {
            out.add(new Use(slot, expr, scope, instant));
        }
    }
}
