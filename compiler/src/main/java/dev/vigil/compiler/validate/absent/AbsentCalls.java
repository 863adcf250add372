package dev.vigil.compiler.validate.absent;

import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.VectorSelector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What the {@code absent} checks share. {@code absent()} (and {@code absent_over_time()}) returns one
 * series, with value 1 and only the labels of its selector's equality matchers, when nothing matches.
 */
final class AbsentCalls {
    private static final Set<String> TWO_SAMPLES = Set.of("rate", "irate", "increase", "delta", "idelta", "deriv");

    /** A function that needs two samples, over a range, inside {@code absent}: {@code absent(rate(x[2m]))}. */
    record RateInside(Call function, MatrixSelector range) {
    }

    private AbsentCalls() {
    }

    /** The project's scrape interval in milliseconds (1m unless its settings say otherwise). */
    static long scrapeMillis(Project project) {
        return project.settings() == null ? 60_000 : project.settings().scrapeIntervalMillis();
    }

    /** Every alert with a query, with the constants in its scope. */
    static void eachAlert(Project project, BiConsumer<Rule.Alert, Map<String, Constant>> action) {
        for (Service s : project.services()) {
            Map<String, Constant> scope = Queries.scope(project, s);
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.expr() != null) {
                        action.accept(a, scope);
                    }
                }
            }
        }
    }

    static boolean isAbsent(Expr e) {
        return e instanceof Call c && (c.function().equals("absent") || c.function().equals("absent_over_time"));
    }

    /** The {@code absent} calls in {@code expr}, outermost first. */
    static List<Call> in(Expr expr) {
        List<Call> out = new ArrayList<>();
        Expr.walk(expr, e -> {
            if (isAbsent(e)) {
                out.add((Call) e);
            }
        });
        return out;
    }

    /** The call's argument without parentheses, a range selector as its selector; empty without one. */
    static Optional<Expr> argument(Call absent) {
        if (absent.args().isEmpty()) {
            return Optional.empty();
        }
        Expr arg = Expr.unparen(absent.args().get(0));
        return Optional.of(arg instanceof MatrixSelector ms ? ms.selector() : arg);
    }

    static Optional<RateInside> rateInside(Call absent) {
        if (argument(absent).orElse(null) instanceof Call inner && TWO_SAMPLES.contains(inner.function())
                && !inner.args().isEmpty() && Expr.unparen(inner.args().get(0)) instanceof MatrixSelector ms) {
            return Optional.of(new RateInside(inner, ms));
        }
        return Optional.empty();
    }

    /** The labels the result of {@code absent} carries: those of its selector's equality matchers. */
    static Set<String> equalityLabels(Call absent) {
        Set<String> out = new LinkedHashSet<>();
        if (argument(absent).orElse(null) instanceof VectorSelector v) {
            for (LabelMatcher m : v.matchers()) {
                if (m.op() == MatchOp.EQ && !m.name().equals("__name__")) {
                    out.add(m.name());
                }
            }
        }
        return out;
    }
}
