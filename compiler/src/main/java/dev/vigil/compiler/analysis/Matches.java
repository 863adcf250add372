package dev.vigil.compiler.analysis;

import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.ValueType;
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Vector matching between two instant vectors, judged on their inferred labels. Three kinds of
 * finding, each reported by its own check: sides that can never match ({@link Kind#NEVER}), a
 * matching clause naming a label a side cannot have ({@link Kind#MISSING}), and one-to-one matching
 * where one side has several series per match group ({@link Kind#MANY_TO_ONE}). Everything is
 * reported only when the label sets involved are known well enough to be sure.
 */
public final class Matches {
    public enum Kind { NEVER, MISSING, MANY_TO_ONE }

    public record Finding(Kind kind, Span span, String message, String hint) {
    }

    private Matches() {
    }

    /** Every finding in every query of the project, in query order ({@link ProjectAnalysis#matches} keeps them). */
    static void inProject(Project project, LabelInference li, Consumer<Finding> out) {
        for (Queries.Use use : Queries.of(project)) {
            Expr.walk(use.expr(), e -> {
                if (e instanceof Binary b) {
                    of(li, b).forEach(out);
                }
            });
        }
    }

    public static List<Finding> of(LabelInference li, Binary b) {
        List<Finding> out = new ArrayList<>();
        Inferred l = li.infer(b.lhs());
        Inferred r = li.infer(b.rhs());
        if (l.type() != ValueType.VECTOR || r.type() != ValueType.VECTOR || b.op() == BinaryOp.OR) {
            return out;
        }
        VectorMatching m = b.matching();
        LabelSet ls = l.labels();
        LabelSet rs = r.labels();
        String op = "`" + b.op().symbol() + "`";
        Span at = m != null && !m.span().isNone() ? m.span() : b.rhs().span();

        // Never: a matched label always on one side and impossible (or of another value) on the other.
        // absent() against a vector is Absent.NeverMatches', which says why absent() has so few labels.
        Set<String> names = new LinkedHashSet<>(ls.names());
        names.addAll(rs.names());
        if (isAbsent(b.lhs()) || isAbsent(b.rhs())) {
            names.clear();
        }
        for (String x : names) {
            if (!LabelInference.matches(m, x)) {
                continue;
            }
            String side = ls.definitely(x) && rs.cannotHave(x) ? "left" : rs.definitely(x) && ls.cannotHave(x) ? "right" : null;
            if (side != null) {
                String other = side.equals("left") ? "right" : "left";
                out.add(new Finding(Kind.NEVER, at, "The two sides of " + op + " never match: every " + side
                        + "-hand series has `" + x + "`, which no " + other + "-hand series can have.",
                        hint(b, side.equals("left") ? rs : ls, side.equals("left"))));
                return out;
            }
            LabelSet.Label a = ls.get(x);
            LabelSet.Label c = rs.get(x);
            if (a != null && c != null && a.definite() && c.definite() && a.value() != null && c.value() != null
                    && !a.value().equals(c.value())) {
                out.add(new Finding(Kind.NEVER, at, "The two sides of " + op + " never match: `" + x + "` is `"
                        + a.value() + "` on the left and `" + c.value() + "` on the right.",
                        "Leave `" + x + "` out of the matching with `ignoring (" + x + ")`, or match with `on (...)`; "
                                + "an operator that then matches the result with series that keep `" + x
                                + "` needs the same."));
                return out;
            }
        }

        // Missing: an on/group label that one side cannot have. One that neither side can have is
        // ClauseLabels' (Grouping.UnknownLabel).
        if (m != null) {
            for (String x : m.labels()) {
                boolean lNo = ls.cannotHave(x);
                boolean rNo = rs.cannotHave(x);
                if (m.kind() == VectorMatching.Kind.ON && lNo != rNo) {
                    LabelSet poor = lNo ? ls : rs;
                    String meant = Suggest.closest(x, poor.names());
                    out.add(new Finding(Kind.MISSING, at, "`on(...)` names `" + x + "`, which the "
                            + (lNo ? "left" : "right") + " side of " + op + " cannot have, so only series without `"
                            + x + "` on the other side can match.", meant != null
                            ? "Did you mean `" + meant + "`? That side has " + poor.describe() + "."
                            : "Keep `" + x + "` on both sides, or remove it from `on(...)`."));
                }
            }
            if (m.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE) {
                LabelSet one = m.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE ? rs : ls;
                String oneSide = m.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE ? "right" : "left";
                for (String x : m.include()) {
                    if (one.cannotHave(x)) {
                        out.add(new Finding(Kind.MISSING, at, "`" + (oneSide.equals("right") ? "group_left" : "group_right")
                                + "(...)` copies `" + x + "` from the " + oneSide + " side of " + op
                                + ", which cannot have it.", "Remove it, or keep it in the " + oneSide + " side's `by (...)`."));
                    }
                }
            }
        }

        // Many-to-one: one-to-one matching, extra labels on one side only.
        boolean oneToOne = m == null || m.cardinality() == VectorMatching.Cardinality.ONE_TO_ONE;
        if (oneToOne && !b.op().isSetOperator() && m != null && m.kind() != VectorMatching.Kind.NONE) {
            List<String> lExtra = extra(m, ls);
            List<String> rExtra = extra(m, rs);
            boolean lNone = !ls.open() && lExtra.isEmpty();
            boolean rNone = !rs.open() && rExtra.isEmpty();
            List<String> lDefinite = multiplying(li, m, ls, lExtra);
            List<String> rDefinite = multiplying(li, m, rs, rExtra);
            if (!lDefinite.isEmpty() && rNone) {
                out.add(new Finding(Kind.MANY_TO_ONE, at, "Several left-hand series (one per `" + lDefinite.get(0)
                        + "`) can match the same right-hand series, and one-to-one matching fails on that.",
                        "Write `group_left` after the matching clause to allow many-to-one matching."));
            } else if (!rDefinite.isEmpty() && lNone) {
                out.add(new Finding(Kind.MANY_TO_ONE, at, "Several right-hand series (one per `" + rDefinite.get(0)
                        + "`) can match the same left-hand series, and one-to-one matching fails on that.",
                        "Write `group_right` after the matching clause to allow one-to-many matching."));
            }
        }
        return out;
    }

    /**
     * The extra labels that make several series per match group: those every series has, except
     * {@code job} when {@code instance} takes part in matching, since a target (one instance) is
     * scraped by one job.
     */
    private static List<String> multiplying(LabelInference li, VectorMatching m, LabelSet side, List<String> extra) {
        boolean byInstance = li.targetLabels().contains("instance") && LabelInference.matches(m, "instance");
        return extra.stream().filter(side::definitely).filter(x -> !(byInstance && x.equals("job"))).toList();
    }

    private static boolean isAbsent(Expr e) {
        return Expr.unparen(e) instanceof Call c && (c.function().equals("absent") || c.function().equals("absent_over_time"));
    }

    /** The labels of {@code side} that do not take part in matching. */
    private static List<String> extra(VectorMatching m, LabelSet side) {
        List<String> out = new ArrayList<>();
        for (String x : side.names()) {
            if (!LabelInference.matches(m, x)) {
                out.add(x);
            }
        }
        return out;
    }

    /**
     * How to match {@code b} when {@code poorer} lacks labels the other side has. With no labels at
     * all, a set operator takes {@code on ()}; arithmetic and comparisons also need the richer side's
     * many series allowed with {@code group_left} or {@code group_right}.
     */
    private static String hint(Binary b, LabelSet poorer, boolean richerIsLeft) {
        VectorMatching m = b.matching();
        if (poorer.names().isEmpty() && !poorer.open()) {
            if (b.op().isSetOperator()) {
                return "The other side has no labels: match with `on ()`, as in `... " + b.op().symbol()
                        + " on () sum(rate(x[5m])) > 0`.";
            }
            return "The other side has no labels: match with `on () " + (richerIsLeft ? "group_left" : "group_right")
                    + "`, or aggregate the " + (richerIsLeft ? "left" : "right") + " side to the labels you mean.";
        }
        StringBuilder shared = new StringBuilder();
        for (String n : poorer.names()) {
            shared.append(shared.length() == 0 ? "" : ", ").append(n);
        }
        return "Match on the labels both sides keep with `on (" + shared + ")`"
                + (m != null && m.kind() == VectorMatching.Kind.ON ? " only" : "") + ", or aggregate the richer side.";
    }
}
