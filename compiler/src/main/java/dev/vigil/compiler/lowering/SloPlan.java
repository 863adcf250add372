package dev.vigil.compiler.lowering;

import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.ConstantUse;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.model.NumericMatchers;
import dev.vigil.compiler.target.FloatLabels;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Structural;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the objects generated from one SLO share: the windows its alerts need, the names and
 * selectors of its recorded series, its alert tiers. Rules, tests, dashboards and runbook data are
 * all lowered from it, so they cannot disagree. Queries are built as PromQL text with the
 * constants substituted, then parsed ({@link Generated}).
 */
record SloPlan(Service service, Slo slo, Map<String, Constant> constants, TargetVersions targets, List<Long> windows,
        long shortest, List<Tier> tiers, Map<Expr, Expr> sources) {

    /** An enabled alert tier and its rows of the window table, with factors for this SLO's window. */
    public record Tier(AlertWindows.Tier tier, String alert, String severity, long forMillis, List<Pair> pairs) {
    }

    public record Pair(long longMillis, long shortMillis, BigDecimal factor, BigDecimal budgetSpentPercent) {
        /** How long the whole budget lasts at this factor: the SLO window divided by it. */
        public long exhaustionMillis(long sloWindow) {
            return BigDecimal.valueOf(sloWindow).divide(factor, 0, RoundingMode.HALF_EVEN).longValue();
        }

        /** The pair in words, as alert annotations and runbooks show it: {@code 14.4x over 1h and 5m}. */
        public String condition() {
            return QueryText.number(factor) + "x over " + window(longMillis) + " and " + window(shortMillis);
        }
    }

    static List<SloPlan> of(Project project, Service service) {
        Map<String, Constant> constants = QueryText.scope(project, service);
        List<SloPlan> out = new ArrayList<>();
        for (Slo slo : service.slos()) {
            // An SLI naming an unknown constant is a blocking Reference.Unknown: its queries cannot be written.
            if (resolved(slo, constants)) {
                out.add(of(service, slo, constants, project.settings().targets()));
            }
        }
        return out;
    }

    private static boolean resolved(Slo slo, Map<String, Constant> constants) {
        return slo.sli() == null || slo.sli().queries().values().stream().filter(java.util.Objects::nonNull)
                .flatMap(q -> ConstantUse.in(q).stream())
                .allMatch(u -> u.name().startsWith("__") || constants.containsKey(u.name()));
    }

    static SloPlan of(Service service, Slo slo, Map<String, Constant> constants, TargetVersions targets) {
        TreeSet<Long> windows = new TreeSet<>();
        List<Tier> tiers = new ArrayList<>();
        for (AlertWindows.Tier t : AlertWindows.Tier.values()) {
            Slo.TierPolicy policy = slo.alerting().tier(t);
            List<Pair> pairs = new ArrayList<>();
            for (AlertWindows.Row row : slo.alerting().windows().rows()) {
                if (row.tier() == t) {
                    pairs.add(new Pair(row.longMillis(), row.shortMillis(), row.factor(slo.windowMillis()),
                            row.budgetSpentPercent(slo.windowMillis())));
                    windows.add(row.longMillis());
                    windows.add(row.shortMillis());
                }
            }
            if (policy != null && !pairs.isEmpty()) {
                tiers.add(new Tier(t, alertName(service, slo, t), policy.severity(), policy.forMillis(), pairs));
            }
        }
        // The dashboard and the current burn rate read the shortest window even with every tier off.
        long shortest = windows.isEmpty() ? 5 * 60_000 : windows.first();
        windows.add(shortest);
        SloPlan plan = new SloPlan(service, slo, constants, targets, List.copyOf(windows), shortest, tiers, Map.of());
        return new SloPlan(service, slo, constants, targets, plan.windows(), shortest, tiers, sources(plan));
    }

    /**
     * The SLI's selectors as the generated queries contain them (constants substituted), each placed at
     * the selector the user wrote: a finding about a selector then points at it, and is reported once.
     */
    private static Map<Expr, Expr> sources(SloPlan plan) {
        Map<Expr, Expr> out = new HashMap<>();
        Slo.Sli sli = plan.slo().sli();
        if (sli == null) {
            return out;
        }
        sli.queries().forEach((key, q) -> {
            Expr written = Generated.query(QueryText.of(q, plan.constants()), q.span());
            out.put(written, written);
        });
        if (sli.queries().get("histogram") instanceof VectorSelector v && v.name().isPresent()
                && sli.threshold() != null) {
            for (VectorSelector derived : List.of(plan.histogramSelector("_bucket", true),
                    plan.histogramSelector("_count", false))) {
                Expr written = Generated.query(QueryText.of(derived, plan.constants()), v.span());
                out.put(written, written);
            }
        }
        return out;
    }

    /** Generated PromQL of this SLO: at the SLO's declaration, but the user's selectors where they were written. */
    Expr query(String text) {
        return Structural.transform(Generated.query(text, slo.span()), v -> v instanceof Expr e ? sources.get(e) : null);
    }

    static String alertName(Service service, Slo slo, AlertWindows.Tier tier) {
        return slo.alertName(service.name(), tier);
    }

    // ------------------------------------------------------------ names

    public static String window(long millis) {
        return AlertWindows.format(millis);
    }

    public static String errorRatio(long window) {
        return "slo:sli_error:ratio_rate" + window(window);
    }

    public static String requests(long window) {
        return "slo:sli_requests:rate" + window(window);
    }

    public static final String RAW_RATIO = "slo:sli_error:ratio";
    public static final String OBJECTIVE = "slo:objective:ratio";
    public static final String ERROR_BUDGET = "slo:error_budget:ratio";
    public static final String CURRENT_BURN = "slo:current_burn_rate:ratio";
    public static final String PERIOD_BURN = "slo:period_burn_rate:ratio";
    public static final String REMAINING = "slo:period_error_budget_remaining:ratio";

    /** The static labels every recorded series of this SLO carries. */
    public Map<String, String> ids() {
        Map<String, String> m = new TreeMap<>();
        m.put("service", service.name());
        m.put("slo", slo.name());
        return m;
    }

    /** {@code {service="x", slo="y"}}, to select this SLO's recorded series. */
    public String matchers() {
        return "{service=" + Strings.quote(service.name()) + ", slo=" + Strings.quote(slo.name()) + "}";
    }

    public String select(String recorded) {
        return recorded + matchers();
    }

    public BigDecimal budget() {
        return slo.errorBudget();
    }

    public String budgetText() {
        return QueryText.number(budget());
    }

    public boolean hasRequests() {
        return slo.sli().kind() == Slo.SliKind.EVENTS || slo.sli().kind() == Slo.SliKind.LATENCY;
    }

    // ------------------------------------------------------------ SLI queries

    private String by() {
        return slo.groupBy().isEmpty() ? "sum" : "sum by (" + String.join(", ", slo.groupBy()) + ")";
    }

    private String selector(String key) {
        return QueryText.of(slo.sli().queries().get(key), constants);
    }

    private String sumOf(String function, String selector, long window) {
        return by() + (slo.groupBy().isEmpty() ? "(" : " (") + function + "(" + selector + "[" + window(window) + "]))";
    }

    /** The selector of a histogram's series: {@code _bucket} (with {@code le}) or {@code _count}. */
    private String histogram(String suffix, boolean withLe) {
        return QueryText.of(histogramSelector(suffix, withLe), constants);
    }

    VectorSelector histogramSelector(String suffix, boolean withLe) {
        VectorSelector v = (VectorSelector) slo.sli().queries().get("histogram");
        String base = Metric.baseName(v.name().orElseThrow());
        List<LabelMatcher> matchers = new ArrayList<>(v.matchers().stream()
                .filter(m -> !m.name().equals("__name__")).toList());
        if (withLe) {
            // The bucket as the target stores it: `le="1.0"` in Prometheus 3, `le="1"` in 2.
            matchers.add(NumericMatchers.matcher("le", QueryText.number(slo.sli().threshold()), targets, v.span()));
        }
        return new VectorSelector(base + suffix, matchers, v.span());
    }

    /** {@code v} with its constants substituted, as the generated rules read it. */
    VectorSelector substituted(VectorSelector v) {
        return Generated.selector(QueryText.of(v, constants), slo.span());
    }

    /** The request rate over a window (events and latency SLIs). */
    public String requestsExpr(long window) {
        return switch (slo.sli().kind()) {
            case EVENTS -> sumOf("rate", selector("total"), window);
            case LATENCY -> sumOf("rate", histogram("_count", false), window);
            default -> throw new IllegalStateException("no request count for " + slo.sli().kind());
        };
    }

    /**
     * The error ratio over a window. The denominator is guarded with {@code > 0}: without traffic the
     * ratio has no sample at all, never NaN and never a silent 0.
     */
    public String errorRatioExpr(long window) {
        Slo.Sli sli = slo.sli();
        return switch (sli.kind()) {
            // `or 0 * total`: a counter of errors that never failed yet has no series, and must read 0.
            case EVENTS -> sli.queries().containsKey("errors")
                    ? "(\n" + sumOf("rate", selector("errors"), window) + "\nor\n0 * " + requestsExpr(window)
                            + "\n)\n/\n(" + requestsExpr(window) + " > 0)"
                    : "1 - (\n(\n" + sumOf("rate", selector("good"), window) + "\nor\n0 * " + requestsExpr(window)
                            + "\n)\n/\n(" + requestsExpr(window) + " > 0)\n)";
            case LATENCY -> "1 - (\n" + sumOf("rate", histogram("_bucket", true), window) + "\n/\n("
                    + requestsExpr(window) + " > 0)\n)";
            case AVAILABILITY -> sli.queries().containsKey("bad")
                    ? sumOf("sum_over_time", selector("bad"), window) + "\n/\n"
                            + sumOf("count_over_time", selector("bad"), window)
                    : "1 - (\n" + sumOf("sum_over_time", selector("good"), window) + "\n/\n"
                            + sumOf("count_over_time", selector("good"), window) + "\n)";
            case RATIO -> "avg_over_time(" + select(RAW_RATIO) + "[" + window(window) + "])";
        };
    }
}
