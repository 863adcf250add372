package dev.vigil.compiler.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Long sibling lists are walked through an index of their equality matchers; the walk must take the
 * same routes, in the same order, as trying every route. Random trees mix indexed and unindexed
 * routes, {@code continue}, children and default routes, on known, absent and unknown label values.
 */
class SiblingIndexTest {
    private static final SeverityOrder ORDER = new SeverityOrder(List.of("page", "critical", "warning", "info"), Span.NONE);
    private static final List<String> LABELS = List.of("team", "service", "severity", "env");
    private static final List<String> VALUES = List.of("", "a", "b", "c", "page", "critical", "warning");

    @Property(tries = 300)
    void theIndexTakesTheRoutesEveryRouteWouldTake(@ForAll long seed) {
        Random random = new Random(seed);
        List<Routing.Route> routes = routes(random, 16 + random.nextInt(30), 0);
        AlertRouting indexed = new AlertRouting(ORDER, 16);
        AlertRouting plain = new AlertRouting(ORDER, Integer.MAX_VALUE);
        for (int i = 0; i < 20; i++) {
            AlertLabels labels = labels(random);
            assertEquals(plain.reach(routes, labels), indexed.reach(routes, labels), "reach, seed " + seed);
            assertEquals(plain.passes(routes, labels), indexed.passes(routes, labels), "passes, seed " + seed);
        }
    }

    private static List<Routing.Route> routes(Random random, int count, int depth) {
        List<Routing.Route> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Routing.Matcher> matchers = new ArrayList<>();
            for (int m = random.nextInt(3); m > 0; m--) {
                String op = List.of("=", "=", "=", "!=", "=~", ">=").get(random.nextInt(6));
                String label = op.equals(">=") ? "severity" : LABELS.get(random.nextInt(LABELS.size()));
                String value = op.equals(">=") ? "critical" : op.equals("=~") ? "a|b" : VALUES.get(random.nextInt(VALUES.size()));
                matchers.add(new Routing.Matcher(label, op, value, Span.NONE));
            }
            List<Routing.Route> children = depth < 2 && random.nextInt(4) == 0
                    ? routes(random, random.nextBoolean() ? 3 : 20, depth + 1) : List.of();
            boolean isDefault = depth == 0 && random.nextInt(count) == 0;
            out.add(new Routing.Route(isDefault, isDefault ? List.of() : matchers,
                    new Ref(Ref.Kind.RECEIVER, "r" + depth + "_" + i, null, Span.NONE), List.of(), Routing.Route.INHERITED,
                    Routing.Route.INHERITED, Routing.Route.INHERITED, random.nextInt(5) == 0, List.of(), List.of(), children,
                    Span.NONE));
        }
        return out;
    }

    /** Each label known, absent ("") or unknown (null). */
    private static AlertLabels labels(Random random) {
        Map<String, String> values = new HashMap<>();
        for (String label : LABELS) {
            int pick = random.nextInt(VALUES.size() + 1);
            values.put(label, pick == VALUES.size() ? null : VALUES.get(pick));
        }
        return values::get;
    }
}
