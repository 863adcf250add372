package dev.vigil.compiler.validate.kubernetes;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.AlertmanagerConfigCrd;
import dev.vigil.compiler.validate.Validator;
import java.util.Map;
import java.util.Optional;

/**
 * With {@code alertmanager AlertmanagerConfig}, the routing the resource cannot express: a receiver
 * type the CRD has no field for, a time interval's {@code location} (the CRD's time intervals are
 * UTC only), and a secret file path that names no Kubernetes Secret. Writing the resource anyway
 * would drop a receiver, shift a time window or leave a credential out, so each is a blocking error.
 */
public final class AlertmanagerConfig implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        if (!project.settings().kubernetes().resources().alertmanagerConfig() || project.routing().routes().isEmpty()) {
            return;
        }
        String configMap = asConfigMap(project.settings().kubernetes().resources().alertmanagerOption());
        for (Routing.Receiver r : project.routing().receivers()) {
            if (r.type() == null) {
                continue;
            }
            if (!AlertmanagerConfigCrd.supports(r.type())) {
                sink.blocking(id(), r.span(), "The receiver `" + r.name() + "` is of type `" + r.type().keyword()
                        + "`, which an `AlertmanagerConfig` cannot hold.", "Route it through a `webhook` receiver, "
                        + "or " + configMap + ".");
                continue;
            }
            for (Map.Entry<String, Object> s : r.settings().entrySet()) {
                if (s.getKey().endsWith("_file") && s.getValue() instanceof String path) {
                    AlertmanagerConfigCrd.problem(path).ifPresent(why -> sink.blocking(id(), r.spanOf(s.getKey()),
                            "The secret file `" + path + "` of receiver `" + r.name() + "` names no Kubernetes Secret for "
                                    + "the `AlertmanagerConfig`: " + why + ".",
                            "Write it as `" + AlertmanagerConfigCrd.SECRETS_DIR + "<secret>/<key>`."));
                }
            }
        }
        for (Routing.TimeInterval t : project.routing().timeIntervals()) {
            if (t.location() != null) {
                sink.blocking(id(), t.span(), "The time interval `" + t.name() + "` is in `" + t.location()
                        + "`, but an `AlertmanagerConfig`'s time intervals have no `location` and are read as UTC.",
                        "Write the times in UTC and drop `location`, or " + configMap + ".");
            }
        }
    }

    /**
     * How to ask for the ConfigMap instead, where the choice was made: the build's option wins over the
     * sources, so changing the {@code kubernetes} block would not help when the build chose.
     */
    private static String asConfigMap(Optional<String> buildOption) {
        return buildOption.map(option -> option.startsWith("-") ? "pass `" + option + " ConfigMap` instead"
                : "set the `" + option + "` parameter to `ConfigMap`")
                .orElse("write `alertmanager ConfigMap` in the `kubernetes` block");
    }
}
