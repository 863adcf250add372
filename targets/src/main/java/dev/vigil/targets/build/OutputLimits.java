package dev.vigil.targets.build;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.grafana.GrafanaEmitter;
import dev.vigil.targets.kubernetes.KubernetesLimits;
import dev.vigil.targets.kubernetes.KubernetesObject;
import dev.vigil.targets.prometheus.KubernetesRulesEmitter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes objects of a project that a cluster would refuse for their size, as
 * {@code Output.TooLarge} errors at the declaration each comes from. Only the output tells how large
 * an object is, so this runs after the checks, on what the emitters would write: {@code vigil
 * check} and the Maven check goal render the Kubernetes objects for it, and {@code vigil build}
 * refuses to write any output while one is reported.
 */
public final class OutputLimits {
    private OutputLimits() {
    }

    public static List<Diagnostic> check(Project project) {
        List<KubernetesObject> objects = new ArrayList<>(KubernetesRulesEmitter.objects(project));
        objects.addAll(GrafanaEmitter.objects(project));
        objects.addAll(AlertmanagerEmitter.objects(project));
        List<Diagnostic> out = new ArrayList<>();
        for (KubernetesObject o : objects) {
            List<String> problems = KubernetesLimits.problems(o);
            if (!problems.isEmpty()) {
                out.add(Diagnostic.blocking(Ids.OUTPUT_TOO_LARGE, o.origin(), "The " + o.kind() + " `" + o.name()
                        + "` of the " + o.owner() + " is too large for Kubernetes: " + String.join("; ", problems) + ".",
                        hint(o)));
            }
        }
        return out;
    }

    /** The compilation with the size errors of its project added; unchanged when it has no project or none. */
    public static CompileResult withLimits(CompileResult compiled) {
        if (compiled.project().isEmpty()) {
            return compiled;
        }
        List<Diagnostic> found = check(compiled.project().get());
        if (found.isEmpty()) {
            return compiled;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(compiled.diagnostics());
        diagnostics.addAll(found);
        return new CompileResult(java.util.Optional.empty(), diagnostics, compiled.sources());
    }

    private static String hint(KubernetesObject o) {
        return switch (o.kind()) {
            case "PrometheusRule" -> "Split the group into smaller groups; Vigil spreads a service's groups over as "
                    + "many PrometheusRules as they need, but never splits a group.";
            case "ConfigMap" -> o.owner().startsWith("dashboard")
                    ? "Split the dashboard into several dashboards."
                    : "Shorten the routing, or deploy `alertmanager/alertmanager.yml` another way.";
            default -> null;
        };
    }
}
