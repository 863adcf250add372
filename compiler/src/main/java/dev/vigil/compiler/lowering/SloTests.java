package dev.vigil.compiler.lowering;

import dev.vigil.compiler.lowering.SeriesWitness.Selector;
import dev.vigil.compiler.lowering.SeriesWitness.Series;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * promtool tests lowered from each SLO, run against its generated rules. Per SLO, as far as its
 * windows allow:
 * <ul>
 * <li>a sustained burn just above the largest factor fires that tier's alert within the short
 * window plus {@code for} (by two intervals plus {@code for}), and not before {@code for} passed;
 * <li>a burn just above the smallest factor fires only that tier (the other tiers stay silent);
 * <li>flat counters (zero traffic) fire nothing and leave no SLI, burn-rate, budget or NaN sample;
 * <li>after the fast burn stops, each tier resolves once its longest short window is clean.
 * </ul>
 * Counters grow by whole numbers per interval chosen so the error ratio is exactly
 * {@code budget × burn}; burns are 4% above a factor, rounded up to two significant digits (15x for
 * 14.4, 1.1x for 1), since the alerts compare with {@code >} and a burn equal to the factor would
 * leave the result to float rounding. Events and latency SLIs are covered; availability (0/1
 * gauges) and raw-ratio SLIs cannot be driven to an exact burn from samples and get no test.
 */
final class SloTests {
    /** Burns are at least this much above the factor they must exceed. */
    private static final BigDecimal MARGIN = new BigDecimal("1.04");
    private static final long MINUTE = 60_000;

    private SloTests() {
    }

    /** The two series an SLI is fed with and how the per-interval counts are split between them. */
    record Inputs(Series numerator, boolean numeratorCountsErrors, Series other, boolean otherIsTotal,
            Map<String, String> groupLabels) {
        /** Per-interval increments of (numerator, other) for {@code total} requests of which {@code errors} fail. */
        long[] increments(long total, long errors) {
            long numeratorCount = numeratorCountsErrors ? errors : total - errors;
            return new long[] {numeratorCount, otherIsTotal ? total : total - numeratorCount};
        }
    }

    /** Whole requests and errors per interval for one burn. */
    record Traffic(BigDecimal burn, long total, long errors) {
    }

    record InputSeries(String series, String values) {
    }

    /**
     * One alert check: with {@code labels} (the query's, which the alert's own are added to) and
     * {@code value} the alert fires once; without, it must not be firing.
     */
    record AlertCheck(long atMillis, String alert, Map<String, String> labels, BigDecimal value) {
    }

    record ExprCheck(String expr, long atMillis, List<Sample> samples) {
    }

    /** An expected sample: its series as PromQL ({@code {}} for no labels) and value. */
    record Sample(String labels, BigDecimal value) {
    }

    record Scenario(Origin.SloScenario kind, String name, long intervalMillis, List<InputSeries> series,
            List<AlertCheck> alerts, List<ExprCheck> exprs) {
    }

    /** The SLO's tests; none when its SLI kind or selectors cannot be fed exactly. */
    static List<TestCase> of(SloPlan plan) {
        List<TestCase> out = new ArrayList<>();
        for (Scenario s : scenarios(plan)) {
            out.add(testCase(plan, s));
        }
        return out;
    }

    private static TestCase testCase(SloPlan plan, Scenario s) {
        Span at = plan.slo().span();
        List<TestCase.InputSeries> series = new ArrayList<>();
        for (InputSeries in : s.series()) {
            series.add(new TestCase.InputSeries(Generated.selector(in.series(), at), in.values(), at));
        }
        List<TestCase.Expectation> expectations = new ArrayList<>();
        for (AlertCheck c : s.alerts()) {
            Ref alert = Ref.of(Ref.Kind.ALERT, c.alert(), at);
            expectations.add(new TestCase.AlertExpectation(c.atMillis(), alert, c.labels() != null,
                    c.labels() == null ? new TreeMap<>() : new TreeMap<>(c.labels()), c.value(), new TreeMap<>(), at));
        }
        for (ExprCheck c : s.exprs()) {
            List<TestCase.ExpectedSample> samples = new ArrayList<>();
            for (Sample sample : c.samples()) {
                VectorSelector labels = sample.labels().equals("{}") ? new VectorSelector(null, List.of(), at)
                        : Generated.selector(sample.labels(), at);
                samples.add(new TestCase.ExpectedSample(labels, sample.value(), at));
            }
            expectations.add(new TestCase.ValueExpectation(c.atMillis(), Generated.query(c.expr(), at), samples, at));
        }
        return new TestCase(s.name(), s.intervalMillis(), series, expectations,
                new Origin.FromSlo(plan.slo().name(), null, s.kind()), at);
    }

    /** The scenarios of one SLO; empty when its SLI kind or selectors cannot be fed exactly. */
    static List<Scenario> scenarios(SloPlan plan) {
        Optional<Inputs> found = inputs(plan);
        if (found.isEmpty() || plan.tiers().isEmpty()) {
            return List.of();
        }
        Inputs in = found.get();
        // Rates need two samples in the shortest window.
        long interval = Math.max(1000, Math.min(MINUTE, plan.shortest() / 5 / 1000 * 1000));
        String slo = plan.slo().name();
        List<Scenario> out = new ArrayList<>();

        SloPlan.Tier fastTier = plan.tiers().stream()
                .max(Comparator.comparing(t -> maxPair(t).factor())).orElseThrow();
        SloPlan.Pair fastPair = maxPair(fastTier);
        Optional<Traffic> fast = traffic(plan, burnAbove(fastPair.factor()));
        if (fast.isPresent()) {
            Traffic t = fast.get();
            long at = fireAt(fastTier, interval);
            List<AlertCheck> checks = new ArrayList<>();
            if (pendingAt(fastTier, interval) > 0) {
                checks.add(silent(pendingAt(fastTier, interval), fastTier));
            }
            checks.add(firing(at, plan, fastTier, in, t.burn()));
            out.add(new Scenario(Origin.SloScenario.FAST_BURN, slo + ": a sustained " + x(t.burn()) + " burn fires " + fastTier.alert() + " by "
                    + Durations.format(at) + ", within its " + SloPlan.window(fastPair.shortMillis())
                    + " short window plus for " + Durations.format(fastTier.forMillis()),
                    interval, steady(in, t, at / interval), checks, List.of()));
        }

        SloPlan.Tier slowTier = plan.tiers().stream()
                .min(Comparator.comparing(t -> minPair(t).factor())).orElseThrow();
        SloPlan.Pair slowPair = minPair(slowTier);
        Optional<Traffic> slow = traffic(plan, burnAbove(slowPair.factor()));
        if (slow.isPresent() && (fast.isEmpty() || slow.get().burn().compareTo(fast.get().burn()) != 0)) {
            Traffic t = slow.get();
            long at = fireAt(slowTier, interval);
            List<AlertCheck> checks = new ArrayList<>();
            if (pendingAt(slowTier, interval) > 0) {
                checks.add(silent(pendingAt(slowTier, interval), slowTier));
            }
            checks.add(firing(at, plan, slowTier, in, t.burn()));
            List<String> quiet = new ArrayList<>();
            long end = at;
            for (SloPlan.Tier other : plan.tiers()) {
                if (other != slowTier && staysSilent(other, t.burn())) {
                    // Checked once its own `for` has passed too, when it would have fired.
                    long when = Math.max(at, fireAt(other, interval));
                    checks.add(silent(when, other));
                    end = Math.max(end, when);
                    quiet.add(other.tier().id());
                }
            }
            out.add(new Scenario(Origin.SloScenario.SLOW_BURN, slo + ": a " + x(t.burn()) + " burn (above " + x(slowPair.factor()) + " over "
                    + SloPlan.window(slowPair.longMillis()) + " and " + SloPlan.window(slowPair.shortMillis())
                    + ") fires " + slowTier.alert() + (quiet.isEmpty() ? "" : " only, no " + String.join(" or ", quiet)),
                    interval, steady(in, t, end / interval), checks, List.of()));
        }

        out.add(zeroTraffic(plan, in, interval));
        fast.ifPresent(t -> out.add(recovery(plan, in, t, interval)));
        return out;
    }

    private static Scenario zeroTraffic(SloPlan plan, Inputs in, long interval) {
        long at = interval;
        for (SloPlan.Tier t : plan.tiers()) {
            at = Math.max(at, fireAt(t, interval) + interval);
        }
        List<InputSeries> series = new ArrayList<>();
        for (Series s : List.of(in.numerator(), in.other())) {
            series.add(new InputSeries(s.text(), "100x" + at / interval));
        }
        List<AlertCheck> checks = new ArrayList<>();
        for (SloPlan.Tier t : plan.tiers()) {
            checks.add(silent(at, t));
        }
        String ids = "service=" + Strings.quote(plan.service().name()) + ", slo=" + Strings.quote(plan.slo().name());
        List<ExprCheck> exprs = new ArrayList<>();
        exprs.add(new ExprCheck("{__name__=~\"slo:sli_error:.*|slo:.*burn_rate:ratio|"
                + "slo:period_error_budget_remaining:ratio\", " + ids + "}", at, List.of()));
        // NaN is the one value `>= -Inf` drops, so the two counts differ exactly by the NaN samples;
        // the objective and budget series always exist, so both counts have a sample.
        exprs.add(new ExprCheck("count({__name__=~\"slo:.*\", " + ids + "}) - count({__name__=~\"slo:.*\", " + ids
                + "} >= -Inf)", at, List.of(sample("{}", BigDecimal.ZERO))));
        exprs.add(new ExprCheck(SloPlan.ERROR_BUDGET + "{" + ids + "}", at,
                List.of(sample(SloPlan.ERROR_BUDGET + "{" + ids + "}", plan.budget()))));
        return new Scenario(Origin.SloScenario.ZERO_TRAFFIC, plan.slo().name() + ": zero traffic fires nothing and leaves no SLI, burn-rate, "
                + "budget-remaining or NaN sample", interval, series, checks, exprs);
    }

    /** The fast burn until every tier it trips fires, then clean traffic until each has resolved. */
    private static Scenario recovery(SloPlan plan, Inputs in, Traffic t, long interval) {
        List<SloPlan.Tier> tripped = plan.tiers().stream().filter(tier -> trips(tier, t.burn())).toList();
        long burnEnd = 0;
        for (SloPlan.Tier tier : tripped) {
            burnEnd = Math.max(burnEnd, fireAt(tier, interval));
        }
        List<AlertCheck> checks = new ArrayList<>();
        long end = burnEnd;
        List<String> resolved = new ArrayList<>();
        for (SloPlan.Tier tier : tripped) {
            checks.add(firing(burnEnd, plan, tier, in, t.burn()));
        }
        for (SloPlan.Tier tier : tripped) {
            long longestShort = tier.pairs().stream().mapToLong(SloPlan.Pair::shortMillis).max().orElseThrow();
            // The short window is clean one interval after its last error; the alert sees it one later.
            long at = ceil(burnEnd + longestShort + 2 * interval, interval);
            checks.add(silent(at, tier));
            end = Math.max(end, at);
            resolved.add(tier.tier().id() + " by " + Durations.format(at));
        }
        long[] burning = in.increments(t.total(), t.errors());
        long[] clean = in.increments(t.total(), 0);
        long steps = burnEnd / interval;
        long rest = end / interval - steps;
        List<InputSeries> series = List.of(
                new InputSeries(in.numerator().text(), phases(burning[0], steps, clean[0], rest)),
                new InputSeries(in.other().text(), phases(burning[1], steps, clean[1], rest)));
        return new Scenario(Origin.SloScenario.RECOVERY, plan.slo().name() + ": after a " + x(t.burn()) + " burn stops at "
                + Durations.format(burnEnd) + " the alerts resolve once the short windows are clean ("
                + String.join(", ", resolved) + ")", interval, series, checks, List.of());
    }

    // ------------------------------------------------------------ inputs and traffic

    /** The series an SLI reads, or empty for SLI kinds and selectors that cannot be fed exactly. */
    static Optional<Inputs> inputs(SloPlan plan) {
        Slo.Sli sli = plan.slo().sli();
        Optional<Selector> numerator;
        Optional<Selector> total;
        boolean countsErrors;
        switch (sli.kind()) {
            case EVENTS -> {
                countsErrors = sli.queries().containsKey("errors");
                numerator = selector(sli.queries().get(countsErrors ? "errors" : "good"), plan);
                total = selector(sli.queries().get("total"), plan);
            }
            case LATENCY -> {
                countsErrors = false;
                numerator = SeriesWitness.resolve(plan.substituted(plan.histogramSelector("_bucket", true)));
                total = SeriesWitness.resolve(plan.substituted(plan.histogramSelector("_count", false)));
            }
            default -> {
                return Optional.empty();
            }
        }
        if (numerator.isEmpty() || total.isEmpty()) {
            return Optional.empty();
        }
        List<String> by = plan.slo().groupBy();
        Optional<Series> a = SeriesWitness.of(numerator.get(), by);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        boolean shared = total.get().matches(a.get().metric(), a.get().labels());
        // A total that already counts the numerator's series needs the rest of the requests; one
        // that does not (another metric) counts all of them.
        Optional<Series> b = SeriesWitness.ofNot(total.get(), numerator.get(), by);
        if (b.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> groups = new TreeMap<>();
        for (String label : by) {
            String v = a.get().labels().getOrDefault(label, "");
            if (!v.equals(b.get().labels().getOrDefault(label, ""))) {
                return Optional.empty();
            }
            groups.put(label, v);
        }
        return Optional.of(new Inputs(a.get(), countsErrors, b.get(), !shared, groups));
    }

    private static Optional<Selector> selector(Expr e, SloPlan plan) {
        return e instanceof VectorSelector v ? SeriesWitness.resolve(plan.substituted(v)) : Optional.empty();
    }

    /**
     * Whole requests per interval (a power of ten) so that errors are exactly {@code budget × burn}
     * of them and the traffic guard holds from the first evaluation, when a long window's rate still
     * spreads one interval's requests over the whole window.
     */
    static Optional<Traffic> traffic(SloPlan plan, BigDecimal burn) {
        BigDecimal ratio = plan.budget().multiply(burn);
        if (ratio.compareTo(BigDecimal.ONE) >= 0) {
            return Optional.empty();
        }
        Slo.Alerting a = plan.slo().alerting();
        BigDecimal least = BigDecimal.valueOf(100);
        if (a.minEvents() != null) {
            least = least.max(a.minEvents());
        }
        if (a.minRate() != null) {
            long longest = plan.tiers().stream().flatMap(t -> t.pairs().stream())
                    .mapToLong(SloPlan.Pair::longMillis).max().orElseThrow();
            least = least.max(a.minRate().multiply(BigDecimal.valueOf(longest / 1000)));
        }
        for (BigDecimal total = BigDecimal.valueOf(100); total.compareTo(new BigDecimal("1e15")) < 0;
                total = total.movePointRight(1)) {
            BigDecimal errors = ratio.multiply(total).stripTrailingZeros();
            if (total.compareTo(least) >= 0 && errors.scale() <= 0 && errors.signum() > 0) {
                return Optional.of(new Traffic(burn, total.longValueExact(), errors.longValueExact()));
            }
        }
        return Optional.empty();
    }

    /** Four percent above the factor, rounded up to two significant digits: 15 for 14.4, 1.1 for 1. */
    static BigDecimal burnAbove(BigDecimal factor) {
        return factor.multiply(MARGIN).round(new MathContext(2, RoundingMode.CEILING)).stripTrailingZeros();
    }

    /** Whether a tier surely fires at this burn: some factor is at least the margin below it. */
    static boolean trips(SloPlan.Tier tier, BigDecimal burn) {
        return tier.pairs().stream().anyMatch(p -> p.factor().multiply(MARGIN).compareTo(burn) <= 0);
    }

    /** Whether a tier surely stays silent: every factor is at least the margin above the burn. */
    static boolean staysSilent(SloPlan.Tier tier, BigDecimal burn) {
        return tier.pairs().stream().allMatch(p -> p.factor().compareTo(burn.multiply(MARGIN)) >= 0);
    }

    private static SloPlan.Pair maxPair(SloPlan.Tier t) {
        return t.pairs().stream().max(Comparator.comparing(SloPlan.Pair::factor)).orElseThrow();
    }

    private static SloPlan.Pair minPair(SloPlan.Tier t) {
        return t.pairs().stream().min(Comparator.comparing(SloPlan.Pair::factor)).orElseThrow();
    }

    /**
     * When a tier fed a steady burn from time 0 is surely firing: rates exist from the second sample
     * (one interval), the alert may see the recorded ratios one evaluation later (promtool runs a
     * file's groups in no fixed order, Prometheus runs them independently), then {@code for} passes.
     */
    static long fireAt(SloPlan.Tier tier, long interval) {
        return ceil(2 * interval + tier.forMillis(), interval);
    }

    /** The last evaluation at which the tier is surely still pending: under {@code for} even without the lag. */
    static long pendingAt(SloPlan.Tier tier, long interval) {
        return fireAt(tier, interval) - 2 * interval;
    }

    private static long ceil(long millis, long step) {
        return (millis + step - 1) / step * step;
    }

    // ------------------------------------------------------------ series and checks

    private static List<InputSeries> steady(Inputs in, Traffic t, long steps) {
        long[] inc = in.increments(t.total(), t.errors());
        return List.of(new InputSeries(in.numerator().text(), "0+" + inc[0] + "x" + steps),
                new InputSeries(in.other().text(), "0+" + inc[1] + "x" + steps));
    }

    /** {@code first} per interval for {@code steps} intervals from 0, then {@code then} for {@code rest} more. */
    static String phases(long first, long steps, long then, long rest) {
        String head = "0+" + first + "x" + steps;
        if (rest <= 0) {
            return head;
        }
        long next = first * steps + then;
        return head + " " + next + (rest > 1 ? "+" + then + "x" + (rest - 1) : "");
    }

    private static AlertCheck silent(long at, SloPlan.Tier tier) {
        return new AlertCheck(at, tier.alert(), null, null);
    }

    /** The alert fires with the labels the query gives: the SLO's and its group labels. */
    private static AlertCheck firing(long at, SloPlan plan, SloPlan.Tier tier, Inputs in, BigDecimal burn) {
        Map<String, String> queryLabels = new TreeMap<>(plan.ids());
        queryLabels.putAll(in.groupLabels());
        // Every window holds the same steady burn, so the alert's value (the long window's burn rate) is it.
        return new AlertCheck(at, tier.alert(), queryLabels, burn);
    }

    private static Sample sample(String labels, BigDecimal value) {
        return new Sample(labels, value);
    }

    private static String x(BigDecimal burn) {
        return QueryText.number(burn) + "x";
    }
}
