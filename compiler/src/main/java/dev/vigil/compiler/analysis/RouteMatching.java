package dev.vigil.compiler.analysis;

import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.regex.Re2;
import java.util.ArrayList;
import java.util.List;

/**
 * Alertmanager's matchers evaluated on an inferred alert label set. A label whose value is known is
 * matched exactly; a label that cannot exist is the empty string, as in Alertmanager; anything else
 * gives {@link Tri#MAYBE}. Severity orderings ({@code >=}, {@code >}, {@code <=}, {@code <})
 * compare ranks in the declared order, most urgent first.
 */
public final class RouteMatching {
    /** Three-valued truth. */
    public enum Tri {
        YES, NO, MAYBE;

        static Tri of(boolean b) {
            return b ? YES : NO;
        }

        Tri and(Tri o) {
            if (this == NO || o == NO) {
                return NO;
            }
            return this == YES && o == YES ? YES : MAYBE;
        }
    }

    /** Where an alert can end up: the routes it reaches, and whether that is certain. */
    public record Reach(List<Routing.Route> routes, boolean certain) {
    }

    private RouteMatching() {
    }

    public static Tri matches(List<Routing.Matcher> matchers, LabelSet labels, SeverityOrder order) {
        Tri all = Tri.YES;
        for (Routing.Matcher m : matchers) {
            all = all.and(matches(m, labels, order));
            if (all == Tri.NO) {
                return Tri.NO;
            }
        }
        return all;
    }

    public static Tri matches(Routing.Matcher m, LabelSet labels, SeverityOrder order) {
        if (m == null || m.label() == null || m.op() == null || m.value() == null) {
            return Tri.MAYBE;
        }
        String value;
        LabelSet.Label l = labels.get(m.label());
        if (l != null && l.definite() && l.value() != null) {
            value = l.value();
        } else if (labels.cannotHave(m.label())) {
            value = "";
        } else {
            return Tri.MAYBE;
        }
        return switch (m.op()) {
            case "=" -> Tri.of(value.equals(m.value()));
            case "!=" -> Tri.of(!value.equals(m.value()));
            case "=~", "!~" -> Re2.ALERTMANAGER.matches(m.value(), value)
                    .map(hit -> Tri.of(m.op().equals("=~") == hit)).orElse(Tri.MAYBE);
            case ">=", ">", "<=", "<" -> {
                int have = order.rank(value);
                int want = order.rank(m.value());
                if (want < 0) {
                    yield Tri.MAYBE;
                }
                if (have < 0) {
                    yield Tri.NO;
                }
                yield Tri.of(switch (m.op()) {
                    case ">=" -> have <= want;
                    case ">" -> have < want;
                    case "<=" -> have >= want;
                    default -> have > want;
                });
            }
            default -> Tri.MAYBE;
        };
    }

    /**
     * The routes (not counting {@code route default}) an alert with these labels may be notified
     * through, walking the tree as Alertmanager does: children in order, the first match wins unless
     * it has {@code continue}, a route with no matching child handles the alert itself. {@code
     * certain} is false when a matcher could not be decided.
     */
    public static Reach reach(List<Routing.Route> routes, LabelSet labels, SeverityOrder order) {
        List<Routing.Route> out = new ArrayList<>();
        boolean[] certain = {true};
        walk(routes, labels, order, out, certain, 0);
        return new Reach(out, certain[0]);
    }

    /** Returns whether some route among {@code routes} certainly took the alert. */
    private static boolean walk(List<Routing.Route> routes, LabelSet labels, SeverityOrder order,
            List<Routing.Route> out, boolean[] certain, int depth) {
        if (depth > 100) {
            certain[0] = false;
            return false;
        }
        boolean taken = false;
        for (Routing.Route r : routes) {
            if (r == null || r.isDefault()) {
                continue;
            }
            Tri t = matches(r.matchers(), labels, order);
            if (t == Tri.NO) {
                continue;
            }
            if (t == Tri.MAYBE) {
                certain[0] = false;
            }
            boolean childTook = walk(r.children(), labels, order, out, certain, depth + 1);
            if (!childTook) {
                out.add(r);
            }
            if (t == Tri.YES) {
                taken = true;
                if (!r.continueMatching()) {
                    break;
                }
            }
        }
        return taken;
    }
}
