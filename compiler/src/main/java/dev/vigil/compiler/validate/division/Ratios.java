package dev.vigil.compiler.validate.division;

import dev.vigil.compiler.analysis.Exprs;
import dev.vigil.compiler.analysis.Sign;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.VectorSelector;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a ratio's numerator and denominator say about each other: whether the numerator counts a part
 * of what the denominator counts, so that a zero denominator means a zero numerator (0/0 is NaN,
 * never +Inf), and whether the denominator is traffic, which is 0 whenever a service is idle.
 */
final class Ratios {
    private static final Set<String> TRAFFIC = Set.of("rate", "irate", "increase", "delta", "idelta");
    private static final Set<String> COUNTING = Set.of("rate", "irate", "increase");
    private static final Set<AggregateOp> ADDITIVE = Set.of(AggregateOp.SUM, AggregateOp.MAX, AggregateOp.COUNT);
    /** Name words of a counter of failed operations, counted besides (or within) the operations. */
    private static final Set<String> FAILURE = Set.of("fail", "failed", "failure", "failures", "error", "errors",
            "err", "errs", "rejected", "dropped", "drops", "timeout", "timeouts", "refused", "denied", "aborted");
    /** Labels every scraped series carries: a matcher on them picks targets, not a part of the operations. */
    private static final Set<String> TARGET = Set.of("__name__", "job", "instance");
    private static final int MAX_DEPTH = 20;

    /** Recording rules by name: their one definition, so a ratio of recorded rates can be read through. */
    private final Map<String, Expr> recorded;

    Ratios(Map<String, Expr> recorded) {
        this.recorded = recorded;
    }

    /**
     * Whether {@code num} is 0 whenever {@code den} is: the same query over a subset of its series
     * ({@code errors{code=~"5.."} / errors}), a term of a sum ({@code failed / (failed + succeeded)}),
     * a histogram's bucket or sum over its count, or a failure counter over the counter of the same
     * operations ({@code x_failures_total / x_total}, {@code grpc_server_handled_total{grpc_code!="OK"}
     * / grpc_server_started_total}). For the last, a failure while nothing else is counted gives +Inf,
     * and an error ratio that fires then is right.
     */
    boolean partOf(Expr num, Expr den) {
        return partOf(num, den, 0);
    }

    private boolean partOf(Expr num, Expr den, int depth) {
        Expr n = read(scaled(num));
        Expr d = read(den);
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (Exprs.same(n, d) || Exprs.narrower(n, d)) {
            return true;
        }
        if (d instanceof Binary b && !b.returnBool() && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.OR)) {
            // Counts are not negative: each term of a sum is 0 when the sum is.
            return b.op() == BinaryOp.ADD ? partOf(n, b.lhs(), depth + 1) || partOf(n, b.rhs(), depth + 1)
                    : partOf(n, b.lhs(), depth + 1) && partOf(n, b.rhs(), depth + 1);
        }
        if (n instanceof Binary b && !b.returnBool() && b.op() == BinaryOp.OR) {
            return partOf(b.lhs(), d, depth + 1) && partOf(b.rhs(), d, depth + 1);
        }
        if (n instanceof Aggregation na && d instanceof Aggregation da) {
            return na.op() == da.op() && ADDITIVE.contains(na.op()) && na.param() == null
                    && Objects.equals(na.grouping(), da.grouping()) && partOf(na.expr(), da.expr(), depth + 1);
        }
        if (n instanceof Call nc && d instanceof Call dc) {
            return nc.function().equals(dc.function()) && COUNTING.contains(nc.function()) && nc.args().size() == 1
                    && dc.args().size() == 1 && partOf(nc.args().get(0), dc.args().get(0), depth + 1);
        }
        if (n instanceof MatrixSelector nm && d instanceof MatrixSelector dm) {
            return nm.range().equals(dm.range()) && siblings(nm.selector(), dm.selector());
        }
        return siblings(n, d);
    }

    /** {@code 100 * x} or {@code x / 100}: a ratio in percent is 0 exactly when {@code x} is. */
    private static Expr scaled(Expr e) {
        Expr u = Expr.unparen(e);
        if (u instanceof Binary b && b.matching() == null && (b.op() == BinaryOp.MUL || b.op() == BinaryOp.DIV)) {
            Double right = Sign.number(b.rhs(), Map.of());
            if (right != null && right != 0) {
                return scaled(b.lhs());
            }
            Double left = Sign.number(b.lhs(), Map.of());
            if (b.op() == BinaryOp.MUL && left != null && left != 0) {
                return scaled(b.rhs());
            }
        }
        return u;
    }

    /** A recorded rule's definition in place of its name, so ratios of recorded rates compare. */
    private Expr read(Expr e) {
        Expr u = Expr.unparen(e);
        if (u instanceof VectorSelector v && v.name().isPresent() && recorded.containsKey(v.name().get())) {
            return Expr.unparen(recorded.get(v.name().get()));
        }
        return u;
    }

    /**
     * Two counters of one operation: a histogram's parts, a failure counter over its total, or the
     * failures of a metric over another part of it ({@code type="rejected"} over {@code type="completed"}).
     */
    private static boolean siblings(Expr num, Expr den) {
        if (!(Expr.unparen(num) instanceof VectorSelector n) || !(Expr.unparen(den) instanceof VectorSelector d)
                || n.name().isEmpty() || d.name().isEmpty()) {
            return false;
        }
        String nn = n.name().get();
        String dn = d.name().get();
        if (nn.equals(dn)) {
            return n.matchers().stream().anyMatch(m -> m.op() == MatchOp.EQ || m.op() == MatchOp.RE
                    ? !TARGET.contains(m.name()) && !d.matchers().contains(m) && failure(m.value()) : false);
        }
        if (!matchersCover(n, d)) {
            return false;
        }
        if (dn.endsWith("_count") && (nn.endsWith("_bucket") || nn.endsWith("_sum"))) {
            return base(nn).equals(dn.substring(0, dn.length() - "_count".length()));
        }
        List<String> nw = words(nn);
        List<String> dw = words(dn);
        int common = 0;
        while (common < nw.size() && common < dw.size() && nw.get(common).equals(dw.get(common))) {
            common++;
        }
        if (common < 2) {
            return false;
        }
        boolean failureName = nw.stream().skip(common).anyMatch(FAILURE::contains);
        // A counter of the same family that selects a part of its series (a grpc_code, a result).
        boolean selectsPart = common < nw.size() && common < dw.size() && n.matchers().stream().anyMatch(m ->
                !TARGET.contains(m.name()) && d.matchers().stream().noneMatch(o -> o.name().equals(m.name())));
        return failureName || selectsPart;
    }

    private static boolean failure(String value) {
        return value.startsWith("5") || Arrays.stream(value.toLowerCase(Locale.ROOT).split("[^a-z]+"))
                .anyMatch(FAILURE::contains);
    }

    /** Every matcher of the denominator is the numerator's too: the same jobs, the same handlers. */
    private static boolean matchersCover(VectorSelector n, VectorSelector d) {
        for (LabelMatcher m : d.matchers()) {
            if (!m.name().equals("__name__") && !n.matchers().contains(m)) {
                return false;
            }
        }
        return true;
    }

    private static String base(String name) {
        return name.substring(0, name.lastIndexOf('_'));
    }

    private static List<String> words(String name) {
        String n = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        return Arrays.asList(n.split("[_:]"));
    }

    /** Whether {@code e} reads a rate or an increase, directly or through a recording rule: 0 when idle. */
    boolean traffic(Expr e) {
        return traffic(e, 0);
    }

    private boolean traffic(Expr e, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        boolean[] found = {false};
        Expr.walk(e, x -> {
            if (x instanceof Call c && TRAFFIC.contains(c.function())) {
                found[0] = true;
            } else if (!found[0] && x instanceof VectorSelector v && v.name().isPresent()
                    && recorded.containsKey(v.name().get())) {
                found[0] = traffic(recorded.get(v.name().get()), depth + 1);
            }
        });
        return found[0];
    }
}
