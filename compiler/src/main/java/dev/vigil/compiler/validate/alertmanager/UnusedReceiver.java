package dev.vigil.compiler.validate.alertmanager;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.validate.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A receiver that no route sends to. Alertmanager loads it and never uses it: either a route to it
 * was forgotten (and the alerts meant for it go to the default receiver) or it is left over.
 */
public final class UnusedReceiver implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Routing routing = project.routing();
        if (routing == null || routing.receivers().isEmpty()) {
            return;
        }
        Set<String> used = new HashSet<>();
        collect(routing.routes(), used);
        for (Routing.Receiver r : routing.receivers()) {
            if (r != null && r.name() != null && !used.contains(r.name())) {
                sink.warning(id(), r.span(), "Receiver `" + r.name() + "` is not used by any route.",
                        (project.fromVigilSources()
                                ? "Add a route to it, such as `route team = \"...\" to " + r.name() + "`"
                                : "Add a route with `receiver: " + r.name() + "` and the `matchers` of its alerts")
                                + ", or remove it; alerts meant for it now reach the default receiver.");
            }
        }
    }

    private static void collect(List<Routing.Route> routes, Set<String> used) {
        for (Routing.Route r : routes) {
            if (r.receiver() != null && r.receiver().name() != null) {
                used.add(r.receiver().name());
            }
            collect(r.children(), used);
        }
    }
}
