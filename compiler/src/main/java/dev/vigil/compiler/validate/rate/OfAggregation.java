package dev.vigil.compiler.validate.rate;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.Subquery;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import java.util.List;
import java.util.Set;

/**
 * {@code rate(sum(x)[5m:])}: a counter function over a subquery of an aggregation. When one of the
 * summed counters restarts, the sum drops, and {@code rate} reads the drop as a reset of the whole
 * sum: the result jumps by the size of everything else. Take the rate first, then aggregate.
 */
public final class OfAggregation implements Validator {
    private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase", "resets");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (Queries.Use use : Queries.of(project)) {
            Expr.walk(use.expr(), e -> {
                if (!(e instanceof Call c) || !COUNTER_FUNCTIONS.contains(c.function()) || c.args().size() != 1) {
                    return;
                }
                if (!(Expr.unparen(c.args().get(0)) instanceof Subquery sq)
                        || !(Expr.unparen(sq.expr()) instanceof Aggregation agg)) {
                    return;
                }
                Diagnostic d = Diagnostic.warning(id(), c.span(),
                        "`" + c.function() + "` is taken over the result of `" + agg.op().keyword()
                                + "`, which breaks counter-reset handling.",
                        "A restart of one series lowers the aggregate and reads as a reset of all of them; apply `"
                                + c.function() + "` to the series first, then `" + agg.op().keyword() + "`.");
                if (agg.param() == null && agg.expr() instanceof VectorSelector sel && sq.step() == null) {
                    Call inner = new Call(c.function(), List.of(new MatrixSelector(sel, sq.range(), sel.span())), c.span());
                    Aggregation fixed = new Aggregation(agg.op(), null, inner, agg.grouping(), agg.span());
                    d = d.withFix(new Fix("Aggregate the rates", c.span(), PromqlPrinter.print(fixed)));
                }
                sink.report(d);
            });
        }
    }
}
