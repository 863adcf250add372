package dev.vigil.compiler.validate.division;

import dev.vigil.compiler.analysis.Exprs;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.analysis.Sign;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A division or modulo whose denominator can be zero, which makes the result NaN (0/0) or ±Inf.
 * The denominator is safe when {@link Sign} proves it non-zero (a non-zero number, {@code
 * clamp_min(x, c)} with c > 0, {@code count(...)}, a filter such as {@code x > 0}, ...), or when the
 * division is guarded: its result is {@code and}-ed with a comparison of the same denominator that
 * rules 0 out ({@code ... and <denominator> > 0}). A guard joined with {@code on(...)} or
 * {@code ignoring(...)} (an alert's {@code guard} is emitted as {@code and on() (guard > 0)}) only
 * protects a denominator without labels: one series then stands for all. Alerts are checked as
 * their rule is emitted, guard included. Queries of recording rules, alerts and SLIs are checked;
 * dashboard, runbook and test queries are not.
 */
public final class Unsafe implements Validator {
    private static final Set<String> TRAFFIC = Set.of("rate", "irate", "increase", "delta", "idelta");
    private static final int SHORT = 60;

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        // An alert's condition is checked as its rule carries it: with the guard applied.
        Map<Expr, Expr> emitted = new IdentityHashMap<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.expr() != null) {
                        emitted.put(a.expr(), a.emittedExpr());
                    }
                }
            }
        }
        LabelInference li = analysis.labels();
        for (Queries.Use use : Queries.of(project)) {
            if (!evaluated(use.slot())) {
                continue;
            }
            check(emitted.getOrDefault(use.expr(), use.expr()), use.constants(), li, project.fromVigilSources(), sink);
        }
    }

    /**
     * Rules and SLIs, whose results are stored and compared. Dashboard, runbook and test queries
     * are only looked at: a gap in a graph where there is no traffic is honest there.
     */
    private static boolean evaluated(String slot) {
        return slot.equals("record") || slot.equals("when") || slot.equals("guard") || slot.startsWith("sli");
    }

    /** One step of the walk: a node and the guards of the {@code and}s it sits on the left of. */
    private record Step(Expr expr, Guards guards) {
    }

    /**
     * The guards a division sits under. {@code matched} is false for an {@code and on(...)} or
     * {@code ignoring(...)}: such a guard matches series by some labels only, so it proves a
     * denominator non-zero only when the denominator has no labels at all.
     */
    private record Guards(Expr guard, boolean unless, boolean matched, Guards next) {
        boolean covers(Expr denominator, boolean labelFree, Map<String, Constant> constants) {
            for (Guards g = this; g != null; g = g.next) {
                if ((g.matched || labelFree) && rulesOutZero(g.guard, g.unless, denominator, constants)) {
                    return true;
                }
            }
            return false;
        }
    }

    private void check(Expr root, Map<String, Constant> constants, LabelInference li, boolean vigil,
            DiagnosticSink sink) {
        Deque<Step> todo = new ArrayDeque<>();
        todo.push(new Step(root, null));
        while (!todo.isEmpty()) {
            Step step = todo.pop();
            Expr e = step.expr();
            if (e instanceof Binary b) {
                if (b.op() == BinaryOp.DIV || b.op() == BinaryOp.MOD) {
                    division(b, step.guards(), constants, li, vigil, sink);
                }
                if (b.op() == BinaryOp.AND || b.op() == BinaryOp.UNLESS) {
                    todo.push(new Step(b.rhs(), step.guards()));
                    todo.push(new Step(b.lhs(), new Guards(b.rhs(), b.op() == BinaryOp.UNLESS, b.matching() == null,
                            step.guards())));
                    continue;
                }
            }
            List<Expr> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(new Step(children.get(i), step.guards()));
            }
        }
    }

    /**
     * Whether {@code guard} keeps only series where {@code denominator} is non-zero: {@code d > 0},
     * {@code d != 0} and the like (after {@code and}), or {@code d == 0} (after {@code unless}).
     */
    private static boolean rulesOutZero(Expr guard, boolean unless, Expr denominator, Map<String, Constant> constants) {
        Expr g = Expr.unparen(guard);
        if (!(g instanceof Binary b) || !b.op().isComparison() || b.returnBool()) {
            return false;
        }
        boolean left = Exprs.same(b.lhs(), denominator) && Sign.number(b.rhs(), constants) != null;
        boolean right = Exprs.same(b.rhs(), denominator) && Sign.number(b.lhs(), constants) != null;
        if (!left && !right) {
            // A guard on part of the denominator's series (its 5xx share, say) proves the whole non-zero.
            boolean narrowLeft = !unless && Exprs.narrower(b.lhs(), denominator) && Sign.number(b.rhs(), constants) != null;
            boolean narrowRight = !unless && Exprs.narrower(b.rhs(), denominator) && Sign.number(b.lhs(), constants) != null;
            return (narrowLeft || narrowRight) && Sign.of(g, constants).nonZero();
        }
        if (unless) {
            Double c = Sign.number(left ? b.rhs() : b.lhs(), constants);
            return b.op() == BinaryOp.EQL && c != null && c == 0.0;
        }
        return Sign.of(g, constants).nonZero();
    }

    private void division(Binary b, Guards guards, Map<String, Constant> constants, LabelInference li,
            boolean vigil, DiagnosticSink sink) {
        Expr den = b.rhs();
        Sign sign = Sign.of(den, constants);
        String op = b.op() == BinaryOp.DIV ? "division" : "modulo";
        if (sign == Sign.ZERO) {
            sink.error(id(), den.span(), "This " + op + " by zero gives " + (b.op() == BinaryOp.DIV ? "±Inf or NaN" : "NaN")
                    + " for every series.", "Divide by the quantity you meant, or remove the operation.");
            return;
        }
        LabelSet labels = li.infer(den).labels();
        boolean labelFree = !labels.open() && labels.names().isEmpty();
        if (sign.nonZero() || (guards != null && guards.covers(den, labelFree, constants))) {
            return;
        }
        String denText = PromqlPrinter.print(Expr.unparen(den));
        String subject = denText.length() <= SHORT ? "The denominator `" + denText + "`" : "This denominator";
        String result = b.op() == BinaryOp.DIV ? "NaN (0/0) or ±Inf" : "NaN";
        // Filtering the denominator drops exactly the series where it is 0, whatever 0 means there (no
        // traffic, or "no limit"); a clamp would turn those into huge or zero ratios that can page.
        String filter = Sign.of(den, constants) == Sign.POSITIVE || nonNegative(den) ? " > 0" : " != 0";
        String filtered = "(" + denText + filter + ")";
        String message = readsRate(den)
                ? subject + " is 0 when there is no traffic, and this " + op + " then gives " + result + "."
                : subject + " can be 0, and this " + op + " then gives " + result + ".";
        String hint = "Divide by `(" + abbreviate(denText) + filter + ")` instead: series where it is 0 then have no "
                + "result" + (labelFree && vigil ? "; on an alert, `guard " + abbreviate(denText) + "` does the same."
                        : ".");
        Fix fix = new Fix("Leave out the series where the denominator is 0", den.span(), filtered);
        sink.report(new Diagnostic(id(), Severity.ERROR, den.span(), message, hint, fix));
    }

    /** Whether {@code e} cannot be negative: rates, counts and sums or maxima of them. */
    private static boolean nonNegative(Expr e) {
        Expr u = Expr.unparen(e);
        if (u instanceof Call c) {
            return TRAFFIC.contains(c.function()) && !c.function().contains("delta") || c.function().equals("count_over_time")
                    || c.function().equals("absent");
        }
        if (u instanceof Aggregation a) {
            return a.op() == AggregateOp.COUNT || ((a.op() == AggregateOp.SUM || a.op() == AggregateOp.MAX
                    || a.op() == AggregateOp.MIN || a.op() == AggregateOp.AVG) && nonNegative(a.expr()));
        }
        return false;
    }

    private static String abbreviate(String text) {
        return text.length() <= SHORT ? text : "<denominator>";
    }

    private static boolean readsRate(Expr e) {
        boolean[] found = {false};
        Expr.walk(e, n -> {
            if (n instanceof Call c && TRAFFIC.contains(c.function())) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
