package dev.vigil.compiler.importer.slo;

import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.VectorSelector;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SLI queries of other tools in Vigil's terms. Vigil's SLIs take plain selectors and apply
 * {@code rate} and {@code sum by} themselves, so {@code sum by (route) (rate(x[{{.window}}]))} is the
 * selector {@code x} with {@code by [route]}; a query of any other shape becomes a {@code ratio} SLI.
 */
final class SloQueries {
    /** Sloth's window placeholder, in every spacing its templates accept. */
    private static final Pattern WINDOW = Pattern.compile("\\{\\{\\s*\\.window\\s*}}");
    /** The window a {@code ratio} SLI is recorded over; Vigil averages it over each alert window. */
    static final String RATIO_WINDOW = "5m";
    private static final Set<String> RATES = Set.of("rate", "increase", "irate");

    /** A selector, and the labels its query summed by (empty when it summed everything or nothing). */
    record Selection(VectorSelector selector, List<String> by, boolean aggregated) {
    }

    private SloQueries() {
    }

    static boolean hasWindow(String text) {
        return WINDOW.matcher(text).find();
    }

    /** The query with Sloth's {@code {{.window}}} as the ratio SLI's window. */
    static String windowed(String text) {
        return WINDOW.matcher(text).replaceAll(RATIO_WINDOW);
    }

    /** The selector under {@code sum [by (...)] (rate(SELECTOR[w]))}, {@code rate(SELECTOR[w])}, or a bare selector. */
    static Optional<Selection> selection(Expr e) {
        Expr x = unparen(e);
        List<String> by = List.of();
        boolean aggregated = false;
        if (x instanceof Aggregation a && a.op() == AggregateOp.SUM && a.param() == null
                && (a.grouping() == null || !a.grouping().without())) {
            by = a.grouping() == null ? List.of() : a.grouping().labels();
            aggregated = true;
            x = unparen(a.expr());
        }
        if (x instanceof Call c && RATES.contains(c.function()) && c.args().size() == 1
                && c.args().get(0) instanceof MatrixSelector m) {
            x = m.selector();
        } else if (aggregated) {
            return Optional.empty();
        }
        return x instanceof VectorSelector v ? Optional.of(new Selection(v, by, aggregated)) : Optional.empty();
    }

    private static Expr unparen(Expr e) {
        Expr x = e;
        while (x instanceof Paren p) {
            x = p.expr();
        }
        return x;
    }

    /** The value of an {@code le="..."} matcher, or empty. */
    static Optional<String> bucket(VectorSelector v) {
        return v.matchers().stream().filter(m -> m.name().equals("le") && m.op() == MatchOp.EQ)
                .map(LabelMatcher::value).findFirst();
    }

    /** The selector without its {@code le} matcher and with {@code name} as the metric. */
    static VectorSelector histogram(VectorSelector v, String name) {
        return new VectorSelector(name, v.matchers().stream().filter(m -> !m.name().equals("le")
                && !m.name().equals("__name__")).toList(), v.span());
    }

    /** The value of a {@code job="..."} matcher, or empty: a service's usual name. */
    static Optional<String> job(VectorSelector v) {
        return v.matchers().stream().filter(m -> m.name().equals("job") && m.op() == MatchOp.EQ)
                .map(LabelMatcher::value).findFirst();
    }
}
