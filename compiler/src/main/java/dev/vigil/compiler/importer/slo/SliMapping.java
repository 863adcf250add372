package dev.vigil.compiler.importer.slo;

import dev.vigil.compiler.promql.Expr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Two event queries (errors or good, and total) as a Vigil SLI: {@code events} where it can, else {@code ratio}. */
final class SliMapping {
    /** The SLI and the labels it is aggregated by. */
    record Mapped(SloText.Sli sli, List<String> by) {
    }

    private SliMapping() {
    }

    /**
     * {@code part} is {@code errors} or {@code good}. Queries may hold Sloth's {@code {{.window}}}. Empty
     * when a query is not valid PromQL (reported).
     */
    static Optional<Mapped> events(InputNodes in, Node owner, String part, Node partNode, Node totalNode, String what) {
        if (InputNodes.text(partNode).isEmpty() || InputNodes.text(totalNode).isEmpty()) {
            in.error(dev.vigil.compiler.diag.Ids.PROPERTY_MISSING, owner, "The " + what + " needs "
                    + (InputNodes.text(partNode).isEmpty() ? "its " + part : "its total") + " query.", null);
            return Optional.empty();
        }
        String partText = InputNodes.text(partNode).orElse("");
        String totalText = InputNodes.text(totalNode).orElse("");
        Optional<Expr> p = in.promql(partNode, SloQueries.windowed(partText), what + " " + part + " query");
        Optional<Expr> t = in.promql(totalNode, SloQueries.windowed(totalText), what + " total query");
        if (p.isEmpty() || t.isEmpty()) {
            return Optional.empty();
        }
        Optional<SloQueries.Selection> ps = SloQueries.selection(p.get());
        Optional<SloQueries.Selection> ts = SloQueries.selection(t.get());
        if (ps.isPresent() && ts.isPresent() && ps.get().by().equals(ts.get().by())) {
            Map<String, Expr> queries = new LinkedHashMap<>();
            queries.put(part, ps.get().selector());
            queries.put("total", ts.get().selector());
            return Optional.of(new Mapped(new SloText.Sli("events", queries, null), ps.get().by()));
        }
        String ratio = part.equals("errors") ? "(" + SloQueries.windowed(partText) + ")\n/\n(" + SloQueries.windowed(totalText) + ")"
                : "1 - (" + SloQueries.windowed(partText) + ")\n/\n(" + SloQueries.windowed(totalText) + ")";
        Optional<Expr> r = in.promql(partNode, ratio, what + " ratio");
        if (r.isEmpty()) {
            return Optional.empty();
        }
        in.unmapped(partNode, "The queries of the " + what + " are not `sum(rate(selector[window]))` alike, so they are "
                + "written as a `ratio` SLI" + (SloQueries.hasWindow(partText + totalText) ? " with `{{.window}}` as `"
                + SloQueries.RATIO_WINDOW + "`" : "") + ".", "Vigil averages the ratio over each alert window; write "
                + "an `events` SLI by hand to have Vigil rate the counters over every window itself.");
        return Optional.of(new Mapped(new SloText.Sli("ratio", Map.of("ratio", r.get()), null), List.of()));
    }

    /** A raw error-ratio query as a {@code ratio} SLI. */
    static Optional<Mapped> ratio(InputNodes in, Node owner, Node query, String what) {
        if (InputNodes.text(query).isEmpty()) {
            in.error(dev.vigil.compiler.diag.Ids.PROPERTY_MISSING, owner, "The " + what + " has no query.", null);
            return Optional.empty();
        }
        String text = InputNodes.text(query).orElse("");
        Optional<Expr> r = in.promql(query, SloQueries.windowed(text), what);
        if (r.isPresent() && SloQueries.hasWindow(text)) {
            in.unmapped(query, "`{{.window}}` in the " + what + " is written as `" + SloQueries.RATIO_WINDOW + "`.",
                    "Vigil records the ratio over " + SloQueries.RATIO_WINDOW + " and averages it over each alert window.");
        }
        return r.map(e -> new Mapped(new SloText.Sli("ratio", Map.of("ratio", e), null), List.of()));
    }
}
