package dev.vigil.compiler.validate.target;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.target.TargetFeature;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.validate.Validator;

/**
 * A feature that needs a newer release of Prometheus, Alertmanager or Grafana than the project
 * targets (`settings { prometheus_version ... }` or the build's options): the tool would refuse
 * the output. Blocking: no suppression can let such output through.
 */
public final class Unsupported implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        TargetVersions targets = project.settings().targets();
        for (FeatureUses.Use use : FeatureUses.of(project)) {
            TargetFeature f = use.feature();
            Version target = targets.of(f.tool());
            if (f.since().isEmpty() || target.atLeast(f.since().get())) {
                continue;
            }
            sink.blocking(id(), use.span(), "The target, " + f.tool().product() + " " + target + ", lacks "
                    + f.description() + ", new in " + f.since().get() + ".",
                    (project.fromVigilSources()
                            ? "Set `" + f.tool().setting() + " \"" + f.since().get() + "\"` in `settings`"
                            : "Lint with `" + f.tool().option() + " " + f.since().get() + "`")
                            + " if that release (or a newer one) runs, or do without it.");
        }
    }
}
