package dev.vigil.compiler.validate.histogram;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.Grouping;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code histogram_quantile} over classic bucket series whose {@code le} label an aggregation on
 * the way dropped. Without {@code le} the buckets cannot be told apart and Prometheus returns
 * nothing. Native histograms carry no {@code le} and are not reported: only inputs that can carry
 * {@code le} before the aggregation count.
 */
public final class QuantileWithoutLe implements Validator {
    private static final Set<AggregateOp> SELECTING = Set.of(AggregateOp.TOPK, AggregateOp.BOTTOMK,
            AggregateOp.LIMITK, AggregateOp.LIMIT_RATIO);

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        LabelInference li = analysis.labels();
        for (Queries.Use use : Queries.of(project)) {
            Expr.walk(use.expr(), e -> {
                if (e instanceof Call c && c.function().equals("histogram_quantile") && c.args().size() == 2) {
                    check(li, c, sink);
                }
            });
        }
    }

    private void check(LabelInference li, Call quantile, DiagnosticSink sink) {
        Expr input = quantile.args().get(1);
        if (!li.infer(input).labels().cannotHave("le")) {
            return;
        }
        List<Aggregation> culprits = culprits(li, input);
        for (Aggregation a : culprits) {
            sink.report(new Diagnostic(id(), Severity.ERROR, at(a), "This `" + a.op().keyword() + "` drops the `le` "
                    + "label that `histogram_quantile` needs, so the quantile is always empty.",
                    "Keep the bucket boundary: " + keep(a) + ".", fix(a)));
        }
        if (!culprits.isEmpty()) {
            return;
        }
        // The buckets may have lost `le` in a recording rule the quantile reads.
        Expr.walk(input, e -> {
            if (!(e instanceof VectorSelector v) || v.name().isEmpty() || !li.infer(v).labels().cannotHave("le")) {
                return;
            }
            for (Rule.Recording rec : li.recordingRules(v.name().get())) {
                for (Aggregation a : rec.expr() == null ? List.<Aggregation>of() : culprits(li, rec.expr())) {
                    sink.report(new Diagnostic(id(), Severity.ERROR, v.span(), "`" + v.name().get() + "` has no `le` "
                            + "label, since its recording rule's `" + a.op().keyword() + "` drops it, so this quantile "
                            + "is always empty.", "Keep the bucket boundary in the rule at " + at(a) + ": " + keep(a)
                                    + ".", fix(a)));
                }
            }
        });
    }

    /** The aggregations in {@code e} that take {@code le} away from bucket series. */
    private static List<Aggregation> culprits(LabelInference li, Expr e) {
        List<Aggregation> out = new ArrayList<>();
        Expr.walk(e, n -> {
            if (n instanceof Aggregation a && !SELECTING.contains(a.op())
                    && li.infer(a.expr()).labels().canHave("le") && li.infer(a).labels().cannotHave("le")
                    && bucketsBelow(li, a.expr())) {
                out.add(a);
            }
        });
        return out;
    }

    private static Span at(Aggregation a) {
        Grouping g = a.grouping();
        return g != null && !g.span().isNone() ? g.span() : a.span();
    }

    private static String keep(Aggregation a) {
        return a.grouping() != null && a.grouping().without() ? "remove `le` from `without (...)`"
                : "add `le` to `by (...)`";
    }

    private static Fix fix(Aggregation a) {
        Grouping g = a.grouping();
        Grouping fixed;
        if (g == null || !g.without()) {
            List<String> by = new ArrayList<>(g == null ? List.of() : g.labels());
            by.add("le");
            fixed = new Grouping(false, by, Span.NONE);
        } else {
            fixed = new Grouping(true, g.labels().stream().filter(l -> !l.equals("le")).toList(), Span.NONE);
        }
        return new Fix("Keep `le` in the aggregation", a.span(),
                PromqlPrinter.print(new Aggregation(a.op(), a.param(), a.expr(), fixed, Span.NONE)));
    }

    /** Whether bucket series feed this expression: a selector with an `le` label or named `*_bucket`. */
    private static boolean bucketsBelow(LabelInference li, Expr e) {
        boolean[] found = {false};
        Expr.walk(e, n -> {
            if (n instanceof VectorSelector v && (li.infer(v).labels().get("le") != null
                    || v.name().map(name -> name.endsWith("_bucket")).orElse(false))) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
