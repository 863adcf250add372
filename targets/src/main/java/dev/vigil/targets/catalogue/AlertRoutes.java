package dev.vigil.targets.catalogue;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.routing.AlertLabels;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.Inhibitions;
import dev.vigil.compiler.routing.Truth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where an alert goes, read with the compiler's one routing semantics ({@link AlertRouting#reach}) on the labels
 * the alert carries at run time ({@link LabelInference#alertLabels}): each route that notifies, the chain of
 * routes from the root that leads there, whether the alert certainly gets there or only may (a matcher reads a
 * label the query may or may not give), the timing as Alertmanager resolves it down the chain, and the inhibit
 * rules on either side. Built once per build.
 */
final class AlertRoutes {
    /** Alertmanager's own defaults for a root route that sets none ({@code dispatch/route.go}). */
    static final long DEFAULT_GROUP_WAIT = 30_000;
    static final long DEFAULT_GROUP_INTERVAL = 300_000;
    static final long DEFAULT_REPEAT_INTERVAL = 14_400_000;

    /**
     * A route that notifies the alert: {@code path} from Vigil's {@code route default} (Alertmanager's root)
     * down to the route; {@code unknown} are the labels whose values decide whether it does, empty when it
     * certainly does.
     */
    record Reached(List<Routing.Route> path, Set<String> unknown) {
        Routing.Route route() {
            return path.get(path.size() - 1);
        }

        boolean certain() {
            return unknown.isEmpty();
        }
    }

    /** A group setting as the route tree resolves it, and the route that set it (null for Alertmanager's default). */
    record Setting<T>(T value, Routing.Route from) {
    }

    record Timing(Setting<List<String>> groupBy, Setting<Long> groupWait, Setting<Long> groupInterval,
            Setting<Long> repeatInterval) {
    }

    /** An inhibit rule on one side of which the alert stands, and the project's alerts that may stand on the other. */
    record Inhibit(Inhibitions.Rule rule, boolean maybe, List<String> others) {
    }

    private final Routing routing;
    private final AlertRouting semantics;
    private final LabelInference inference;
    private final Routing.Route root;
    /** Each route's parent in the walk of {@link AlertRouting}; top-level routes have none. */
    private final Map<Routing.Route, Routing.Route> parents = new IdentityHashMap<>();
    /** Each route's siblings in the order they are tried, itself among them. */
    private final Map<Routing.Route, List<Routing.Route>> siblings = new IdentityHashMap<>();
    private final List<Inhibitions.Rule> rules;
    /** Per rule, the alerts its source side and its target side may match. */
    private final List<Side> sources = new ArrayList<>();
    private final List<Side> targets = new ArrayList<>();
    /** The rules by the first {@code =} matcher of their source side, and of their target side. */
    private final RuleIndex sourceRules;
    private final RuleIndex targetRules;
    private final Map<String, AlertLabels> labels = new HashMap<>();
    private final Map<String, Routing.Receiver> receivers = new HashMap<>();

    private record Named(String name, AlertLabels labels) {
    }

    /**
     * Inhibit rules by the first {@code =} matcher with a value of one side: an alert is compared only with the
     * rules whose matcher it may pass (it has that value, or a value not known), so a fleet with an inhibition
     * per service costs each alert a lookup, not a comparison with every rule. Indexes are in rule order.
     */
    private record RuleIndex(Map<String, Map<String, List<Integer>>> byLabel, List<Integer> open) {
        static RuleIndex of(List<List<Routing.Matcher>> sides) {
            Map<String, Map<String, List<Integer>>> byLabel = new HashMap<>();
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < sides.size(); i++) {
                Routing.Matcher key = sides.get(i).stream()
                        .filter(m -> m.op().equals("=") && !m.value().isEmpty()).findFirst().orElse(null);
                if (key == null) {
                    open.add(i);
                } else {
                    byLabel.computeIfAbsent(key.label(), k -> new HashMap<>())
                            .computeIfAbsent(key.value(), k -> new ArrayList<>()).add(i);
                }
            }
            return new RuleIndex(byLabel, open);
        }

        java.util.SortedSet<Integer> candidates(AlertLabels alert) {
            java.util.SortedSet<Integer> out = new java.util.TreeSet<>(open);
            byLabel.forEach((label, byValue) -> {
                String v = alert.value(label);
                if (v == null) {
                    byValue.values().forEach(out::addAll);
                } else {
                    out.addAll(byValue.getOrDefault(v, List.of()));
                }
            });
            return out;
        }
    }

    /**
     * The alerts one side of a rule may match, by their value of the rule's first {@code equal} label: an alert
     * on the other side is compared only with those that may share its value, so a fleet's severity rules
     * (equal on {@code alertname}) cost one lookup per alert, not one per pair.
     */
    private record Side(String key, Map<String, List<Named>> byValue, List<Named> open) {
        static Side of(List<String> equal, List<Named> alerts) {
            String key = equal.isEmpty() ? null : equal.get(0);
            Map<String, List<Named>> byValue = new HashMap<>();
            List<Named> open = new ArrayList<>();
            for (Named n : alerts) {
                String v = key == null ? null : n.labels().value(key);
                if (v == null) {
                    open.add(n);
                } else {
                    byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(n);
                }
            }
            return new Side(key, byValue, open);
        }

        List<Named> candidates(AlertLabels other) {
            String v = key == null ? null : other.value(key);
            if (v == null) {
                List<Named> all = new ArrayList<>(open);
                byValue.values().forEach(all::addAll);
                return all;
            }
            List<Named> some = new ArrayList<>(byValue.getOrDefault(v, List.of()));
            some.addAll(open);
            return some;
        }
    }

    AlertRoutes(Project project, AlertRouting semantics, LabelInference inference, List<Rule.Alert> alerts) {
        this.routing = project.routing();
        this.semantics = semantics;
        this.inference = inference;
        this.root = routing.routes().stream().filter(Routing.Route::isDefault).findFirst().orElse(null);
        List<Routing.Route> top = new ArrayList<>();
        routing.routes().stream().filter(r -> !r.isDefault()).forEach(top::add);
        routing.routes().stream().filter(Routing.Route::isDefault).forEach(top::add);
        index(top, null);
        routing.receivers().forEach(r -> receivers.putIfAbsent(r.name(), r));
        this.rules = routing.routes().isEmpty() ? List.of() : Inhibitions.rules(routing, semantics.severities());
        List<Named> named = new ArrayList<>();
        for (Rule.Alert a : alerts) {
            AlertLabels l = AlertLabels.of(inference.alertLabels(a));
            labels.put(a.name(), l);
            named.add(new Named(a.name(), l));
        }
        this.sourceRules = RuleIndex.of(rules.stream().map(Inhibitions.Rule::source).toList());
        this.targetRules = RuleIndex.of(rules.stream().map(Inhibitions.Rule::target).toList());
        List<List<Named>> onSource = new ArrayList<>();
        List<List<Named>> onTarget = new ArrayList<>();
        rules.forEach(r -> {
            onSource.add(new ArrayList<>());
            onTarget.add(new ArrayList<>());
        });
        for (Named n : named) {
            for (int i : sourceRules.candidates(n.labels())) {
                if (semantics.matchesAll(rules.get(i).source(), n.labels()) != Truth.NO) {
                    onSource.get(i).add(n);
                }
            }
            for (int i : targetRules.candidates(n.labels())) {
                if (semantics.matchesAll(rules.get(i).target(), n.labels()) != Truth.NO) {
                    onTarget.get(i).add(n);
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            sources.add(Side.of(rules.get(i).equal(), onSource.get(i)));
            targets.add(Side.of(rules.get(i).equal(), onTarget.get(i)));
        }
    }

    private void index(List<Routing.Route> routes, Routing.Route parent) {
        List<Routing.Route> order = List.copyOf(routes);
        for (Routing.Route r : routes) {
            if (parent != null) {
                parents.put(r, parent);
            }
            siblings.put(r, order);
            index(r.children(), r);
        }
    }

    /** The receiver named {@code name}, or null. */
    Routing.Receiver receiver(String name) {
        return receivers.get(name);
    }

    boolean routed() {
        return root != null;
    }

    AlertLabels labels(Rule.Alert a) {
        return labels.computeIfAbsent(a.name(), n -> AlertLabels.of(inference.alertLabels(a)));
    }

    /** What the alert carries when it reaches Alertmanager. */
    LabelSet carried(Rule.Alert a) {
        return inference.alertLabels(a);
    }

    /** The routes that notify the alert, in Alertmanager's order, each certain or not. */
    List<Reached> reach(Rule.Alert a) {
        if (root == null) {
            return List.of();
        }
        AlertLabels l = labels(a);
        List<Reached> out = new ArrayList<>();
        for (Routing.Route r : semantics.reach(routing.routes(), l)) {
            out.add(new Reached(path(r), unknown(r, l)));
        }
        return out;
    }

    /** The chain from Alertmanager's root ({@code route default}) down to {@code r}. */
    /** The route {@code r} is a child of, or null for a top-level route. */
    Routing.Route parent(Routing.Route r) {
        return parents.get(r);
    }

    List<Routing.Route> path(Routing.Route r) {
        List<Routing.Route> chain = new ArrayList<>();
        for (Routing.Route at = r; at != null; at = parents.get(at)) {
            chain.add(at);
        }
        if (chain.get(chain.size() - 1) != root) {
            chain.add(root);
        }
        Collections.reverse(chain);
        return List.copyOf(chain);
    }

    /**
     * The labels that leave open whether the walk notifies {@code r}: a matcher on the way that may or may not
     * hold, an earlier sibling that may take the alert and stop the walk, or a child that may take it instead.
     */
    private Set<String> unknown(Routing.Route r, AlertLabels l) {
        Set<String> out = new LinkedHashSet<>();
        for (Routing.Route at = r; at != null; at = parents.get(at)) {
            undecided(at.matchers(), l, out);
            for (Routing.Route before : siblings.get(at)) {
                if (before == at) {
                    break;
                }
                if (!before.continueMatching() && semantics.matchesAll(before.matchers(), l) == Truth.MAYBE) {
                    undecided(before.matchers(), l, out);
                }
            }
        }
        for (Routing.Route child : r.children()) {
            if (semantics.matchesAll(child.matchers(), l) == Truth.MAYBE) {
                undecided(child.matchers(), l, out);
            }
        }
        return out;
    }

    private void undecided(List<Routing.Matcher> matchers, AlertLabels l, Set<String> out) {
        for (Routing.Matcher m : matchers) {
            if (semantics.matches(m, l) == Truth.MAYBE) {
                out.add(m.label());
            }
        }
    }

    /** The group settings of the route that notifies, inherited down {@code path} as Alertmanager does. */
    static Timing timing(List<Routing.Route> path) {
        Setting<List<String>> groupBy = new Setting<>(List.of(), null);
        Setting<Long> wait = new Setting<>(DEFAULT_GROUP_WAIT, null);
        Setting<Long> interval = new Setting<>(DEFAULT_GROUP_INTERVAL, null);
        Setting<Long> repeat = new Setting<>(DEFAULT_REPEAT_INTERVAL, null);
        for (Routing.Route r : path) {
            if (!r.groupBy().isEmpty()) {
                groupBy = new Setting<>(r.groupBy(), r);
            }
            if (r.groupWaitMillis() != Routing.Route.INHERITED) {
                wait = new Setting<>(r.groupWaitMillis(), r);
            }
            if (r.groupIntervalMillis() != Routing.Route.INHERITED) {
                interval = new Setting<>(r.groupIntervalMillis(), r);
            }
            if (r.repeatIntervalMillis() != Routing.Route.INHERITED) {
                repeat = new Setting<>(r.repeatIntervalMillis(), r);
            }
        }
        return new Timing(groupBy, wait, interval, repeat);
    }

    /** The inhibit rules whose target side may match the alert, with the alerts that may silence it. */
    List<Inhibit> inhibitedBy(Rule.Alert a) {
        return inhibits(a, true);
    }

    /** The inhibit rules whose source side may match the alert, with the alerts it may silence. */
    List<Inhibit> inhibiting(Rule.Alert a) {
        return inhibits(a, false);
    }

    private List<Inhibit> inhibits(Rule.Alert a, boolean asTarget) {
        AlertLabels self = labels(a);
        List<Inhibit> out = new ArrayList<>();
        for (int i : (asTarget ? targetRules : sourceRules).candidates(self)) {
            Inhibitions.Rule rule = rules.get(i);
            Truth side = semantics.matchesAll(asTarget ? rule.target() : rule.source(), self);
            if (side == Truth.NO) {
                continue;
            }
            List<String> others = new ArrayList<>();
            for (Named n : (asTarget ? sources.get(i) : targets.get(i)).candidates(self)) {
                if (!n.name().equals(a.name()) && mayAgree(rule.equal(), self, n.labels())) {
                    others.add(n.name());
                }
            }
            Collections.sort(others);
            // The default severity rules silence the same alert at a lower level: only worth a line when some alert is on the other side.
            if (rule.declared() != null || !others.isEmpty()) {
                out.add(new Inhibit(rule, side == Truth.MAYBE, others));
            }
        }
        return out;
    }

    /** Whether the {@code equal} labels may have the same value on both alerts: not when both values are known and differ. */
    private static boolean mayAgree(List<String> equal, AlertLabels x, AlertLabels y) {
        for (String label : equal) {
            String a = x.value(label);
            String b = y.value(label);
            if (a != null && b != null && !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    /** A matcher as the DSL writes it: {@code severity >= critical}, {@code team = "db"}. */
    static String text(Routing.Matcher m) {
        return switch (m.op()) {
            case ">=", ">", "<=", "<" -> m.label() + " " + m.op() + " " + m.value();
            default -> m.label() + " " + m.op() + " " + Strings.quote(m.value());
        };
    }

    static String text(List<Routing.Matcher> matchers) {
        return matchers.isEmpty() ? "every alert" : String.join(", ", matchers.stream().map(AlertRoutes::text).toList());
    }

    /** The known labels of the alert, sorted, for the page and for amtool. */
    static Map<String, String> known(LabelSet carried) {
        Map<String, String> out = new TreeMap<>();
        carried.labels().forEach((name, l) -> {
            if (l.definite() && l.value() != null) {
                out.put(name, l.value());
            }
        });
        return out;
    }
}
