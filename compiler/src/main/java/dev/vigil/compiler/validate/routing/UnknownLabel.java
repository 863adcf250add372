package dev.vigil.compiler.validate.routing;

import dev.vigil.compiler.analysis.AlertSources;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.Truth;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route matcher ({@code =} or {@code =~}, not accepting the empty value) on a label that no alert
 * of the project carries, or on a value none of them has: the route can never take an alert, and
 * the alerts meant for it go elsewhere. Reported at the matcher, with "did you mean" over the labels
 * (or values) alerts do carry. An alert carries its static labels, {@code severity},
 * {@code alertname}, its service's labels and the labels of its query's result; where the query's
 * labels are not all known, any label may come from it, so only a near miss of a known label is
 * reported, as a warning.
 *
 * <ul>
 * <li>Error: no alert can carry the label (every alert's labels are known); or every alert that can
 *     carry it has a known value, none is accepted, and the value is a near miss of one of them.
 * <li>Warning: some alert's query may carry labels not known here, no alert is known to carry the
 *     label, and it is a near miss of one they do carry ({@code tem} for {@code team}).
 * </ul>
 * A value no alert has that is no near miss is not reported: routes for other teams' alerts, or
 * written ahead of them, are common in a shared configuration.
 * A route on a declared severity that no alert has yet is not reported.
 * Only Vigil sources are checked: an Alertmanager configuration given to {@code vigil lint} also
 * takes alerts from rule files it is not linted with.
 */
public final class UnknownLabel implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Routing routing = project.routing();
        if (routing == null || routing.routes().isEmpty() || !project.fromVigilSources()) {
            return;
        }
        List<LabelSet> alerts = new ArrayList<>();
        for (AlertSources.Owned o : AlertSources.of(project).alerts()) {
            alerts.add(analysis.labels().alertLabels(o.alert()));
        }
        if (alerts.isEmpty()) {
            return;
        }
        boolean anyOpen = alerts.stream().anyMatch(LabelSet::open);
        Set<String> carried = new TreeSet<>();
        alerts.forEach(l -> carried.addAll(l.names()));
        AlertRouting semantics = AlertRouting.of(project);
        Map<String, Values> byLabel = new HashMap<>();
        for (Routing.Matcher m : matchers(routing.routes())) {
            if (!(m.op().equals("=") || m.op().equals("=~")) || semantics.holds(m, "") != Truth.NO) {
                continue;
            }
            // A route for a declared severity that no alert has yet is written ahead, not by mistake.
            if (m.label().equals("severity") && semantics.severities().levels().contains(m.value())) {
                continue;
            }
            if (!carried.contains(m.label())) {
                reportLabel(m, anyOpen, carried, sink);
            } else {
                reportValue(m, byLabel.computeIfAbsent(m.label(), l -> Values.of(l, alerts)), semantics, sink);
            }
        }
    }

    private void reportLabel(Routing.Matcher m, boolean anyOpen, Set<String> carried, DiagnosticSink sink) {
        String near = Suggest.closest(m.label(), carried);
        String hint = near != null ? "Did you mean `" + near + "`?"
                : "Alerts carry " + list(carried) + "; give the alerts this label, or match on one of those.";
        if (!anyOpen) {
            sink.error(id(), m.span(), "No alert carries the label `" + m.label() + "`, so this route never matches.",
                    hint);
        } else if (near != null) {
            sink.warning(id(), m.span(), "No alert is known to carry the label `" + m.label()
                    + "`, so this route can only match alerts whose query brings it.", hint);
        }
    }

    /**
     * The values alerts have for one label; {@code null} when some alert that can carry it has no
     * known definite value. Computed once per label: a project with a route per service has as many
     * matchers as services, each of which would otherwise read every alert.
     */
    private record Values(Set<String> known) {
        static Values of(String name, List<LabelSet> alerts) {
            Set<String> values = new TreeSet<>();
            for (LabelSet l : alerts) {
                LabelSet.Label label = l.get(name);
                if (label == null) {
                    if (l.open()) {
                        return new Values(null);
                    }
                    continue;
                }
                if (label.value() == null || !label.definite()) {
                    return new Values(null);
                }
                values.add(label.value());
            }
            return new Values(values);
        }
    }

    /** When every alert that can carry the label has a known value, one of them must be accepted. */
    private void reportValue(Routing.Matcher m, Values carried, AlertRouting semantics, DiagnosticSink sink) {
        Set<String> values = carried.known();
        if (values == null || m.op().equals("=") && values.contains(m.value())) {
            return;
        }
        for (String v : m.op().equals("=") ? Set.<String>of() : values) {
            if (semantics.holds(m, v) != Truth.NO) {
                return;
            }
        }
        // A near miss of a value alerts have is a typo; another value is a route for alerts from elsewhere
        // (another team's, another Prometheus's), or written ahead of them.
        String near = m.op().equals("=") ? Suggest.closest(m.value(), values) : null;
        if (near != null) {
            sink.error(id(), m.span(), "No alert has `" + m.label() + "` = `" + m.value() + "`, so this route never matches.",
                    "Did you mean `" + near + "`?");
        }
    }

    private static List<Routing.Matcher> matchers(List<Routing.Route> routes) {
        List<Routing.Matcher> out = new ArrayList<>();
        Deque<Routing.Route> todo = new ArrayDeque<>(routes);
        while (!todo.isEmpty()) {
            Routing.Route r = todo.pop();
            if (r == null) {
                continue;
            }
            r.matchers().stream().filter(m -> m != null && m.label() != null && m.op() != null && m.value() != null)
                    .forEach(out::add);
            todo.addAll(r.children());
        }
        return out;
    }

    private static String list(Set<String> names) {
        List<String> quoted = names.stream().limit(8).map(n -> "`" + n + "`").toList();
        return String.join(", ", quoted) + (names.size() > 8 ? " ..." : "");
    }
}
