package dev.vigil.compiler.diff;

import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.secret.Secrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The project's routing configuration: receivers, routes (by their matchers, so a route sent to
 * another receiver reads as a change), inhibitions and time intervals added, removed or changed.
 * What these changes do to alerts is {@link RoutingEffects}'s.
 */
final class RoutingDiff {
    private RoutingDiff() {
    }

    static void compare(Routing before, Routing after, Changes out) {
        Routing a = before == null ? Routing.EMPTY : before;
        Routing b = after == null ? Routing.EMPTY : after;
        receivers(a, b, out);
        routes(a, b, out);
        Map<String, Integer> inhibitA = count(a.inhibitions().stream().map(RoutingDiff::inhibition).toList());
        Map<String, Integer> inhibitB = count(b.inhibitions().stream().map(RoutingDiff::inhibition).toList());
        for (String text : union(inhibitA.keySet(), inhibitB.keySet())) {
            int diff = inhibitB.getOrDefault(text, 0) - inhibitA.getOrDefault(text, 0);
            if (diff > 0) {
                out.project(Change.added(Change.Kind.INHIBITION, text, ""));
            } else if (diff < 0) {
                out.project(Change.removed(Change.Kind.INHIBITION, text, ""));
            }
        }
        Map<String, Routing.TimeInterval> ta = byName(a.timeIntervals(), Routing.TimeInterval::name);
        Map<String, Routing.TimeInterval> tb = byName(b.timeIntervals(), Routing.TimeInterval::name);
        for (String name : union(ta.keySet(), tb.keySet())) {
            Routing.TimeInterval x = ta.get(name);
            Routing.TimeInterval y = tb.get(name);
            if (x == null || y == null) {
                out.project(x == null ? Change.added(Change.Kind.TIME_INTERVAL, name, "")
                        : Change.removed(Change.Kind.TIME_INTERVAL, name, ""));
                continue;
            }
            List<Change.Field> f = new ArrayList<>();
            field(f, "weekdays", x.weekdays(), y.weekdays());
            field(f, "times", x.times(), y.times());
            field(f, "months", x.months(), y.months());
            field(f, "days_of_month", x.daysOfMonth(), y.daysOfMonth());
            field(f, "location", x.location(), y.location());
            if (!f.isEmpty()) {
                out.project(Change.changed(Change.Kind.TIME_INTERVAL, name, f));
            }
        }
    }

    private static void receivers(Routing a, Routing b, Changes out) {
        Map<String, Routing.Receiver> ra = byName(a.receivers(), Routing.Receiver::name);
        Map<String, Routing.Receiver> rb = byName(b.receivers(), Routing.Receiver::name);
        for (String name : union(ra.keySet(), rb.keySet())) {
            Routing.Receiver x = ra.get(name);
            Routing.Receiver y = rb.get(name);
            if (x == null) {
                out.project(Change.added(Change.Kind.RECEIVER, name, y.type().keyword()));
            } else if (y == null) {
                out.project(Change.removed(Change.Kind.RECEIVER, name, x.type().keyword()));
            } else {
                List<Change.Field> f = new ArrayList<>();
                field(f, "type", x.type().keyword(), y.type().keyword());
                for (String key : union(x.settings().keySet(), y.settings().keySet())) {
                    setting(f, key, x, y);
                }
                if (!f.isEmpty()) {
                    out.project(Change.changed(Change.Kind.RECEIVER, name, f));
                }
            }
        }
    }

    /**
     * A receiver's setting, unless unchanged. A secret is never shown, only that it changed: the
     * compiler refuses inline secrets, and the diff is not where one may surface if that ever fails.
     */
    private static void setting(List<Change.Field> out, String key, Routing.Receiver x, Routing.Receiver y) {
        Object before = x.settings().get(key);
        Object after = y.settings().get(key);
        if (Objects.equals(before, after)) {
            return;
        }
        if (secret(x, key, before) || secret(y, key, after)) {
            out.add(Change.Field.of(key, before == null ? null : SECRET, after == null ? null : "another " + SECRET));
        } else {
            out.add(Change.Field.of(key, before, after));
        }
    }

    private static final String SECRET = "secret (not shown)";

    /** Whether a setting's value, or any item or entry of it, is a secret written inline. */
    private static boolean secret(Routing.Receiver r, String key, Object value) {
        String integration = r.type() == null ? "" : r.type().keyword();
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().anyMatch(e -> Secrets.find(integration, String.valueOf(e.getKey()),
                    String.valueOf(e.getValue())).isPresent());
        }
        if (value instanceof List<?> l) {
            return l.stream().anyMatch(i -> Secrets.find(integration, key, String.valueOf(i)).isPresent());
        }
        return value != null && Secrets.find(integration, key, String.valueOf(value)).isPresent();
    }

    private static void routes(Routing a, Routing b, Changes out) {
        Map<String, Routing.Route> ra = flatten(a.routes());
        Map<String, Routing.Route> rb = flatten(b.routes());
        for (String key : union(ra.keySet(), rb.keySet())) {
            Routing.Route x = ra.get(key);
            Routing.Route y = rb.get(key);
            String name = "route " + key.replaceAll("#\\d+$", "");
            if (x == null) {
                out.project(Change.added(Change.Kind.ROUTE, name, "to " + receiver(y.receiver())));
            } else if (y == null) {
                out.project(Change.removed(Change.Kind.ROUTE, name, "to " + receiver(x.receiver())));
            } else {
                List<Change.Field> f = new ArrayList<>();
                field(f, "receiver", receiver(x.receiver()), receiver(y.receiver()));
                field(f, "group_by", x.groupBy(), y.groupBy());
                field(f, "group_wait", interval(x.groupWaitMillis()), interval(y.groupWaitMillis()));
                field(f, "group_interval", interval(x.groupIntervalMillis()), interval(y.groupIntervalMillis()));
                field(f, "repeat_interval", interval(x.repeatIntervalMillis()), interval(y.repeatIntervalMillis()));
                field(f, "continue", x.continueMatching(), y.continueMatching());
                field(f, "mute_time_intervals", refs(x.muteTimeIntervals()), refs(y.muteTimeIntervals()));
                field(f, "active_time_intervals", refs(x.activeTimeIntervals()), refs(y.activeTimeIntervals()));
                if (!f.isEmpty()) {
                    out.project(Change.changed(Change.Kind.ROUTE, name, f));
                }
            }
        }
    }

    /** Every route by the matchers on its path ({@code team = "x" › severity >= critical}), in tree order. */
    private static Map<String, Routing.Route> flatten(List<Routing.Route> routes) {
        Map<String, Routing.Route> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Map.Entry<String, Routing.Route>> todo = new ArrayList<>();
        routes.forEach(r -> todo.add(Map.entry("", r)));
        for (int i = 0; i < todo.size(); i++) {
            Map.Entry<String, Routing.Route> e = todo.get(i);
            Routing.Route r = e.getValue();
            String own = r.isDefault() ? "default" : r.matchers().stream().map(RoutingDiff::matcher)
                    .collect(Collectors.joining(", "));
            String path = e.getKey().isEmpty() ? own : e.getKey() + " › " + own;
            int n = seen.merge(path, 1, Integer::sum);
            out.put(n == 1 ? path : path + "#" + n, r);
            r.children().forEach(c -> todo.add(Map.entry(path, c)));
        }
        return out;
    }

    static String matcher(Routing.Matcher m) {
        boolean bare = "severity".equals(m.label()) || m.value() == null;
        return m.label() + " " + m.op() + " " + (bare ? m.value() : "\"" + m.value() + "\"");
    }

    private static String inhibition(Routing.Inhibition i) {
        String target = i.targetAlert() != null ? i.targetAlert().name()
                : i.target().stream().map(RoutingDiff::matcher).collect(Collectors.joining(", "));
        String source = i.sourceAlert() != null ? i.sourceAlert().name()
                : i.source().stream().map(RoutingDiff::matcher).collect(Collectors.joining(", "));
        return "inhibit " + target + " while " + source + " on " + i.equal();
    }

    private static String receiver(Ref r) {
        return r == null ? null : r.name();
    }

    private static String interval(long millis) {
        return millis == Routing.Route.INHERITED ? null : millis == 0 ? "0s" : Texts.duration(millis);
    }

    private static List<String> refs(List<Ref> refs) {
        return refs.stream().map(Ref::name).toList();
    }

    private static void field(List<Change.Field> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(Change.Field.of(name, before, after));
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> out = new TreeMap<>();
        items.forEach(i -> out.putIfAbsent(name.apply(i), i));
        return out;
    }

    private static Map<String, Integer> count(List<String> items) {
        Map<String, Integer> out = new TreeMap<>();
        items.forEach(i -> out.merge(i, 1, Integer::sum));
        return out;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
