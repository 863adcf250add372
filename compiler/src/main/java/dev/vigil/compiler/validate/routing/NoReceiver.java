package dev.vigil.compiler.validate.routing;

import dev.vigil.compiler.analysis.AlertSources;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.routing.AlertLabels;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.Truth;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every alert's labels must reach a receiver through the routes. The route tree is simulated as
 * Alertmanager walks it, on the labels each alert carries (its query's labels, static labels,
 * {@code severity}, {@code alertname} and its service's labels).
 *
 * <ul>
 * <li>Error: an alert that matches no route when there is no {@code route default}.
 * <li>Warning: an alert of the most urgent severity that can only reach {@code route default}
 *     although a route exists for its team or service: some route has a matcher on {@code team},
 *     {@code service} or one of the service's labels that the alert satisfies, but the route fails
 *     on another matcher (typically the severity). Such pages land in a generic channel.
 * </ul>
 * Nothing is reported for a project without routes: its routing lives elsewhere.
 */
public final class NoReceiver implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Routing routing = project.routing();
        if (routing == null || routing.routes().isEmpty()) {
            return;
        }
        Routing.Route fallback = routing.routes().stream().filter(r -> r != null && r.isDefault()).findFirst().orElse(null);
        AlertRouting semantics = AlertRouting.of(project);
        List<String> levels = semantics.severities().levels();
        String top = levels.isEmpty() ? null : levels.get(0);
        LabelInference li = analysis.labels();
        for (AlertSources.Owned o : AlertSources.of(project).alerts()) {
            Rule.Alert a = o.alert();
            AlertLabels labels = AlertLabels.of(li.alertLabels(a));
            if (!semantics.reach(routing.routes(), labels).stream().allMatch(Routing.Route::isDefault)) {
                continue;
            }
            if (fallback == null) {
                sink.error(id(), a.span(), "Alert `" + a.name() + "` matches no route and there is no `route default`, "
                        + "so its notifications go nowhere.",
                        "Add `route default to <receiver>`, or a route that matches its labels.");
                continue;
            }
            String severity = a.severity() == null ? null : a.severity().name();
            if (top == null || !top.equals(severity)) {
                continue;
            }
            Routing.Route near = teamRoute(routing.routes(), labels, semantics, identity(o.service()));
            // A team route to the default's own receiver is no better than the default.
            boolean sameReceiver = near != null && near.receiver() != null && fallback.receiver() != null
                    && near.receiver().name().equals(fallback.receiver().name());
            if (near != null && !sameReceiver) {
                String to = fallback.receiver() == null ? "the default route" : "`" + fallback.receiver().name() + "`";
                String nearTo = near.receiver() == null ? "a route" : "the route to `" + near.receiver().name() + "`";
                // Widening the team's route is only a fix when its receiver pages; a chat channel is no place for pages.
                String widen = project.fromVigilSources() ? "let it take `severity >= " + top + "`"
                        : "let it also match `severity=\"" + top + "\"`";
                sink.warning(id(), a.span(), "`" + top + "` alert `" + a.name() + "` can only reach the default receiver "
                        + to + ", though " + nearTo + " is meant for its team or service.",
                        "That route (" + near.span() + ") matches the alert's team or service but not its other labels; "
                                + (pages(near, routing) ? widen + ", or add a route for this alert's pages."
                                        : "add a route that sends the team's `" + top + "` alerts to a receiver that pages, "
                                                + "or correct the route meant for them."));
            }
        }
    }

    /** Receivers that page someone rather than post to a channel. */
    private static final Set<Routing.ReceiverType> PAGING = EnumSet.of(Routing.ReceiverType.PAGERDUTY,
            Routing.ReceiverType.OPSGENIE, Routing.ReceiverType.VICTOROPS, Routing.ReceiverType.INCIDENTIO,
            Routing.ReceiverType.PUSHOVER);

    private static boolean pages(Routing.Route r, Routing routing) {
        return r.receiver() != null && routing.receivers().stream()
                .anyMatch(x -> x.name().equals(r.receiver().name()) && PAGING.contains(x.type()));
    }

    /** The labels that say whose an alert is. */
    private static Set<String> identity(Service s) {
        Set<String> out = new HashSet<>(List.of("team", "service"));
        if (s != null) {
            out.addAll(s.labels().keySet());
        }
        return out;
    }

    /** A route (at any depth) with a matcher on an identity label that the alert satisfies. */
    private static Routing.Route teamRoute(List<Routing.Route> routes, AlertLabels labels, AlertRouting semantics,
            Set<String> identity) {
        Deque<Routing.Route> todo = new ArrayDeque<>(routes);
        while (!todo.isEmpty()) {
            Routing.Route r = todo.pop();
            if (r == null || r.isDefault()) {
                continue;
            }
            for (Routing.Matcher m : r.matchers()) {
                if (identity.contains(m.label()) && (m.op().equals("=") || m.op().equals("=~"))
                        && semantics.matches(m, labels) == Truth.YES) {
                    return r;
                }
            }
            todo.addAll(r.children());
        }
        return null;
    }
}
