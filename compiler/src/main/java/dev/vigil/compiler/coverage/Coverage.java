package dev.vigil.compiler.coverage;

import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.TestCoverage;
import dev.vigil.compiler.model.TestCoverage.Kind;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * What a project's tests exercise, decided from the compiled project alone (no tool runs): each
 * object that can be tested, with its coverage points and whether a test meets each.
 * <ul>
 * <li>an alert: {@code fires} (an {@code expect alert} of it), {@code silent} (an {@code expect no
 *     alert} of it) and, when its query reads a counter through {@code rate}, {@code irate} or
 *     {@code increase} (itself or through recording rules), {@code no_traffic}: a test that expects it
 *     silent while every input series those functions read is absent or flat;
 * <li>a route: {@code reached}, by a routing test case that the route walker takes through it;
 * <li>an {@code inhibit}: {@code inhibits}, by a routing test case it silences;
 * <li>a recording rule: {@code read}, by an {@code expect value} whose query reads it, or an
 *     expectation of an alert that does (directly or through other recording rules);
 * <li>an SLO: the three alert points for each of its burn-rate alerts, met by the tests lowering
 *     generates ({@code scenarios}) or by written ones.
 * </ul>
 * {@link Coverages#of} computes it; the shares below count points, not objects.
 */
public record Coverage(List<Item> items) {
    public Coverage {
        items = List.copyOf(items);
    }

    /** A point met by nothing. */
    public static final List<Witness> NONE = List.of();

    /**
     * One object: its kind, service (null for routing), name as reports show it, declaration, points,
     * the metrics whose rate it reads (an alert's or an SLO's, for the no-traffic point) and, for an
     * SLO, the scenarios lowering generated for it.
     */
    public record Item(Kind kind, String service, String name, Span span, List<Point> points, List<String> rateInputs,
            List<String> scenarios) {
        public Item {
            points = List.copyOf(points);
            rateInputs = List.copyOf(rateInputs);
            scenarios = List.copyOf(scenarios);
        }

        public boolean covered() {
            return points.stream().allMatch(Point::covered);
        }

        public List<Point> missing() {
            return points.stream().filter(p -> !p.covered()).toList();
        }

        /** The point called {@code name}, or null (an alert that reads no rate has no {@code no traffic}). */
        public Point point(String name) {
            return points.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * One thing a test must show: {@code name} is {@code fires}, {@code silent}, {@code no_traffic},
     * {@code reached}, {@code inhibits} or {@code read}; {@code alert} names the burn-rate alert of an
     * SLO's point (null elsewhere); {@code by} are the tests that meet it.
     */
    public record Point(String name, String alert, List<Witness> by) {
        public Point {
            by = List.copyOf(by);
        }

        /** The name as reports print it: {@code no traffic}. */
        public String label() {
            return name.replace('_', ' ');
        }

        public boolean covered() {
            return !by.isEmpty();
        }
    }

    /** A test, or a routing test's case, that meets a point. */
    public record Witness(String test, Span span) {
    }

    public static final String FIRES = "fires";
    public static final String SILENT = "silent";
    public static final String NO_TRAFFIC = "no_traffic";
    public static final String REACHED = "reached";
    public static final String INHIBITS = "inhibits";
    public static final String READ = "read";

    /** The objects of these kinds. */
    public List<Item> of(Set<Kind> kinds) {
        return items.stream().filter(i -> kinds.contains(i.kind())).toList();
    }

    public long points(Set<Kind> kinds) {
        return of(kinds).stream().mapToLong(i -> i.points().size()).sum();
    }

    public long covered(Set<Kind> kinds) {
        return of(kinds).stream().flatMap(i -> i.points().stream()).filter(Point::covered).count();
    }

    /** The share of points met, rounded down to a tenth: 99.9, never 100 while one point is missing; 100 with none. */
    public BigDecimal percent(Set<Kind> kinds) {
        long total = points(kinds);
        if (total == 0) {
            return BigDecimal.valueOf(100);
        }
        return BigDecimal.valueOf(covered(kinds) * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.FLOOR)
                .stripTrailingZeros();
    }

    /** Whether the points met reach {@code minimum} percent of these kinds' points, exactly. */
    public boolean meets(BigDecimal minimum, Set<Kind> kinds) {
        long total = points(kinds);
        return total == 0 || BigDecimal.valueOf(covered(kinds) * 100).compareTo(minimum.multiply(BigDecimal.valueOf(total))) >= 0;
    }

    /** Whether {@code requirement} holds; one without a minimum always does. */
    public boolean meets(TestCoverage requirement) {
        return !requirement.required() || meets(requirement.minimumPercent(), requirement.kinds());
    }

    /** Whether the alert is a burn-rate alert lowering generated for an SLO. */
    static boolean ofSlo(Rule.Alert a) {
        return a.origin() instanceof Origin.FromSlo f && f.burn() != null;
    }
}
