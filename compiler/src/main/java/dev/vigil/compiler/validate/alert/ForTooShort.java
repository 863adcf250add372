package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.support.Models;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page-level alert (the most urgent declared severity) that one bad scrape can fire. With
 * {@code for F} an alert fires once its condition has held at every evaluation over {@code F}, so
 * any {@code F > 0} needs two evaluations in a row; one bad sample stays visible for a scrape
 * interval, so it fires the alert when {@code F} is 0, or when {@code F} fits in the evaluations that
 * see the sample ({@code F <= scrape - interval}, a scrape slower than the group). Burn-rate alerts
 * generated from SLOs (their short window is the reset) and event conditions
 * ({@code changes(x[5m]) > 0}, which a {@code for} as long as the window would silence) are left alone.
 */
public final class ForTooShort implements Validator {
    private static final Set<String> EVENTS = Set.of("changes", "resets", "increase", "delta", "idelta");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        List<String> levels = project.severities() == null ? List.of() : project.severities().levels();
        if (levels.isEmpty()) {
            return;
        }
        String page = levels.get(0);
        long defaultInterval = project.settings() == null ? 60_000 : project.settings().evaluationIntervalMillis();
        long scrape = project.settings() == null ? 60_000 : project.settings().scrapeIntervalMillis();
        for (Service s : project.services()) {
            Map<String, Constant> constants = Queries.scope(project, s);
            for (RuleGroup g : s.groups()) {
                long interval = g.intervalMillis() > 0 ? g.intervalMillis() : defaultInterval;
                if (interval <= 0) {
                    continue;
                }
                for (Rule r : g.rules()) {
                    if (!(r instanceof Rule.Alert a) || a.severity() == null || !page.equals(a.severity().name())
                            || !(a.origin() instanceof Origin.Written) || (a.expr() != null && event(a.expr()))) {
                        continue;
                    }
                    long seen = scrape - interval;
                    if (a.forMillis() > 0 && a.forMillis() > seen) {
                        continue;
                    }
                    // A sample stays in a range window for the whole window: `for` must outlast it too.
                    long window = a.expr() == null ? 0 : longestWindow(a.expr(), constants);
                    String wait = Durations.format(Math.max(Math.max(scrape, 2 * interval), Math.max(window, 120_000)));
                    if (a.forMillis() == 0) {
                        sink.warning(id(), a.severity().span(), "Page-level alert `" + a.name()
                                        + "` has no `for`, so a single evaluation pages.",
                                "Add `for " + wait + "` or longer, so that one bad sample does not page.");
                    } else {
                        sink.warning(id(), a.severity().span(), "Page-level alert `" + a.name() + "` waits only `"
                                        + Durations.format(a.forMillis()) + "`, and one bad scrape is seen for `"
                                        + Durations.format(scrape) + "` by evaluations every `" + Durations.format(interval)
                                        + "`, long enough to page.",
                                "Raise `for` from `" + Durations.format(a.forMillis()) + "` to `" + wait
                                        + "` or longer, so that one bad sample does not page.");
                    }
                }
            }
        }
    }

    /** The longest range window the condition reads, or 0. */
    private static long longestWindow(Expr e, Map<String, Constant> constants) {
        long[] longest = {0};
        Expr.walk(e, x -> {
            if (x instanceof MatrixSelector m) {
                longest[0] = Math.max(longest[0], Models.millis(m.range(), constants).orElse(0));
            }
        });
        return longest[0];
    }

    /** A condition that counts events: {@code changes(x[5m]) > 3}, also under an aggregation. */
    private static boolean event(Expr e) {
        Expr x = Expr.unparen(e);
        if (!(x instanceof Binary b) || !b.op().isComparison()) {
            return false;
        }
        Expr lhs = Expr.unparen(b.lhs());
        while (lhs instanceof Aggregation agg) {
            lhs = Expr.unparen(agg.expr());
        }
        return lhs instanceof Call c && EVENTS.contains(c.function()) && Expr.unparen(b.rhs()) instanceof NumberLiteral
                && (b.op() == BinaryOp.GTR || b.op() == BinaryOp.GTE);
    }
}
