package dev.vigil.compiler.validate.reference;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.DashboardNames;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.validate.Validator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A dashboard name ({@code link "t" to NAME}, an alert's {@code panel NAME.p}, a runbook's {@code related NAME}) that the service writing it does
 * not declare and that several other services do: which one is meant cannot be told, so the link is left out and
 * the alert's firing periods are drawn nowhere. The rule is {@link DashboardNames}'s, which the emitter follows.
 */
public final class Ambiguous implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        DashboardNames names = DashboardNames.of(project.services());
        Set<String> alerts = new HashSet<>();
        project.services().forEach(s -> s.groups().forEach(g -> g.rules().forEach(r -> {
            if (r instanceof Rule.Alert a && a.name() != null) {
                alerts.add(a.name());
            }
        })));
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.panel() != null && a.panel().kind() == Ref.Kind.PANEL) {
                        check(names, s, a.panel(), sink);
                    }
                    if (r instanceof Rule.Alert a) {
                        // A runbook's `related` name is an alert's when one has it, else a dashboard's (or a panel's).
                        a.runbook().related().stream()
                                .filter(ref -> ref.kind() == Ref.Kind.PANEL || !alerts.contains(ref.name()))
                                .forEach(ref -> check(names, s, ref, sink));
                    }
                }
            }
            for (Dashboard d : s.dashboards()) {
                d.links().forEach(l -> {
                    if (l.dashboard() != null) {
                        check(names, s, l.dashboard(), sink);
                    }
                });
            }
        }
    }

    private void check(DashboardNames names, Service from, Ref ref, DiagnosticSink sink) {
        if (names.resolve(from.name(), ref.name()) instanceof DashboardNames.Ambiguous a) {
            String candidates = a.services().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
            sink.error(id(), ref.span(), "Dashboard `" + ref.name() + "` is not declared in service `" + from.name()
                    + "`, and more than one other service declares it.",
                    "Services " + candidates + " each declare `" + ref.name() + "`; rename all but one, since a "
                            + "dashboard name is unique only within its service.");
        }
    }
}
