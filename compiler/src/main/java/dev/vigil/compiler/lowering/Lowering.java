package dev.vigil.compiler.lowering;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiler stage between the model and its checks: declarations that stand for other objects
 * (SLOs today) are expanded into ordinary rule groups, alerts, dashboards, runbook data and tests,
 * every alert is given exactly the labels and annotations its emitted rule carries, and expected
 * test samples get the metric name the query keeps. Checks,
 * references and emitters all see the lowered project, so what {@code vigil check} reasons about is
 * what {@code vigil build} writes.
 */
public final class Lowering {
    /** The expansions, in order; a new kind of generated code adds one here. */
    private static final List<Expansion> EXPANSIONS = List.of(new SloExpansion());

    /**
     * The name of the dashboard a service's SLOs generate; a written dashboard cannot take it while the
     * service has SLOs, so tools can tell the generated one apart.
     */
    public static final String SLO_DASHBOARD = SloExpansion.DASHBOARD;

    private Lowering() {
    }

    public static Project lower(Project project, DiagnosticSink sink) {
        Project current = project;
        for (Expansion e : EXPANSIONS) {
            List<Service> expanded = new ArrayList<>();
            for (Service s : current.services()) {
                expanded.add(expand(e, current, s, sink));
            }
            current = current.withServices(expanded);
        }
        return ExpectedNames.apply(AlertOutputs.apply(current));
    }

    /** A failed expansion is Vigil's bug: it is reported, and the service is kept as declared. */
    private static Service expand(Expansion e, Project project, Service service, DiagnosticSink sink) {
        try {
            return e.expand(project, service, sink);
        } catch (RuntimeException bug) {
            sink.error(Ids.INTERNAL_LOWERING, service.span(), "Vigil failed to expand service `" + service.name()
                    + "` (" + e.getClass().getSimpleName() + "): " + bug + ".",
                    "This is a bug in Vigil; please report it with the sources that caused it.");
            return service;
        }
    }
}
