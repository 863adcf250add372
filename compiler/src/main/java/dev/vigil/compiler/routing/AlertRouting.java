package dev.vigil.compiler.routing;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.regex.Re2;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Alertmanager's routing semantics for Vigil's routing model, the one definition that the
 * routing checks, the runbooks and the routing oracle test share:
 * <ul>
 * <li>a label the alert lacks has the empty value;
 * <li>{@code =~} and {@code !~} match the whole value with RE2, as Alertmanager does ({@link Re2#ALERTMANAGER});
 * <li>{@code >=}, {@code >}, {@code <=}, {@code <} on severities accept exactly the levels
 *     {@link SeverityOrder#selected} names, which the Alertmanager emitter writes as a regex
 *     alternation, so a value outside the declared levels matches none of them;
 * <li>routes are tried in order, the first that matches takes the alert unless it has {@code
 *     continue}, a matching route whose children all fail handles the alert itself, and Vigil's
 *     {@code route default} comes last, wherever it is written, and takes what no earlier route took
 *     (including alerts a {@code continue} route passed on).
 * </ul>
 * On inferred labels a matcher can be undecided ({@link Truth#MAYBE}); so is one whose regex is
 * not RE2 or whose severity is not declared, which Vigil refuses to emit.
 *
 * <p>A fleet has a route per team or service, so walking every sibling for every alert is alerts
 * times routes. Long sibling lists are indexed by one equality matcher of each route, and an alert
 * is tried only against the routes whose indexed matcher can hold; the others fail it anyway.
 */
public final class AlertRouting {
    /** Past this depth a route tree is taken to be malformed rather than walked on. */
    private static final int MAX_DEPTH = 100;
    /** Sibling lists shorter than this are walked as they are. */
    private static final int INDEXED = 16;

    private final SeverityOrder severities;
    private final int indexed;
    /** Sibling lists by identity: route lists are immutable and shared by every alert's walk. */
    private final Map<List<Routing.Route>, Siblings> siblings = Collections.synchronizedMap(new IdentityHashMap<>());

    public AlertRouting(SeverityOrder severities) {
        this(severities, INDEXED);
    }

    /** Indexes sibling lists of {@code indexed} routes or more; the tests compare with a walk of every route. */
    AlertRouting(SeverityOrder severities, int indexed) {
        this.severities = Objects.requireNonNull(severities, "severities");
        this.indexed = indexed;
    }

    public static AlertRouting of(Project project) {
        return new AlertRouting(project.severities() == null ? SeverityOrder.DEFAULT : project.severities());
    }

    public SeverityOrder severities() {
        return severities;
    }

    /** Whether {@code m} accepts {@code value} ("" for an absent label; null when not known). */
    public Truth holds(Routing.Matcher m, String value) {
        if (value == null || m == null || m.label() == null || m.op() == null || m.value() == null) {
            return Truth.MAYBE;
        }
        return switch (m.op()) {
            case "=" -> Truth.of(value.equals(m.value()));
            case "!=" -> Truth.of(!value.equals(m.value()));
            case "=~" -> regex(m.value(), value);
            case "!~" -> regex(m.value(), value).not();
            case ">=", ">", "<=", "<" -> severities.selected(m.op(), m.value())
                    .map(levels -> Truth.of(levels.contains(value))).orElse(Truth.MAYBE);
            default -> Truth.MAYBE;
        };
    }

    public Truth matches(Routing.Matcher m, AlertLabels labels) {
        return m == null || m.label() == null ? Truth.MAYBE : holds(m, labels.value(m.label()));
    }

    /** Whether every matcher holds; an empty list matches every alert. */
    public Truth matchesAll(List<Routing.Matcher> matchers, AlertLabels labels) {
        Truth all = Truth.YES;
        for (Routing.Matcher m : matchers) {
            all = all.and(matches(m, labels));
            if (all == Truth.NO) {
                break;
            }
        }
        return all;
    }

    /**
     * The routes an alert may be notified through, in the order Alertmanager lists them, the
     * default route among them when the alert gets there. On concrete labels this is exactly where
     * the alert goes; an undecided route is counted as reached without stopping its siblings.
     */
    public List<Routing.Route> reach(List<Routing.Route> routes, AlertLabels labels) {
        List<Routing.Route> out = new ArrayList<>();
        walk(siblings(routes, true), labels, out, 0);
        return out;
    }

    private Siblings siblings(List<Routing.Route> routes, boolean top) {
        Siblings known = siblings.get(routes);
        if (known == null) {
            known = Siblings.of(top ? ordered(routes) : routes, indexed);
            siblings.put(routes, known);
        }
        return known;
    }

    /** The top-level routes in the order Alertmanager tries them: Vigil's {@code route default} last. */
    private static List<Routing.Route> ordered(List<Routing.Route> routes) {
        List<Routing.Route> ordered = new ArrayList<>();
        routes.stream().filter(r -> r != null && !r.isDefault()).forEach(ordered::add);
        routes.stream().filter(r -> r != null && r.isDefault()).forEach(ordered::add);
        return ordered;
    }

    /**
     * Every route the walk of {@link #reach} certainly matches, in the order it tries them: the routes
     * that notify and the parents it passed through on the way, the default route when the alert gets
     * there. Coverage counts a route as exercised by these.
     */
    public List<Routing.Route> passes(List<Routing.Route> routes, AlertLabels labels) {
        List<Routing.Route> out = new ArrayList<>();
        passes(siblings(routes, true), labels, out, 0);
        return out;
    }

    private void passes(Siblings routes, AlertLabels labels, List<Routing.Route> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Routing.Route r : routes.candidates(labels)) {
            Truth t = matchesAll(r.matchers(), labels);
            if (t == Truth.YES) {
                out.add(r);
                passes(siblings(r.children(), false), labels, out, depth + 1);
                if (!r.continueMatching()) {
                    return;
                }
            }
        }
    }

    /** The receivers an alert with exactly these labels is sent to, in Alertmanager's order ({@code amtool config routes test}). */
    public List<String> receivers(Routing routing, Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        for (Routing.Route r : reach(routing.routes(), AlertLabels.of(labels))) {
            out.add(r.receiver() == null ? "" : r.receiver().name());
        }
        return out;
    }

    /** Returns whether some route among {@code routes} certainly took the alert. */
    private boolean walk(Siblings routes, AlertLabels labels, List<Routing.Route> out, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        boolean taken = false;
        for (Routing.Route r : routes.candidates(labels)) {
            Truth t = matchesAll(r.matchers(), labels);
            if (t == Truth.NO) {
                continue;
            }
            if (!walk(siblings(r.children(), false), labels, out, depth + 1)) {
                out.add(r);
            }
            if (t == Truth.YES) {
                taken = true;
                if (!r.continueMatching()) {
                    break;
                }
            }
        }
        return taken;
    }

    private static Truth regex(String re, String value) {
        return Re2.ALERTMANAGER.matches(re, value).map(Truth::of).orElse(Truth.MAYBE);
    }

    /**
     * Sibling routes in the order they are tried, a long list indexed by each route's first {@code =}
     * matcher: for a known value only the routes keyed on that value can match, for an unknown value
     * all keyed on the label may.
     */
    private record Siblings(List<Routing.Route> routes, BitSet unkeyed, Map<String, Map<String, BitSet>> keyed,
            Map<String, BitSet> anyValue) {
        static Siblings of(List<Routing.Route> routes, int indexed) {
            if (routes.size() < indexed) {
                return new Siblings(routes, null, Map.of(), Map.of());
            }
            BitSet unkeyed = new BitSet(routes.size());
            Map<String, Map<String, BitSet>> keyed = new HashMap<>();
            Map<String, BitSet> anyValue = new HashMap<>();
            for (int i = 0; i < routes.size(); i++) {
                Routing.Matcher key = key(routes.get(i));
                if (key == null) {
                    unkeyed.set(i);
                } else {
                    keyed.computeIfAbsent(key.label(), k -> new HashMap<>()).computeIfAbsent(key.value(), k -> new BitSet()).set(i);
                    anyValue.computeIfAbsent(key.label(), k -> new BitSet()).set(i);
                }
            }
            return new Siblings(routes, unkeyed, keyed, anyValue);
        }

        private static Routing.Matcher key(Routing.Route r) {
            for (Routing.Matcher m : r.matchers()) {
                if (m != null && "=".equals(m.op()) && m.label() != null && m.value() != null) {
                    return m;
                }
            }
            return null;
        }

        /** The routes whose key matcher does not fail {@code labels}, in order. */
        List<Routing.Route> candidates(AlertLabels labels) {
            if (unkeyed == null) {
                return routes;
            }
            BitSet picked = (BitSet) unkeyed.clone();
            keyed.forEach((label, byValue) -> {
                String value = labels.value(label);
                BitSet some = value == null ? anyValue.get(label) : byValue.get(value);
                if (some != null) {
                    picked.or(some);
                }
            });
            List<Routing.Route> out = new ArrayList<>(picked.cardinality());
            for (int i = picked.nextSetBit(0); i >= 0; i = picked.nextSetBit(i + 1)) {
                out.add(routes.get(i));
            }
            return out;
        }
    }
}
