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
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A division or modulo whose denominator can be zero, judged by what the NaN (0/0) or +Inf (x/0)
 * then does. The denominator is safe when {@link Sign} proves it non-zero, when a recording rule it
 * reads is a {@code count}, or when the division is guarded ({@code ... and <denominator> > 0}; a
 * guard joined with {@code on(...)} only protects a denominator without labels). Otherwise the
 * division is followed up to the rule's result ({@link Context}):
 * <ul>
 * <li>a comparison that the NaN, the +Inf (a numerator not 0 while the denominator is), or the 0 of a
 * clamped denominator passes makes the rule fire (or keep the series) wrongly;</li>
 * <li>a {@code sum} or {@code avg} spreads one NaN over its whole group;</li>
 * <li>a recording rule without comparison stores the NaN or +Inf, which is worse when another rule
 * aggregates or compares what it stores;</li>
 * <li>a comparison that they all fail, or an alert without one, is not harmed: nothing fires and
 * nothing is stored.</li>
 * </ul>
 * A wrong answer is an error when the denominator's 0 occurs (traffic, a clamp or guard written for
 * it), and a warning for a gauge that may never be 0. Storing NaN is a warning. Queries of recording
 * rules, alerts (as emitted, guard included) and SLIs are checked; dashboard, runbook and test queries
 * are not, because a gap in a graph where there is no traffic is the honest display.
 */
public final class Unsafe implements Validator {
    private static final int SHORT = 60;
    private static final double EPSILON = 1e-3;

    /** One query the check reads: a rule's (named) or an SLI's. */
    private record Query(Expr expr, Map<String, Constant> constants, String rule, boolean stored, boolean alert) {
    }

    /** What a zero denominator does: the value it gives, and where that value goes wrong. */
    private enum Harm { NONE, FIRES, SPREADS, STORED }

    private record Verdict(Harm harm, double value, Context context) {
        static final Verdict NONE = new Verdict(Harm.NONE, 0, null);
    }

    /** A division found harmful, kept until the rules that read what it stores are known. */
    private record Finding(Binary division, Query query, Verdict verdict, Set<Double> outcomes, boolean traffic,
            boolean occurs, boolean clamped, Expr denominator, boolean labelFree, String reader, Verdict read) {
        Finding readBy(String rule, Verdict v) {
            return new Finding(division, query, verdict, outcomes, traffic, occurs, clamped, denominator, labelFree,
                    rule, v);
        }
    }

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        List<Query> queries = queries(project);
        Map<String, Expr> recorded = recorded(queries);
        Ratios ratios = new Ratios(recorded);
        LabelInference li = analysis.labels();
        List<Finding> findings = new ArrayList<>();
        for (Query q : queries) {
            walk(q, (e, ctx, guards) -> {
                if (e instanceof Binary b && (b.op() == BinaryOp.DIV || b.op() == BinaryOp.MOD)) {
                    Finding f = division(b, q, ctx, guards, ratios, recorded, li, sink);
                    if (f != null) {
                        findings.add(f);
                    }
                }
            });
        }
        readers(queries, findings);
        // One finding per denominator and rule: a ratio and its guard often divide by the same thing.
        Map<Query, Set<String>> seen = new IdentityHashMap<>();
        for (Finding f : findings) {
            if (seen.computeIfAbsent(f.query(), k -> new HashSet<>()).add(PromqlPrinter.print(f.denominator()))) {
                report(f, project.fromVigilSources(), sink);
            }
        }
    }

    private static List<Query> queries(Project project) {
        List<Query> out = new ArrayList<>();
        for (Service s : project.services()) {
            Map<String, Constant> scope = Queries.scope(project, s);
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.expr() != null) {
                        out.add(new Query(a.emittedExpr(), scope, a.name(), false, true));
                    } else if (r instanceof Rule.Recording && r.expr() != null) {
                        out.add(new Query(r.expr(), scope, r.name(), true, false));
                    }
                }
            }
        }
        for (Queries.Use use : Queries.of(project)) {
            if (use.slot().startsWith("sli")) {
                out.add(new Query(use.expr(), use.constants(), null, true, false));
            }
        }
        return out;
    }

    /** Recording rules defined once, by name; a name defined twice is read as unknown. */
    private static Map<String, Expr> recorded(List<Query> queries) {
        Map<String, Expr> defs = new HashMap<>();
        Set<String> twice = new HashSet<>();
        for (Query q : queries) {
            if (q.stored() && q.rule() != null && defs.putIfAbsent(q.rule(), q.expr()) != null) {
                twice.add(q.rule());
            }
        }
        defs.keySet().removeAll(twice);
        return defs;
    }

    private interface Visit {
        void at(Expr e, Context ctx, Guards guards);
    }

    private record Step(Expr expr, Context ctx, Guards guards) {
    }

    /** Every node of the query with its context and the guards of the {@code and}s it sits left of. */
    private static void walk(Query q, Visit visit) {
        Deque<Step> todo = new ArrayDeque<>();
        todo.push(new Step(q.expr(), Context.root(q.stored()), null));
        while (!todo.isEmpty()) {
            Step step = todo.pop();
            Expr e = step.expr();
            visit.at(e, step.ctx(), step.guards());
            List<Expr> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                Expr c = children.get(i);
                if (c == null) {
                    continue;
                }
                Guards guards = step.guards();
                if (e instanceof Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.UNLESS) && c == b.lhs()) {
                    guards = new Guards(b.rhs(), b.op() == BinaryOp.UNLESS, b.matching(), guards);
                }
                todo.push(new Step(c, step.ctx().child(e, c, q.constants()), guards));
            }
        }
    }

    private Finding division(Binary b, Query q, Context ctx, Guards guards, Ratios ratios, Map<String, Expr> recorded,
            LabelInference li, DiagnosticSink sink) {
        Map<String, Constant> constants = q.constants();
        Expr den = b.rhs();
        Sign sign = Sign.of(den, constants);
        if (sign == Sign.ZERO) {
            sink.error(id(), den.span(), "This " + op(b) + " by zero gives " + (b.op() == BinaryOp.DIV ? "±Inf or NaN" : "NaN")
                    + " for every series.", "Divide by the quantity you meant, or remove the operation.");
            return null;
        }
        Expr inner = clamped(den, constants);
        boolean clamped = inner != null;
        inner = clamped ? inner : den;
        LabelSet labels = li.infer(inner).labels();
        boolean labelFree = !labels.open() && labels.names().isEmpty();
        if (!clamped && (sign.nonZero() || NeverZero.is(inner) || recordedNonZero(den, recorded, constants)
                || (guards != null && guards.covers(den, labelFree, constants)))) {
            return null;
        }
        boolean together = b.op() == BinaryOp.MOD || ratios.partOf(b.lhs(), inner);
        boolean traffic = ratios.traffic(inner);
        // A clamp of traffic to a real floor (`clamp_min(rate(x[50m]), 1)`: at least one a second) is a
        // baseline the author chose: the numerator over it is a finite ratio. A floor below EPSILON only
        // hides the division, and the numerator over it acts as +Inf.
        boolean floor = clamped && traffic && floor(den, constants) >= EPSILON;
        Set<Double> outcomes = clamped ? (together || floor ? Set.of(0.0) : Set.of(0.0, Double.POSITIVE_INFINITY))
                : (together ? Set.of(Double.NaN) : Set.of(Double.NaN, Double.POSITIVE_INFINITY));
        Verdict v = verdict(outcomes, ctx, clamped);
        if (v.harm() == Harm.NONE) {
            return null;
        }
        boolean occurs = traffic || (guards != null && guards.mentions(inner));
        return new Finding(b, q, v, outcomes, traffic, occurs, clamped, inner, labelFree, null, null);
    }

    /** The inside of {@code clamp_min(x, c)} or {@code clamp(x, c, ...)} with c > 0 when x may be 0. */
    private static Expr clamped(Expr den, Map<String, Constant> constants) {
        if (Expr.unparen(den) instanceof Call c && (c.function().equals("clamp_min") || c.function().equals("clamp"))
                && c.args().size() >= 2 && Sign.of(c.args().get(1), constants) == Sign.POSITIVE
                && !Sign.of(c.args().get(0), constants).nonZero()) {
            return c.args().get(0);
        }
        return null;
    }

    /** The floor {@code c} of a clamped denominator, or 0 when it is not a number. */
    private static double floor(Expr den, Map<String, Constant> constants) {
        Double c = Sign.number(((Call) Expr.unparen(den)).args().get(1), constants);
        return c == null ? 0 : c;
    }

    /** A denominator that names a recording rule whose definition is never 0 ({@code count(...)}). */
    private static boolean recordedNonZero(Expr den, Map<String, Expr> recorded, Map<String, Constant> constants) {
        return Expr.unparen(den) instanceof VectorSelector v && v.name().isPresent()
                && recorded.containsKey(v.name().get()) && Sign.of(recorded.get(v.name().get()), constants).nonZero();
    }

    /** What the outcomes of a zero denominator do in {@code ctx}, the worst first. */
    private static Verdict verdict(Set<Double> outcomes, Context ctx, boolean clamped) {
        for (double o : List.of(Double.NaN, Double.POSITIVE_INFINITY, 0.0)) {
            if (outcomes.contains(o) && ctx.passes(o)) {
                return new Verdict(Harm.FIRES, o, ctx);
            }
        }
        boolean nan = outcomes.contains(Double.NaN);
        if (nan && ctx.spreader() != null && ctx.kind() != Context.Kind.PRESENCE) {
            return new Verdict(Harm.SPREADS, Double.NaN, ctx);
        }
        if (!clamped && ctx.kind() == Context.Kind.STORED) {
            return new Verdict(Harm.STORED, nan ? Double.NaN : Double.POSITIVE_INFINITY, ctx);
        }
        return Verdict.NONE;
    }

    /** Raises a stored NaN to the harm it does in a rule that reads the recording rule storing it. */
    private static void readers(List<Query> queries, List<Finding> findings) {
        Map<String, Integer> stored = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.verdict().harm() == Harm.STORED && f.query().rule() != null) {
                stored.putIfAbsent(f.query().rule(), i);
            }
        }
        if (stored.isEmpty()) {
            return;
        }
        for (Query q : queries) {
            walk(q, (e, ctx, guards) -> {
                if (e instanceof VectorSelector v && v.name().isPresent() && stored.containsKey(v.name().get())
                        && !v.name().get().equals(q.rule())) {
                    int i = stored.get(v.name().get());
                    Finding f = findings.get(i);
                    Verdict read = verdict(f.outcomes(), ctx, false);
                    if (f.reader() == null && (read.harm() == Harm.FIRES || read.harm() == Harm.SPREADS)) {
                        findings.set(i, f.readBy(q.rule() == null ? "an SLI" : "`" + q.rule() + "`", read));
                    }
                }
            });
        }
    }

    private void report(Finding f, boolean vigil, DiagnosticSink sink) {
        Binary b = f.division();
        Expr den = b.rhs();
        String innerText = PromqlPrinter.print(Expr.unparen(f.denominator()));
        String subject = innerText.length() <= SHORT ? "the denominator `" + innerText + "`" : "this denominator";
        String when = (f.traffic() ? "When there is no traffic and " : "When ") + subject + " is 0";
        Verdict v = f.verdict();
        String message = switch (v.harm()) {
            case FIRES -> fires(f, when, v, b) + outcome(f.query());
            case SPREADS -> when + " for one series, this " + op(b) + " gives NaN, and `" + v.context().spreader()
                    + "` makes its whole group NaN" + (v.context().kind() == Context.Kind.STORED
                            ? ": the rule stores NaN for the group." : f.query().alert()
                                    ? ": the alert cannot fire for that group." : ": the group drops out.");
            default -> when + ", this recording rule stores " + stores(f) + read(f);
        };
        boolean wrong = v.harm() != Harm.STORED || f.read() != null;
        // A part over its whole (an error ratio) stored as NaN where there is no traffic is what every
        // SLO tool records: a gap, as a panel's own query would show, unless a rule reads it.
        boolean noTrafficGap = !wrong && !f.outcomes().contains(Double.POSITIVE_INFINITY);
        Severity severity = wrong && f.occurs() ? Severity.ERROR : noTrafficGap ? Severity.INFO : Severity.WARNING;
        String filter = Sign.of(f.denominator(), f.query().constants()) == Sign.POSITIVE || nonNegative(f.denominator())
                ? " > 0" : " != 0";
        String filtered = "(" + innerText + filter + ")";
        String hint = "Divide by `(" + abbreviate(innerText) + filter + ")`" + (f.clamped() ? " instead of clamping" : " instead")
                + ": series where it is 0 then have no result"
                + (f.labelFree() && vigil && f.query().alert() ? "; on an alert, `guard " + abbreviate(innerText)
                        + "` does the same." : ".");
        Fix fix = new Fix("Leave out the series where the denominator is 0", den.span(), filtered);
        sink.report(new Diagnostic(id(), severity, den.span(), message, hint, fix));
    }

    private static String fires(Finding f, String when, Verdict v, Binary b) {
        String passes = ", which passes " + v.context().comparison();
        if (f.clamped()) {
            Call clamp = (Call) Expr.unparen(b.rhs());
            String floor = "`" + PromqlPrinter.print(clamp.args().get(1)) + "`";
            return v.value() == 0 ? "`" + clamp.function() + "` turns a 0 denominator" + (f.traffic() ? " (no traffic)" : "")
                    + " into " + floor + ", so the ratio is 0" + passes
                    : "`" + clamp.function() + "` turns a 0 denominator into " + floor
                            + ", so the ratio is the numerator over " + floor + passes;
        }
        if (Double.isNaN(v.value())) {
            return when + ", this " + op(b) + " gives NaN" + passes;
        }
        return when + " while the numerator is not, this " + op(b) + " gives +Inf" + passes;
    }

    private static String outcome(Query q) {
        return q.alert() ? ", so the alert fires." : q.stored() ? ", so the rule stores it." : ".";
    }

    private static String stores(Finding f) {
        return f.outcomes().contains(Double.POSITIVE_INFINITY) ? "NaN (0/0) or +Inf" : "NaN (0/0)";
    }

    private static String read(Finding f) {
        if (f.read() == null) {
            return ".";
        }
        Verdict r = f.read();
        if (r.harm() == Harm.SPREADS) {
            return ", and " + f.reader() + " aggregates it with `" + r.context().spreader()
                    + "`, which makes its whole group NaN.";
        }
        return ", and " + f.reader() + " compares it with " + r.context().comparison().replace("the comparison with ", "")
                + ", which " + (Double.isNaN(r.value()) ? "NaN" : "+Inf") + " passes.";
    }

    private static String op(Binary b) {
        return b.op() == BinaryOp.DIV ? "division" : "modulo";
    }

    /** Whether {@code e} cannot be negative: rates, counts and sums or maxima of them. */
    private static boolean nonNegative(Expr e) {
        Expr u = Expr.unparen(e);
        if (u instanceof Call c) {
            return Set.of("rate", "irate", "increase", "count_over_time", "absent").contains(c.function());
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

    /**
     * The guards a division sits under. A guard joined with {@code on()} matches every series to one,
     * so it proves a denominator non-zero only when the denominator has no labels at all; one joined
     * {@code on(...)} or {@code ignoring(...)} some labels proves it when it compares the denominator
     * itself, per series of the labels it keeps.
     */
    private record Guards(Expr guard, boolean unless, VectorMatching matching, Guards next) {
        boolean covers(Expr denominator, boolean labelFree, Map<String, Constant> constants) {
            for (Guards g = this; g != null; g = g.next) {
                boolean perSeries = g.matching == null || g.matching.kind() == VectorMatching.Kind.NONE
                        || (!g.matching.labels().isEmpty() && g.compares(denominator));
                if ((perSeries || labelFree) && rulesOutZero(g.guard, g.unless, denominator, constants)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a guard compares the denominator: its author expects it to be 0 at times. */
        boolean mentions(Expr denominator) {
            for (Guards g = this; g != null; g = g.next) {
                if (g.compares(denominator)) {
                    return true;
                }
            }
            return false;
        }

        private boolean compares(Expr denominator) {
            Expr u = Expr.unparen(guard);
            return Exprs.same(u, denominator) || u instanceof Binary b && b.op().isComparison()
                    && (Exprs.same(b.lhs(), denominator) || Exprs.same(b.rhs(), denominator));
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
        boolean left = provenBy(denominator, b.lhs(), constants) && Sign.number(b.rhs(), constants) != null;
        boolean right = provenBy(denominator, b.rhs(), constants) && Sign.number(b.lhs(), constants) != null;
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

    /**
     * Whether {@code denominator} is non-zero wherever {@code guarded} is: the same query, or it times
     * or over something non-zero ({@code rate(x[1d]) / count(...)} when {@code rate(x[1d]) > 0}).
     */
    private static boolean provenBy(Expr denominator, Expr guarded, Map<String, Constant> constants) {
        if (Exprs.same(denominator, guarded)) {
            return true;
        }
        return Expr.unparen(denominator) instanceof Binary b && !b.returnBool()
                && (b.op() == BinaryOp.DIV || b.op() == BinaryOp.MUL) && Sign.of(b.rhs(), constants).nonZero()
                && provenBy(b.lhs(), guarded, constants);
    }
}
