package dev.vigil.compiler.validate.duplicate;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.AtExpr;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.RangeModifierExpr;
import dev.vigil.compiler.promql.StringLiteral;
import dev.vigil.compiler.promql.Subquery;
import dev.vigil.compiler.promql.Unary;
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.regex.LabelValues;
import dev.vigil.compiler.regex.Re2;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When two rules are the same, and when two alerts can emit the same identity (alert name plus
 * labels). Shared by the {@code Duplicate} checks and by {@code Name.Duplicate}, which leaves these
 * cases to them.
 */
public final class RuleIdentity {
    /** Functions whose result keeps the labels of their first vector argument. */
    private static final Set<String> KEEPS_LABELS = Set.of("abs", "ceil", "floor", "round", "clamp", "clamp_min",
            "clamp_max", "exp", "ln", "log2", "log10", "sqrt", "sgn", "sort", "sort_desc", "rate", "irate", "increase",
            "delta", "idelta", "deriv", "predict_linear", "resets", "changes", "avg_over_time", "min_over_time",
            "max_over_time", "sum_over_time", "count_over_time", "last_over_time", "quantile_over_time",
            "stddev_over_time", "stdvar_over_time", "present_over_time", "histogram_quantile", "absent", "absent_over_time");
    private static final int MAX_DEPTH = 64;

    private RuleIdentity() {
    }

    /** The expression as Vigil prints it, so that spacing and parentheses do not matter. */
    public static String canonical(Expr e) {
        if (e == null) {
            return "";
        }
        try {
            return PromqlPrinter.print(e);
        } catch (RuntimeException ex) {
            return "<unprintable>" + System.identityHashCode(e);
        }
    }

    /** Same kind, name, printed expression and labels; for alerts also severity and timings. */
    public static boolean identical(Rule a, Rule b) {
        if (a == null || b == null || a.getClass() != b.getClass() || !Objects.equals(a.name(), b.name())
                || !canonical(a.expr()).equals(canonical(b.expr()))) {
            return false;
        }
        if (a instanceof Rule.Recording ra && b instanceof Rule.Recording rb) {
            return ra.labels().equals(rb.labels());
        }
        Rule.Alert x = (Rule.Alert) a;
        Rule.Alert y = (Rule.Alert) b;
        return x.labels().equals(y.labels()) && severity(x).equals(severity(y)) && x.forMillis() == y.forMillis()
                && x.keepFiringForMillis() == y.keepFiringForMillis();
    }

    /** A key that is equal for two rules exactly when {@link #identical} holds for them. */
    public static List<Object> identityKey(Rule r) {
        if (r instanceof Rule.Recording rec) {
            return List.of("record", String.valueOf(rec.name()), canonical(rec.expr()), rec.labels());
        }
        Rule.Alert a = (Rule.Alert) r;
        return List.of("alert", String.valueOf(a.name()), canonical(a.expr()), a.labels(), severity(a), a.forMillis(),
                a.keepFiringForMillis());
    }

    /**
     * The labels every series of {@code r}'s result has one known value for: static labels, equality
     * matchers that survive to the result, values the inference knows. Two rules of one name that pin a
     * label to different values can never write the same series, whatever else they do.
     */
    public static Map<String, String> pinned(Rule.Recording r, LabelInference li) {
        Identity id = identity(r.expr(), r.labels(), "");
        LabelSet labels = li.infer(r.expr()).labels();
        Set<String> names = new TreeSet<>(id.values().keySet());
        names.addAll(id.fixed().keySet());
        names.addAll(labels.names());
        Map<String, String> out = new java.util.TreeMap<>();
        for (String n : names) {
            id.constraint(n, labels).terms().stream().filter(t -> t.op() == LabelValues.Op.EQ).findFirst()
                    .ifPresent(t -> out.put(n, t.value()));
        }
        return out;
    }

    /** How far two rules of one name can write the same identity. */
    public enum Overlap {
        /** Some label's values are disjoint: they never collide. */
        NONE,
        /** Nothing known tells them apart, but their known labels differ: they collide only if unknown labels happen to agree. */
        POSSIBLE,
        /** Their results have the same known labels and nothing tells them apart: they collide whenever the values agree. */
        LIKELY
    }

    /**
     * Whether two same-named alerts can fire with the same labels, with what {@code li} knows of their
     * labels: the reasoning of {@code Duplicate.AlertIdentity}, which reports them exactly when this
     * holds. They cannot when some label can take no value on both: a static label or the severity
     * with different values, matchers with disjoint values (regexes decided on automata) on a label
     * that survives to the result, or a label one always carries and the other never does.
     */
    public static boolean canCoincide(Rule.Alert a, Rule.Alert b, LabelInference li) {
        return overlap(a, b, li) != Overlap.NONE;
    }

    /** How far two same-named alerts can fire with the same labels, with what {@code li} knows of their labels. */
    public static Overlap overlap(Rule.Alert a, Rule.Alert b, LabelInference li) {
        return overlap(identity(a.expr(), a.labels(), severity(a)), li.infer(a.expr()).labels(),
                identity(b.expr(), b.labels(), severity(b)), li.infer(b.expr()).labels());
    }

    /** How far two recording rules of one name can write the same series. */
    public static Overlap overlap(Rule.Recording a, Rule.Recording b, LabelInference li) {
        return overlap(identity(a.expr(), a.labels(), ""), li.infer(a.expr()).labels(),
                identity(b.expr(), b.labels(), ""), li.infer(b.expr()).labels());
    }

    private static Overlap overlap(Identity x, LabelSet lx, Identity y, LabelSet ly) {
        Set<String> names = new TreeSet<>(x.values().keySet());
        names.addAll(y.values().keySet());
        names.addAll(x.fixed().keySet());
        names.addAll(y.fixed().keySet());
        names.addAll(lx.names());
        names.addAll(ly.names());
        for (String n : names) {
            if (x.constraint(n, lx).disjoint(y.constraint(n, ly), Re2.PROMETHEUS)) {
                return Overlap.NONE;
            }
        }
        boolean sameShape = lx.open() == ly.open() && lx.names().equals(ly.names());
        return sameShape ? Overlap.LIKELY : Overlap.POSSIBLE;
    }

    /**
     * What an identity's labels are known to be: values from matchers and static labels, and the
     * labels whose value a template sets (nothing is known of those, not even that they are there).
     */
    private record Identity(Map<String, LabelValues> values, Set<String> templated, Map<String, String> fixed) {
        /** The values label {@code n} can take: its matchers, and whether the query's result always or never has it. */
        LabelValues constraint(String n, LabelSet labels) {
            if (templated.contains(n)) {
                return LabelValues.ANY;
            }
            if (fixed.containsKey(n)) {
                return LabelValues.of(LabelValues.Op.EQ, fixed.get(n));
            }
            LabelValues v = values.getOrDefault(n, LabelValues.ANY);
            LabelSet.Label known = labels.get(n);
            if (known != null && known.value() != null) {
                v = v.and(LabelValues.of(LabelValues.Op.EQ, known.value()));
            }
            if (labels.definitely(n)) {
                v = v.and(LabelValues.present());
            } else if (labels.cannotHave(n)) {
                v = v.and(LabelValues.absent());
            }
            return v;
        }
    }

    private static String severity(Rule.Alert a) {
        return a.severity() == null || a.severity().name() == null ? "" : a.severity().name();
    }

    private static Identity identity(Expr expr, Map<String, String> labels, String severity) {
        Map<String, LabelValues> values = pins(expr, 0);
        Set<String> templated = new TreeSet<>();
        Map<String, String> fixed = new HashMap<>();
        labels.forEach((k, v) -> {
            if (v != null && !v.contains("{{")) {
                fixed.put(k, v);
            } else {
                templated.add(k);
            }
        });
        if (!severity.isEmpty()) {
            fixed.put("severity", severity);
        }
        values.keySet().removeAll(fixed.keySet());
        values.keySet().removeAll(templated);
        return new Identity(values, templated, fixed);
    }

    /** What the matchers say of the labels of every series of {@code e}'s result, per label that survives to it. */
    static Map<String, LabelValues> pins(Expr e, int depth) {
        Map<String, LabelValues> out = new HashMap<>();
        if (e == null || depth > MAX_DEPTH) {
            return out;
        }
        if (e instanceof VectorSelector v) {
            for (LabelMatcher m : v.matchers()) {
                if (m.constRef() == null && m.value() != null && !m.name().equals("__name__")) {
                    out.merge(m.name(), LabelValues.of(op(m.op()), m.value()), LabelValues::and);
                }
            }
            return out;
        }
        if (e instanceof MatrixSelector m) {
            return pins(m.selector(), depth + 1);
        }
        if (e instanceof Paren || e instanceof OffsetExpr || e instanceof AtExpr || e instanceof RangeModifierExpr
                || e instanceof Subquery || e instanceof Unary) {
            return pins(e.children().get(0), depth + 1);
        }
        if (e instanceof Aggregation agg) {
            Map<String, LabelValues> inner = pins(agg.expr(), depth + 1);
            boolean selects = agg.op() == AggregateOp.TOPK || agg.op() == AggregateOp.BOTTOMK
                    || agg.op() == AggregateOp.LIMITK || agg.op() == AggregateOp.LIMIT_RATIO;
            if (selects) {
                return inner;
            }
            if (agg.grouping() == null || agg.op() == AggregateOp.COUNT_VALUES) {
                return out;
            }
            if (agg.grouping().without()) {
                agg.grouping().labels().forEach(inner::remove);
                return inner;
            }
            inner.keySet().retainAll(agg.grouping().labels());
            return inner;
        }
        if (e instanceof Binary b) {
            if (b.op() == BinaryOp.OR) {
                Map<String, LabelValues> l = pins(b.lhs(), depth + 1);
                Map<String, LabelValues> r = pins(b.rhs(), depth + 1);
                l.entrySet().removeIf(x -> !x.getValue().equals(r.get(x.getKey())));
                return l;
            }
            if (scalar(b.lhs())) {
                return pins(b.rhs(), depth + 1);
            }
            if (scalar(b.rhs()) || b.op().isSetOperator()) {
                return pins(b.lhs(), depth + 1);
            }
            VectorMatching vm = b.matching();
            if (vm != null && vm.cardinality() == VectorMatching.Cardinality.ONE_TO_MANY) {
                return pins(b.rhs(), depth + 1);
            }
            Map<String, LabelValues> l = pins(b.lhs(), depth + 1);
            if (vm != null && vm.cardinality() == VectorMatching.Cardinality.ONE_TO_ONE) {
                if (vm.kind() == VectorMatching.Kind.ON) {
                    l.keySet().retainAll(vm.labels());
                } else if (vm.kind() == VectorMatching.Kind.IGNORING) {
                    vm.labels().forEach(l::remove);
                }
            }
            return l;
        }
        if (e instanceof Call c && !c.args().isEmpty()) {
            if (c.function().equals("label_replace") || c.function().equals("label_join")) {
                Map<String, LabelValues> inner = pins(c.args().get(0), depth + 1);
                if (c.args().size() > 1 && c.args().get(1) instanceof StringLiteral dst) {
                    inner.remove(dst.value());
                    return inner;
                }
                return out;
            }
            if (KEEPS_LABELS.contains(c.function())) {
                for (Expr arg : c.args()) {
                    if (!scalar(arg) && !(arg instanceof StringLiteral)) {
                        Map<String, LabelValues> inner = pins(arg, depth + 1);
                        if (c.function().equals("histogram_quantile")) {
                            inner.remove("le");
                        }
                        return inner;
                    }
                }
            }
        }
        return out;
    }

    private static LabelValues.Op op(MatchOp op) {
        return switch (op) {
            case EQ -> LabelValues.Op.EQ;
            case NEQ -> LabelValues.Op.NEQ;
            case RE -> LabelValues.Op.RE;
            case NRE -> LabelValues.Op.NRE;
        };
    }

    private static boolean scalar(Expr e) {
        Expr x = e;
        while (x instanceof Paren || x instanceof Unary) {
            x = x.children().get(0);
        }
        return x instanceof NumberLiteral || x instanceof ConstRef
                || (x instanceof Call c && (c.function().equals("scalar") || c.function().equals("time")));
    }
}
