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
 * an object is, so this runs after the checks, on the objects the emitters make: {@code vigil build}
 * checks those it is about to write, before it commits any output; {@code vigil check} and the Maven
 * check goal make the same objects without rendering their files. Either way the errors are settled
 * with the compiler's own diagnostics ({@link CompileResult#withLater}), so a project that does not
 * deploy {@code kubernetes/} can suppress the check or turn it off like any other.
 */
public final class OutputLimits {
    private OutputLimits() {
    }

    /** Every Kubernetes object of the project, as the emitters make them, with their files not rendered yet. */
    public static List<KubernetesObject> objects(Project project) {
        List<KubernetesObject> objects = new ArrayList<>(KubernetesRulesEmitter.objects(project));
        objects.addAll(GrafanaEmitter.objects(project));
        objects.addAll(AlertmanagerEmitter.objects(project));
        return objects;
    }

    public static List<Diagnostic> check(Project project) {
        return check(objects(project));
    }

    /** The objects too large for a cluster, one error each. */
    public static List<Diagnostic> check(List<KubernetesObject> objects) {
        List<Diagnostic> out = new ArrayList<>();
        for (KubernetesObject o : objects) {
            List<String> problems = KubernetesLimits.problems(o);
            if (!problems.isEmpty()) {
                // Not blocking: the other outputs are sound, and a project that deploys none of kubernetes/ may turn it off.
                out.add(Diagnostic.error(Ids.OUTPUT_TOO_LARGE, o.origin(), "The " + o.kind() + " `" + o.name()
                        + "` of the " + o.owner() + " is too large for Kubernetes: " + String.join("; ", problems) + ".",
                        hint(o)));
            }
        }
        return out;
    }

    /** The compilation with the size errors of its project's objects settled in; unchanged when it has no project. */
    public static CompileResult withLimits(CompileResult compiled) {
        return compiled.project().map(p -> withLimits(compiled, objects(p))).orElse(compiled);
    }

    /** The compilation with the size errors of {@code objects} settled in. */
    public static CompileResult withLimits(CompileResult compiled, List<KubernetesObject> objects) {
        return compiled.withLater(check(objects));
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
