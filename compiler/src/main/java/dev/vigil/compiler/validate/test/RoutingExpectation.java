package dev.vigil.compiler.validate.test;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.routing.AlertLabels;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.Inhibitions;
import dev.vigil.compiler.routing.TestAlerts;
import dev.vigil.compiler.routing.Truth;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * A routing test case the routing does not meet, found at {@code vigil check} with the routing
 * semantics of {@link AlertRouting} and the inhibition semantics of {@link Inhibitions}, rather than
 * when amtool runs (which cannot test inhibitions at all):
 * <ul>
 * <li>{@code {labels} expect r1, r2}: the alert reaches other receivers, or the same in another order;
 *     the message names the routes that take it and the hint why the expected one does not;
 * <li>{@code TARGET while SOURCE expect inhibited} (or {@code not inhibited}): no inhibit rule
 *     silences the target while the source fires (the message names the nearest rule and what fails),
 *     or one does.
 * </ul>
 * An alert written by name ({@code alert ApiDown}) takes its labels from {@link TestAlerts}; a name no
 * alert has is {@code Reference.Unknown}, and a name with written labels that fit no alert of that
 * name, or several with different labels, is reported here. Cases whose outcome Vigil cannot decide
 * (a regex that is not RE2, an undeclared severity, an unknown receiver: other checks report those)
 * are left alone.
 */
public final class RoutingExpectation implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Routing routing = project.routing();
        if (routing == null || routing.tests().isEmpty()) {
            return;
        }
        TestAlerts alerts = new TestAlerts(project, analysis.labels());
        AlertRouting semantics = AlertRouting.of(project);
        Inhibitions inhibitions = Inhibitions.of(project);
        Set<String> receivers = new HashSet<>();
        routing.receivers().forEach(r -> receivers.add(r.name()));
        // Without routes Vigil writes no Alertmanager configuration: there is nothing to judge the cases by.
        boolean written = !routing.routes().isEmpty();
        for (Routing.RouteTest t : routing.tests()) {
            Optional<SortedMap<String, String>> target = labels(t.alert(), alerts, sink);
            Optional<SortedMap<String, String>> source = t.source() == null ? Optional.empty()
                    : labels(t.source(), alerts, sink);
            if (target.isEmpty() || !written) {
                continue;
            }
            if (t.isInhibition()) {
                source.ifPresent(s -> inhibition(t, target.get(), s, inhibitions, sink));
            } else if (t.receivers().stream().allMatch(r -> receivers.contains(r.name()))
                    && decided(routing.routes(), AlertLabels.of(target.get()), semantics)) {
                receivers(t, target.get(), routing, semantics, sink);
            }
        }
    }

    // ------------------------------------------------------------------ the alerts

    /** The labels of a test's alert, or empty after reporting why it names no one alert. */
    private Optional<SortedMap<String, String>> labels(Routing.TestAlert a, TestAlerts alerts, DiagnosticSink sink) {
        TestAlerts.Resolution r = alerts.resolve(a);
        Ref ref = a.alert();
        if (r instanceof TestAlerts.Labels l) {
            return Optional.of(l.labels());
        } else if (r instanceof TestAlerts.Unknown u) {
            // Reported as every unknown name is, with the id that `checks { }` and `vigil --explain` know it by.
            String near = Suggest.closest(ref.name(), u.known());
            sink.report(Diagnostic.error(Ids.REFERENCE_UNKNOWN, ref.span(), "Unknown alert `" + ref.name() + "`.",
                    near != null ? "Did you mean `" + near + "`?" : "No alert by that name is declared."));
        } else if (r instanceof TestAlerts.Conflict c) {
            String own = c.own() == null ? "never carries `" + c.label() + "`"
                    : "carries `" + c.label() + "=" + Strings.quote(c.own()) + "`";
            sink.error(id(), a.span(), "`" + ref.name() + "` " + own + ", so no alert of it has `" + c.label() + "="
                    + Strings.quote(c.given()) + "`.",
                    c.own() == null ? "Remove `" + c.label() + "`: neither its static labels nor its query give it."
                            : "Remove `" + c.label() + "`; the alert's own value applies.");
        }
        // Ambiguous: several alerts of one name are Name.Duplicate's error; the case is not judged.
        return Optional.empty();
    }

    /** How a test's alert is named in messages: by the alert's name, or by its labels. */
    private static String subject(Routing.TestAlert a, Map<String, String> labels) {
        return a.alert() != null ? "`" + a.alert().name() + "`" : "`" + show(labels) + "`";
    }

    // ------------------------------------------------------------------ receivers

    private void receivers(Routing.RouteTest t, SortedMap<String, String> labels, Routing routing,
            AlertRouting semantics, DiagnosticSink sink) {
        AlertLabels alert = AlertLabels.of(labels);
        List<Routing.Route> taken = semantics.reach(routing.routes(), alert);
        List<String> actual = taken.stream().map(RoutingExpectation::receiver).toList();
        List<String> expected = t.receivers().stream().map(Ref::name).toList();
        if (actual.equals(expected)) {
            return;
        }
        boolean reordered = actual.size() == expected.size() && new HashSet<>(actual).equals(new HashSet<>(expected));
        String reaches = actual.isEmpty() ? "reaches no receiver" : "reaches " + names(actual)
                + (reordered ? " in this order" : "");
        String message = subject(t.alert(), labels) + " " + reaches + ", not " + names(expected) + ": "
                + why(taken, expected, routing.routes(), alert, semantics) + ".";
        List<String> hints = new ArrayList<>();
        for (String missing : expected) {
            if (!actual.contains(missing)) {
                hints.add(whyNot(missing, routing.routes(), taken, alert, semantics));
            }
        }
        if (hints.isEmpty()) {
            hints.add("amtool compares every receiver, in the order the routes match: `expect "
                    + String.join(", ", actual) + "`, or change the routes.");
        }
        if (t.alert().alert() != null) {
            hints.add("Its labels: `" + show(labels) + "`.");
        }
        sink.error(id(), t.span(), message, String.join(" ", hints));
    }

    /** The routes that take the alert; "first" when a later route to an expected receiver matches it too. */
    private static String why(List<Routing.Route> taken, List<String> expected, List<Routing.Route> routes,
            AlertLabels alert, AlertRouting semantics) {
        if (taken.isEmpty()) {
            // No `route default` (it is missing, or damaged while it is being typed): nothing takes it.
            return "no route takes it";
        }
        if (taken.size() == 1) {
            Routing.Route r = taken.get(0);
            if (r.isDefault()) {
                return "no route matches it, so `route default` (" + at(r.span()) + ") takes it";
            }
            boolean first = expected.stream().anyMatch(e -> paths(routes, e).stream()
                    .anyMatch(p -> after(p.get(p.size() - 1), r) && p.stream()
                            .allMatch(x -> semantics.matchesAll(x.matchers(), alert) == Truth.YES)));
            return "the route at " + at(r.span()) + " takes it" + (first ? " first" : "");
        }
        List<String> where = new ArrayList<>();
        for (Routing.Route r : taken) {
            where.add((r.isDefault() ? "`route default` at " : "") + at(r.span())
                    + (r.continueMatching() ? " (`continue`)" : ""));
        }
        return "the routes at " + String.join(", ", where.subList(0, where.size() - 1)) + " and "
                + where.get(where.size() - 1) + " take it";
    }

    /** Why no route to {@code receiver} takes the alert, from the first route to it. */
    private static String whyNot(String receiver, List<Routing.Route> routes, List<Routing.Route> taken,
            AlertLabels alert, AlertRouting semantics) {
        List<List<Routing.Route>> paths = paths(routes, receiver);
        if (paths.isEmpty()) {
            return "No route sends to `" + receiver + "`.";
        }
        List<Routing.Route> path = paths.get(0);
        Routing.Route to = path.get(path.size() - 1);
        for (Routing.Route r : path) {
            for (Routing.Matcher m : r.matchers()) {
                if (semantics.matches(m, alert) == Truth.NO) {
                    String value = alert.value(m.label());
                    String has = value.isEmpty() ? "no `" + m.label() + "`"
                            : "`" + m.label() + "=" + Strings.quote(value) + "`";
                    return "The route to `" + receiver + "` at " + at(to.span()) + " needs `" + show(m) + "`"
                            + (r == to ? "" : " (on the route at " + at(r.span()) + ")") + ", and the alert has " + has + ".";
                }
            }
        }
        // The walk stopped at the first route that took the alert without `continue`.
        Routing.Route stop = taken.stream().filter(r -> !r.continueMatching()).findFirst().orElse(null);
        return "The route to `" + receiver + "` at " + at(to.span()) + " matches it too, but "
                + (stop == null ? "a route before it takes it"
                        : "the route at " + at(stop.span()) + " comes first and has no `continue`")
                + ".";
    }

    /** Every chain of routes, root first, that ends at a route to {@code receiver}, in the order Alertmanager tries them. */
    private static void paths(List<Routing.Route> routes, List<Routing.Route> above, String receiver,
            List<List<Routing.Route>> out) {
        List<Routing.Route> ordered = new ArrayList<>();
        routes.stream().filter(r -> !r.isDefault()).forEach(ordered::add);
        routes.stream().filter(Routing.Route::isDefault).forEach(ordered::add);
        for (Routing.Route r : ordered) {
            List<Routing.Route> path = new ArrayList<>(above);
            path.add(r);
            if (receiver.equals(receiver(r))) {
                out.add(path);
            }
            paths(r.children(), path, receiver, out);
        }
    }

    private static List<List<Routing.Route>> paths(List<Routing.Route> routes, String receiver) {
        List<List<Routing.Route>> out = new ArrayList<>();
        paths(routes, new ArrayList<>(), receiver, out);
        return out;
    }

    /** Whether Alertmanager tries {@code later} after {@code r}: it is written after it, or is the default. */
    private static boolean after(Routing.Route later, Routing.Route r) {
        return later.isDefault() || later.span() != null && r.span() != null && r.span().compareTo(later.span()) < 0;
    }

    /** Whether every matcher of every route is decided on these labels. */
    private static boolean decided(List<Routing.Route> routes, AlertLabels alert, AlertRouting semantics) {
        for (Routing.Route r : routes) {
            if (r.matchers().stream().anyMatch(m -> semantics.matches(m, alert) == Truth.MAYBE)
                    || !decided(r.children(), alert, semantics)) {
                return false;
            }
        }
        return true;
    }

    private static String receiver(Routing.Route r) {
        return r.receiver() == null ? "" : r.receiver().name();
    }

    // ------------------------------------------------------------------ inhibitions

    private void inhibition(Routing.RouteTest t, SortedMap<String, String> target, SortedMap<String, String> source,
            Inhibitions inhibitions, DiagnosticSink sink) {
        List<Inhibitions.Verdict> verdicts = inhibitions.verdicts(target, source);
        Optional<Inhibitions.Verdict> inhibits = verdicts.stream()
                .filter(v -> v.effect() == Inhibitions.Effect.INHIBITS).findFirst();
        boolean undecided = verdicts.stream().anyMatch(v -> v.effect() == Inhibitions.Effect.UNDECIDED);
        if (inhibits.isPresent() == t.inhibited() || inhibits.isEmpty() && undecided) {
            return;
        }
        String pair = subject(t.alert(), target) + " is " + (t.inhibited() ? "not " : "") + "inhibited while "
                + subject(t.source(), source) + " fires: ";
        List<String> hints = new ArrayList<>();
        String message;
        if (inhibits.isPresent()) {
            Inhibitions.Rule rule = inhibits.get().rule();
            message = pair + name(rule, inhibitions) + " silences it.";
            hints.add(rule.declared() == null
                    ? "Vigil silences each severity while a more urgent alert of the same `alertname` and `service` "
                            + "fires; an `inhibit` on `severity` of your own replaces these rules."
                    : "Narrow that rule's matchers or its `on [...]` labels, or expect `inhibited`.");
        } else {
            message = pair + nearest(verdicts, target, source, inhibitions) + ".";
            hints.add("Add or correct an `inhibit TARGET while SOURCE on [labels]`, or expect `not inhibited`.");
        }
        if (t.alert().alert() != null || t.source().alert() != null) {
            hints.add("Their labels: `" + show(target) + "` and `" + show(source) + "`.");
        }
        sink.error(id(), t.span(), message, String.join(" ", hints));
    }

    /** Why the rule that came closest does not inhibit: the two-sided match, an unequal label, the source, or no rule. */
    private static String nearest(List<Inhibitions.Verdict> verdicts, Map<String, String> target,
            Map<String, String> source, Inhibitions inhibitions) {
        for (Inhibitions.Effect effect : List.of(Inhibitions.Effect.BOTH_SIDES, Inhibitions.Effect.UNEQUAL,
                Inhibitions.Effect.NOT_SOURCE)) {
            for (Inhibitions.Verdict v : verdicts) {
                if (v.effect() != effect) {
                    continue;
                }
                String rule = name(v.rule(), inhibitions);
                return switch (effect) {
                    case BOTH_SIDES -> "both alerts match both sides of " + rule
                            + ", and Alertmanager lets no such alert inhibit another";
                    case UNEQUAL -> rule + " needs the same `" + v.label() + "` on both, and it is "
                            + value(target, v.label()) + " on the target and " + value(source, v.label()) + " on the source";
                    default -> rule + " takes it as a target, but the source fails `"
                            + show(failing(v.rule().source(), source, inhibitions)) + "`";
                };
            }
        }
        return verdicts.isEmpty() ? "the routing has no inhibit rule" : "no inhibit rule takes it as a target";
    }

    private static Routing.Matcher failing(List<Routing.Matcher> matchers, Map<String, String> labels,
            Inhibitions inhibitions) {
        AlertLabels alert = AlertLabels.of(labels);
        return matchers.stream().filter(m -> inhibitions.semantics().matches(m, alert) == Truth.NO).findFirst()
                .orElse(matchers.get(0));
    }

    private static String value(Map<String, String> labels, String label) {
        String v = labels.getOrDefault(label, "");
        return v.isEmpty() ? "missing" : "`" + v + "`";
    }

    /** A rule by where it is written, or, for a default one, by what it does. */
    private static String name(Inhibitions.Rule rule, Inhibitions inhibitions) {
        if (rule.declared() != null) {
            return "the inhibit rule at " + at(rule.declared().span());
        }
        String source = rule.source().get(0).value();
        List<String> levels = inhibitions.semantics().severities().levels();
        List<String> lower = levels.subList(levels.indexOf(source) + 1, levels.size());
        return "Vigil's default inhibition of " + lower.stream().map(l -> "`" + l + "`").collect(Collectors.joining(", "))
                + " by `" + source + "`";
    }

    // ------------------------------------------------------------------ text

    /** A place as other messages name it, {@code file:line:col}. */
    private static String at(Span span) {
        return String.valueOf(span);
    }

    private static String names(List<String> receivers) {
        return receivers.stream().map(r -> "`" + r + "`").collect(Collectors.joining(", "));
    }

    /** {@code {alertname="X", severity="warning"}}, as amtool and PromQL write label sets. */
    static String show(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + Strings.quote(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A matcher as the DSL writes it: {@code severity >= critical}, {@code team = "x"}. */
    private static String show(Routing.Matcher m) {
        boolean ordering = m.op().startsWith(">") || m.op().startsWith("<");
        return m.label() + " " + m.op() + " " + (ordering ? m.value() : Strings.quote(m.value()));
    }
}
