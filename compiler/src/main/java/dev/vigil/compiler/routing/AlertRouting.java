package dev.vigil.compiler.routing;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.regex.Re2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 */
public record AlertRouting(SeverityOrder severities) {
    /** Past this depth a route tree is taken to be malformed rather than walked on. */
    private static final int MAX_DEPTH = 100;

    public static AlertRouting of(Project project) {
        return new AlertRouting(project.severities() == null ? SeverityOrder.DEFAULT : project.severities());
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
        walk(ordered(routes), labels, out, 0);
        return out;
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
        passes(ordered(routes), labels, out, 0);
        return out;
    }

    private void passes(List<Routing.Route> routes, AlertLabels labels, List<Routing.Route> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Routing.Route r : routes) {
            Truth t = matchesAll(r.matchers(), labels);
            if (t == Truth.YES) {
                out.add(r);
                passes(r.children(), labels, out, depth + 1);
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
    private boolean walk(List<Routing.Route> routes, AlertLabels labels, List<Routing.Route> out, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        boolean taken = false;
        for (Routing.Route r : routes) {
            Truth t = matchesAll(r.matchers(), labels);
            if (t == Truth.NO) {
                continue;
            }
            if (!walk(r.children(), labels, out, depth + 1)) {
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
}
