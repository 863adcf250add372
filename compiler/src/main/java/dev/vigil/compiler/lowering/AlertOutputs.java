package dev.vigil.compiler.lowering;

import dev.vigil.compiler.model.DashboardNames;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one definition of the static labels and annotations an emitted alert carries. Label inference,
 * the routing and inhibition checks, runbooks and every emitter read the result from the lowered
 * alert, never compute it again.
 *
 * <p>Labels of an alert in Vigil sources, each level overriding the one before (the more specific
 * declaration wins):
 * <ol>
 * <li>the service's {@code labels { }};
 * <li>{@code service} (the service's name) and {@code team} (its {@code team}, when declared);
 * <li>the alert's own {@code labels { }} (for an SLO's burn-rate alert: {@code slo} and {@code tier});
 * <li>{@code severity}, from the alert's {@code severity}.
 * </ol>
 * An alert read from a rule file carries its labels as written. Annotations are the alert's own, in
 * order ({@code summary}, {@code description}, an SLO alert's budget texts, its {@code annotations { }}),
 * then {@code runbook_url} (the alert's catalogue page when the project has a catalogue, else its own
 * {@code runbook "URL"}, else from the service's link) and
 * {@code dashboard_url} when the service has those links.
 */
public final class AlertOutputs {
    private AlertOutputs() {
    }

    static Project apply(Project project) {
        DashboardNames names = DashboardNames.of(project.services());
        List<Service> services = new ArrayList<>();
        for (Service s : project.services()) {
            List<RuleGroup> groups = new ArrayList<>();
            for (RuleGroup g : s.groups()) {
                List<Rule> rules = new ArrayList<>();
                for (Rule r : g.rules()) {
                    rules.add(r instanceof Rule.Alert a
                            ? a.withOutput(labels(project, s, a), annotations(project, names, s, a)) : r);
                }
                groups.add(g.withRules(rules));
            }
            services.add(s.withGroups(groups));
        }
        return project.withServices(services);
    }

    /** The static labels of {@code alert}'s rule, by the precedence above. */
    public static SortedMap<String, String> labels(Project project, Service service, Rule.Alert alert) {
        SortedMap<String, String> labels = new TreeMap<>();
        if (project.fromVigilSources()) {
            labels.putAll(service.labels());
            labels.put("service", service.name());
            if (service.team() != null) {
                labels.put("team", service.team());
            }
        }
        labels.putAll(alert.labels());
        if (alert.severity() != null && alert.severity().name() != null) {
            labels.put("severity", alert.severity().name());
        }
        return labels;
    }

    /** The annotations of {@code alert}'s rule: its own, then the links a responder needs. */
    public static Map<String, String> annotations(Project project, DashboardNames names, Service service,
            Rule.Alert alert) {
        Map<String, String> annotations = new LinkedHashMap<>(alert.annotations());
        if (project.fromVigilSources() && alert.name() != null) {
            // The catalogue's page links on to a runbook kept elsewhere, so the one link sent resolves.
            if (project.settings().catalogue() == null && alert.runbook() != null && alert.runbook().url() != null) {
                annotations.putIfAbsent("runbook_url", alert.runbook().url());
            }
            Links.runbookUrl(project, service, alert.name()).ifPresent(u -> annotations.putIfAbsent("runbook_url", u));
            if (alert.panel() != null) {
                Links.dashboardUrl(names, service, alert.panel()).ifPresent(u -> annotations.putIfAbsent("dashboard_url", u));
            }
        }
        return annotations;
    }
}
