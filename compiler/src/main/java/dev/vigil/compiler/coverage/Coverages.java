package dev.vigil.compiler.coverage;

import dev.vigil.compiler.coverage.Coverage.Item;
import dev.vigil.compiler.coverage.Coverage.Point;
import dev.vigil.compiler.coverage.Coverage.Witness;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.SeriesNotation;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.model.TestCoverage.Kind;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.routing.AlertLabels;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.Inhibitions;
import dev.vigil.compiler.routing.TestAlerts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;

/** Computes a project's {@link Coverage}: a pure function of the compiled (lowered) project. */
public final class Coverages {
    /** The functions that read a counter's increase: an alert over one of them has a no-traffic point. */
    static final Set<String> RATES = Set.of("rate", "irate", "increase");

    private final Project project;
    private final Map<String, List<Rule.Recording>> recordings = new HashMap<>();
    private final Map<String, List<Rule.Alert>> alerts = new HashMap<>();
    /** Every test of the project, written and generated, with the service it belongs to. */
    private final List<TestCase> tests = new ArrayList<>();

    private Coverages(Project project) {
        this.project = project;
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Recording rec) {
                        recordings.computeIfAbsent(rec.name(), k -> new ArrayList<>()).add(rec);
                    } else if (r instanceof Rule.Alert a) {
                        alerts.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a);
                    }
                }
            }
            tests.addAll(s.tests());
        }
    }

    public static Coverage of(Project project) {
        return new Coverages(project).compute();
    }

    private Coverage compute() {
        List<Item> items = new ArrayList<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                if (!Origin.isWritten(g.origin())) {
                    continue;
                }
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && !Coverage.ofSlo(a)) {
                        items.add(new Item(Kind.ALERTS, s.name(), a.name(), a.span(), alertPoints(a, null),
                                metrics(rateInputs(a.emittedExpr())), List.of()));
                    }
                }
            }
        }
        items.addAll(routing());
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                if (!Origin.isWritten(g.origin())) {
                    continue;
                }
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Recording rec) {
                        items.add(new Item(Kind.RECORDING_RULES, s.name(), rec.name(), rec.span(),
                                List.of(new Point(Coverage.READ, null, readers(rec.name()))), List.of(), List.of()));
                    }
                }
            }
        }
        for (Service s : project.services()) {
            for (Slo slo : s.slos()) {
                items.add(slo(s, slo));
            }
        }
        return new Coverage(items);
    }

    // ------------------------------------------------------------------ alerts

    /** fires, silent and, for an alert that reads a rate, no traffic; {@code slo} alerts name themselves in the points. */
    private List<Point> alertPoints(Rule.Alert a, String named) {
        List<Point> points = new ArrayList<>();
        points.add(new Point(Coverage.FIRES, named, expecting(a.name(), true, t -> true)));
        points.add(new Point(Coverage.SILENT, named, expecting(a.name(), false, t -> true)));
        List<VectorSelector> inputs = rateInputs(a.emittedExpr());
        if (!inputs.isEmpty()) {
            points.add(new Point(Coverage.NO_TRAFFIC, named, expecting(a.name(), false, t -> quiet(t, inputs))));
        }
        return points;
    }

    /** The tests (one witness each) that expect {@code alert} firing or silent, among those {@code which} accepts. */
    private List<Witness> expecting(String alert, boolean firing, Predicate<TestCase> which) {
        List<Witness> out = new ArrayList<>();
        for (TestCase t : tests) {
            for (TestCase.Expectation e : t.expectations()) {
                if (e instanceof TestCase.AlertExpectation x && x.alert() != null && alert.equals(x.alert().name())
                        && x.firing() == firing && which.test(t)) {
                    out.add(new Witness(t.name(), x.span()));
                    break;
                }
            }
        }
        return out;
    }

    /** Whether every input series of {@code t} that a rate of the alert reads is flat: no traffic. */
    static boolean quiet(TestCase t, List<VectorSelector> inputs) {
        for (TestCase.InputSeries s : t.series()) {
            if (inputs.stream().anyMatch(sel -> feeds(s.selector(), sel)) && !flat(s.values())) {
                return false;
            }
        }
        return true;
    }

    /** Whether every sample the notation gives has one value: {@code 0x30}, {@code 5+0x10}, {@code 3 _ 3}. */
    static boolean flat(String values) {
        Optional<List<Double>> samples = SeriesNotation.expand(values);
        if (samples.isEmpty()) {
            return false;
        }
        Double first = null;
        for (Double d : samples.get()) {
            if (d == null) {
                continue;
            }
            if (first == null) {
                first = d;
            } else if (!first.equals(d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the test's input {@code series} is one {@code selector} may select: the same metric, and no
     * matcher that certainly refuses its labels (a value written as a constant is taken to match).
     */
    static boolean feeds(VectorSelector series, VectorSelector selector) {
        Map<String, String> labels = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        series.name().ifPresent(n -> labels.put("__name__", n));
        for (LabelMatcher m : series.matchers()) {
            if (m.isConstRef() || m.op() != MatchOp.EQ) {
                unknown.add(m.name());
            } else {
                labels.put(m.name(), m.value());
            }
        }
        if (selector.metricName() != null && !selector.metricName().equals(labels.get("__name__"))) {
            return false;
        }
        for (LabelMatcher m : selector.matchers()) {
            if (!unknown.contains(m.name()) && !m.matches(labels.getOrDefault(m.name(), "")).orElse(true)) {
                return false;
            }
        }
        return true;
    }

    /** The selectors of raw series that {@code rate}, {@code irate} or {@code increase} read in {@code e}, through recording rules. */
    List<VectorSelector> rateInputs(Expr e) {
        List<VectorSelector> out = new ArrayList<>();
        rateInputs(e, false, new HashSet<>(), out);
        return out;
    }

    private void rateInputs(Expr e, boolean underRate, Set<String> seen, List<VectorSelector> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Call c && RATES.contains(c.function())) {
            c.args().forEach(arg -> rateInputs(arg, true, seen, out));
            return;
        }
        if (e instanceof VectorSelector v) {
            Optional<String> name = v.name();
            if (name.isPresent() && recordings.containsKey(name.get())) {
                // The answer depends only on the rule and whether a rate reads it; each is followed once.
                if (seen.add(name.get() + (underRate ? "/rate" : ""))) {
                    recordings.get(name.get()).forEach(r -> rateInputs(r.expr(), underRate, seen, out));
                }
            } else if (underRate) {
                out.add(v);
            }
            return;
        }
        e.children().forEach(child -> rateInputs(child, underRate, seen, out));
    }

    // ------------------------------------------------------------------ recording rules

    /** The tests that read recording rule {@code name}: an expected value of a query, or an expected alert, reading it. */
    private List<Witness> readers(String name) {
        List<Witness> out = new ArrayList<>();
        for (TestCase t : tests) {
            for (TestCase.Expectation e : t.expectations()) {
                if (reads(e).contains(name)) {
                    out.add(new Witness(t.name(), e.span()));
                    break;
                }
            }
        }
        return out;
    }

    private final Map<TestCase.Expectation, Set<String>> readCache = new IdentityHashMap<>();

    /** The recording rules an expectation reads, directly or through others. */
    private Set<String> reads(TestCase.Expectation e) {
        return readCache.computeIfAbsent(e, x -> {
            Set<String> out = new HashSet<>();
            if (x instanceof TestCase.ValueExpectation v) {
                recordingsRead(v.expr(), out);
            } else if (x instanceof TestCase.AlertExpectation a && a.alert() != null) {
                alerts.getOrDefault(a.alert().name(), List.of()).forEach(alert -> recordingsRead(alert.emittedExpr(), out));
            }
            return out;
        });
    }

    private void recordingsRead(Expr e, Set<String> out) {
        Expr.walk(e, x -> {
            if (x instanceof VectorSelector v) {
                v.name().filter(recordings::containsKey).filter(out::add)
                        .ifPresent(n -> recordings.get(n).forEach(r -> recordingsRead(r.expr(), out)));
            }
        });
    }

    // ------------------------------------------------------------------ routing

    private List<Item> routing() {
        Routing routing = project.routing();
        // Without routes Vigil writes no Alertmanager configuration, and routing tests judge nothing.
        if (routing == null || routing.routes().isEmpty()) {
            return List.of();
        }
        Map<Routing.Route, List<Witness>> reached = new IdentityHashMap<>();
        Map<Routing.Inhibition, List<Witness>> inhibits = new IdentityHashMap<>();
        if (!routing.tests().isEmpty()) {
            TestAlerts testAlerts = TestAlerts.of(project);
            AlertRouting semantics = AlertRouting.of(project);
            Inhibitions inhibitions = Inhibitions.of(project);
            for (Routing.RouteTest t : routing.tests()) {
                Optional<SortedMap<String, String>> target = labels(t.alert(), testAlerts);
                if (target.isEmpty()) {
                    continue;
                }
                Witness w = new Witness(t.name(), t.span());
                if (!t.isInhibition()) {
                    for (Routing.Route r : semantics.passes(routing.routes(), AlertLabels.of(target.get()))) {
                        reached.computeIfAbsent(r, k -> new ArrayList<>()).add(w);
                    }
                    continue;
                }
                Optional<SortedMap<String, String>> source = labels(t.source(), testAlerts);
                if (source.isEmpty()) {
                    continue;
                }
                for (Inhibitions.Rule rule : inhibitions.rules()) {
                    if (rule.declared() != null && inhibitions.apply(rule, target.get(), source.get()).effect()
                            == Inhibitions.Effect.INHIBITS) {
                        inhibits.computeIfAbsent(rule.declared(), k -> new ArrayList<>()).add(w);
                    }
                }
            }
        }
        List<Item> out = new ArrayList<>();
        List<Routing.Route> all = new ArrayList<>();
        flatten(routing.routes(), all);
        for (Routing.Route r : all) {
            out.add(new Item(Kind.ROUTES, null, RoutingNames.route(r), r.span(),
                    List.of(new Point(Coverage.REACHED, null, reached.getOrDefault(r, Coverage.NONE))), List.of(),
                    List.of()));
        }
        for (Routing.Inhibition in : routing.inhibitions()) {
            out.add(new Item(Kind.INHIBITIONS, null, RoutingNames.inhibition(in), in.span(),
                    List.of(new Point(Coverage.INHIBITS, null, inhibits.getOrDefault(in, Coverage.NONE))), List.of(),
                    List.of()));
        }
        return out;
    }

    private static Optional<SortedMap<String, String>> labels(Routing.TestAlert a, TestAlerts alerts) {
        return alerts.resolve(a) instanceof TestAlerts.Labels l ? Optional.of(l.labels()) : Optional.empty();
    }

    /** Every route, parents before their children, in the order written. */
    private static void flatten(List<Routing.Route> routes, List<Routing.Route> out) {
        for (Routing.Route r : routes) {
            out.add(r);
            flatten(r.children(), out);
        }
    }

    // ------------------------------------------------------------------ SLOs

    private Item slo(Service s, Slo slo) {
        List<Point> points = new ArrayList<>();
        List<VectorSelector> inputs = new ArrayList<>();
        for (RuleGroup g : s.groups()) {
            for (Rule r : g.rules()) {
                if (r instanceof Rule.Alert a && a.origin() instanceof Origin.FromSlo f && f.burn() != null
                        && f.slo().equals(slo.name())) {
                    points.addAll(alertPoints(a, a.name()));
                    inputs.addAll(rateInputs(a.emittedExpr()));
                }
            }
        }
        Set<Origin.SloScenario> found = EnumSet.noneOf(Origin.SloScenario.class);
        for (TestCase t : s.tests()) {
            if (t.origin() instanceof Origin.FromSlo f && f.slo().equals(slo.name()) && f.scenario() != null) {
                found.add(f.scenario());
            }
        }
        Set<String> scenarios = new LinkedHashSet<>();
        found.forEach(sc -> scenarios.add(sc.label()));
        return new Item(Kind.SLOS, s.name(), slo.name(), slo.span(), points, metrics(inputs),
                new ArrayList<>(scenarios));
    }

    /** The metric names of these selectors, sorted, each once. */
    private static List<String> metrics(List<VectorSelector> selectors) {
        return selectors.stream().map(v -> v.name().orElse(PromqlPrinter.print(v))).distinct().sorted().toList();
    }
}
