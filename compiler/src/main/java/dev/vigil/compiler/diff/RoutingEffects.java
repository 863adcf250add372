package dev.vigil.compiler.diff;

import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Routing changes as their effects: each alert's receivers, found by walking the route tree of each
 * side with the alert's labels from the model ({@link dev.vigil.compiler.routing.AlertRouting}).
 * An alert whose own line is in the report gets its receivers there; the others are grouped by
 * service and by what changed, as {@code critical alerts of `payments` now reach ... instead of ...}.
 */
final class RoutingEffects {
    private RoutingEffects() {
    }

    private record Shift(String service, TreeSet<String> before, TreeSet<String> after) {
    }

    static void compare(Side before, Side after, Changes out) {
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        Map<String, Shift> shifts = new TreeMap<>();
        Set<String> matched = matchedLabels(after.project.routing());
        for (Map.Entry<String, Side.AlertAt> e : after.alerts.entrySet()) {
            Side.AlertAt x = before.alerts.get(e.getKey());
            Side.AlertAt y = e.getValue();
            if (x == null) {
                continue;
            }
            labelImpacts(x.alert(), y, matched, out);
            TreeSet<String> was = before.receivers(x.alert());
            TreeSet<String> now = after.receivers(y.alert());
            if (was.equals(now)) {
                continue;
            }
            String service = y.service().name();
            Change line = out.alertLine(service, e.getKey());
            boolean defaultOnly = impacts(before, after, y, was, now, line == null, out);
            if (line != null) {
                List<Change.Field> fields = new ArrayList<>(line.fields());
                fields.add(Change.Field.of("receivers", Texts.list(was), Texts.list(now)
                        + (defaultOnly ? " (the default only)" : "")));
                out.replace(service, line, line.withFields(fields));
                continue;
            }
            String key = service + "\u0000" + was + "\u0000" + now;
            shifts.putIfAbsent(key, new Shift(service, was, now));
            groups.computeIfAbsent(key, k -> new TreeSet<>()).add(e.getKey());
        }
        groups.forEach((key, alerts) -> {
            Shift s = shifts.get(key);
            String subject = subject(after, s.service(), alerts);
            out.add(s.service(), new Change(Change.Kind.ROUTING, Change.Action.EFFECT, subject,
                    List.of(Change.Field.of("receivers", Texts.list(s.before()), Texts.list(s.after()))),
                    List.copyOf(alerts), subject + " " + effect(s.before(), s.after(), alerts.size() == 1)));
        });
    }

    /**
     * Who the effect is about: {@code critical alerts of `payments` (`A`, `B`)} when the group is
     * every alert of the service at one severity, else the alerts by name.
     */
    private static String subject(Side after, String service, TreeSet<String> alerts) {
        Set<String> severities = new TreeSet<>();
        for (String a : alerts) {
            Rule.Alert alert = after.alerts.get(a).alert();
            severities.add(alert.severity() == null ? "" : alert.severity().name());
        }
        if (severities.size() == 1 && !severities.contains("")) {
            String severity = severities.iterator().next();
            long all = after.alerts.values().stream().filter(x -> x.service().name().equals(service)
                    && x.alert().severity() != null && severity.equals(x.alert().severity().name())).count();
            if (all == alerts.size() && all > 1) {
                return severity + " alerts of " + Texts.code(service) + " (" + Texts.codes(alerts) + ")";
            }
        }
        return Texts.codes(alerts);
    }

    private static String effect(TreeSet<String> was, TreeSet<String> now, boolean one) {
        Set<String> gained = new TreeSet<>(now);
        gained.removeAll(was);
        Set<String> lost = new TreeSet<>(was);
        lost.removeAll(now);
        if (now.isEmpty()) {
            return (one ? "reaches" : "reach") + " no receiver any more (before: " + Texts.codes(was) + ")";
        }
        if (lost.isEmpty()) {
            return "now also " + (one ? "reaches " : "reach ") + Texts.codes(gained);
        }
        if (gained.isEmpty()) {
            return "no longer " + (one ? "reaches " : "reach ") + Texts.codes(lost) + ", only " + Texts.codes(now);
        }
        return "now " + (one ? "reaches " : "reach ") + Texts.codes(now) + " instead of " + Texts.codes(was);
    }

    /**
     * Reports what the new receivers break; returns whether the alert now reaches only the default
     * receiver, which is a note of its own unless the alert's own line says so ({@code noted} false).
     */
    private static boolean impacts(Side before, Side after, Side.AlertAt y, TreeSet<String> was, TreeSet<String> now,
            boolean noted, Changes out) {
        String service = y.service().name();
        String name = y.alert().name();
        String page = after.pageSeverity();
        boolean pageLevel = page != null && y.alert().severity() != null && page.equals(y.alert().severity().name());
        Set<String> lost = new TreeSet<>(was);
        lost.removeAll(now);
        if (pageLevel && !lost.isEmpty()) {
            out.impact(new Impact(Impact.Type.RECEIVER_LOST, true, service, "The " + page + " alert " + Texts.code(name)
                    + " no longer reaches " + Texts.codes(lost) + "."));
        }
        String fallback = after.defaultReceiver();
        String oldFallback = before.defaultReceiver();
        boolean hadOwn = was.stream().anyMatch(r -> !Objects.equals(r, oldFallback));
        boolean onlyDefault = now.stream().allMatch(r -> Objects.equals(r, fallback));
        if (hadOwn && onlyDefault && noted) {
            out.impact(new Impact(Impact.Type.DEFAULT_ONLY, false, service, "The alert " + Texts.code(name)
                    + " now reaches no receiver but the default" + (fallback == null ? "" : " (" + Texts.code(fallback)
                    + ")") + "; before, " + Texts.codes(was) + "."));
        }
        return hadOwn && onlyDefault;
    }

    /** A label the alert no longer carries while a route or inhibition of the new side matches on it. */
    private static void labelImpacts(Rule.Alert before, Side.AlertAt y, Set<String> matched, Changes out) {
        Set<String> gone = new TreeSet<>(before.labels().keySet());
        gone.removeAll(y.alert().labels().keySet());
        gone.retainAll(matched);
        for (String label : gone) {
            out.impact(new Impact(Impact.Type.LABEL_MATCHED, false, y.service().name(), "The alert "
                    + Texts.code(y.alert().name()) + " no longer has the label " + Texts.code(label)
                    + ", which routes or inhibitions match on."));
        }
    }

    /** The labels that routes and inhibitions match on or compare. */
    static Set<String> matchedLabels(Routing routing) {
        Set<String> out = new HashSet<>();
        if (routing == null) {
            return out;
        }
        List<Routing.Route> todo = new ArrayList<>(routing.routes());
        while (!todo.isEmpty()) {
            Routing.Route r = todo.remove(todo.size() - 1);
            r.matchers().forEach(m -> out.add(m.label()));
            todo.addAll(r.children());
        }
        for (Routing.Inhibition i : routing.inhibitions()) {
            i.target().forEach(m -> out.add(m.label()));
            i.source().forEach(m -> out.add(m.label()));
            out.addAll(i.equal());
        }
        out.remove(null);
        return out;
    }
}
