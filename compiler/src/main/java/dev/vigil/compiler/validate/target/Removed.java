package dev.vigil.compiler.validate.target;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.target.TargetFeature;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.validate.Validator;
import java.util.Map;

/**
 * A feature the target release no longer has: Prometheus 3.0 removed `holt_winters`. Blocking, as
 * the tool would refuse the output.
 */
public final class Removed implements Validator {
    /** What to write instead. */
    private static final Map<TargetFeature, String> INSTEAD = Map.of(TargetFeature.FN_HOLT_WINTERS,
            "Use `double_exponential_smoothing`, its new name, which needs "
                    + "`--enable-feature=promql-experimental-functions`.");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (FeatureUses.Use use : FeatureUses.of(project)) {
            TargetFeature f = use.feature();
            Version target = project.settings().targets().newest(f.tool());
            if (f.removedIn().isEmpty() || !target.atLeast(f.removedIn().get())) {
                continue;
            }
            sink.blocking(id(), use.span(), "The target, " + f.tool().product() + " " + target + ", no longer has "
                    + f.description() + ", removed in " + f.removedIn().get() + ".",
                    INSTEAD.getOrDefault(f, "Do without it, or target an older release."));
        }
    }
}
