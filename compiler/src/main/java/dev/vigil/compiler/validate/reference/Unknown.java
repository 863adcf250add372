package dev.vigil.compiler.validate.reference;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.DashboardNames;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.validate.Validator;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A name that refers to nothing: an alert, dashboard, panel, receiver or time interval that is not
 * declared. Unknown constants are reported where values are read; unknown severities by
 * {@code Alert.UnknownSeverity}.
 */
public final class Unknown implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Set<String> alerts = new HashSet<>();
        Map<String, Set<String>> panelsByDashboard = new HashMap<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        alerts.add(a.name());
                    }
                }
            }
            for (Dashboard d : s.dashboards()) {
                Set<String> panels = panelsByDashboard.computeIfAbsent(d.name(), k -> new HashSet<>());
                d.rows().forEach(row -> row.panels().forEach(p -> panels.add(p.name())));
            }
        }
        // An SLO with errors of its own is not lowered: names of what it would generate are not
        // reported again wherever they are used.
        for (Service s : project.services()) {
            for (Slo slo : s.slos()) {
                boolean lowered = s.groups().stream().anyMatch(g -> g.origin() instanceof Origin.FromSlo f
                        && f.slo().equals(slo.name()));
                if (!lowered) {
                    for (AlertWindows.Tier tier : AlertWindows.Tier.values()) {
                        alerts.add(slo.alertName(s.name(), tier));
                    }
                }
            }
        }
        Set<String> receivers = new HashSet<>();
        project.routing().receivers().forEach(r -> receivers.add(r.name()));
        Set<String> intervals = new HashSet<>();
        project.routing().timeIntervals().forEach(t -> intervals.add(t.name()));
        DashboardNames dashboards = DashboardNames.of(project.services());
        Resolver unscoped = new Resolver(sink, id(), alerts, panelsByDashboard, dashboards, null, receivers, intervals);
        for (Service s : project.services()) {
            Resolver resolve = unscoped.in(s.name());
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        resolve.check(a.panel());
                        a.runbook().related().forEach(resolve::check);
                    }
                }
            }
            for (Dashboard d : s.dashboards()) {
                d.links().forEach(l -> resolve.check(l.dashboard()));
                d.rows().forEach(row -> row.panels().forEach(p -> {
                    resolve.check(p.thresholdsFrom());
                    if (p.alerts() != null) {
                        p.alerts().forEach(resolve::check);
                    }
                }));
            }
            for (TestCase t : s.tests()) {
                for (TestCase.Expectation e : t.expectations()) {
                    if (e instanceof TestCase.AlertExpectation ae) {
                        resolve.check(ae.alert());
                    }
                }
            }
        }
        Resolver resolve = unscoped;
        Routing routing = project.routing();
        routes(routing.routes(), resolve);
        for (Routing.Inhibition in : routing.inhibitions()) {
            resolve.check(in.targetAlert());
            resolve.check(in.sourceAlert());
        }
        for (Routing.RouteTest t : routing.tests()) {
            t.receivers().forEach(resolve::check);
        }
    }

    private static void routes(List<Routing.Route> routes, Resolver resolve) {
        for (Routing.Route r : routes) {
            resolve.check(r.receiver());
            r.muteTimeIntervals().forEach(resolve::check);
            r.activeTimeIntervals().forEach(resolve::check);
            routes(r.children(), resolve);
        }
    }

    /** Resolves references; {@code service} is where they are written (a dashboard name means its own first). */
    private record Resolver(DiagnosticSink sink, String id, Set<String> alerts, Map<String, Set<String>> panels,
            DashboardNames dashboards, String service, Set<String> receivers, Set<String> intervals) {
        Resolver in(String from) {
            return new Resolver(sink, id, alerts, panels, dashboards, from, receivers, intervals);
        }

        void check(Ref ref) {
            if (ref == null) {
                return;
            }
            switch (ref.kind()) {
                case ALERT -> known(ref, alerts);
                case RECEIVER -> known(ref, receivers);
                case TIME_INTERVAL -> known(ref, intervals);
                case DASHBOARD -> {
                    // An ambiguous name is Reference.Ambiguous's.
                    if (dashboards.resolve(service, ref.name()) instanceof DashboardNames.Missing) {
                        report(ref, panels.keySet());
                    }
                }
                case ALERT_OR_DASHBOARD -> {
                    if (!alerts.contains(ref.name()) && !panels.containsKey(ref.name())) {
                        Set<String> both = new HashSet<>(alerts);
                        both.addAll(panels.keySet());
                        report(ref, both);
                    }
                }
                case PANEL -> {
                    DashboardNames.Resolution r = dashboards.resolve(service, ref.name());
                    if (r instanceof DashboardNames.Missing) {
                        report(new Ref(Ref.Kind.DASHBOARD, ref.name(), null, ref.span()), panels.keySet());
                    } else if (r instanceof DashboardNames.Found f && !panelNames(f.dashboard()).contains(ref.member())) {
                        Set<String> inDashboard = panelNames(f.dashboard());
                        String near = Suggest.closest(ref.member(), inDashboard);
                        sink.error(id, ref.span(), "Dashboard `" + ref.name() + "` has no panel `" + ref.member() + "`.",
                                near != null ? "Did you mean `" + ref.name() + "." + near + "`?" : null);
                    }
                }
                default -> {
                }
            }
        }

        private static Set<String> panelNames(Dashboard d) {
            Set<String> out = new HashSet<>();
            d.rows().forEach(row -> row.panels().forEach(p -> out.add(p.name())));
            return out;
        }

        private void known(Ref ref, Collection<String> names) {
            if (!names.contains(ref.name())) {
                report(ref, names);
            }
        }

        private void report(Ref ref, Collection<String> names) {
            String near = Suggest.closest(ref.name(), names);
            Diagnostic d = Diagnostic.error(id, ref.span(), "Unknown " + ref.kind().noun() + " `" + ref.name() + "`.",
                    near != null ? "Did you mean `" + near + "`?" : "No " + ref.kind().noun() + " by that name is declared.");
            // Alertmanager refuses a route to a receiver or time interval it does not have; other
            // references (a panel kept in another repository) may be excused.
            boolean refused = ref.kind() == Ref.Kind.RECEIVER || ref.kind() == Ref.Kind.TIME_INTERVAL;
            sink.report(refused ? Diagnostic.blocking(d.code(), d.span(), d.message(), d.hint()) : d);
        }
    }
}
