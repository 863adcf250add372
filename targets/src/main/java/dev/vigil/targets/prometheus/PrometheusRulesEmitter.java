package dev.vigil.targets.prometheus;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Yaml;

/** {@code prometheus/rules/<service>.rules.yml}: one file per service, a group per DSL group. */
public final class PrometheusRulesEmitter implements Emitter {
    @Override
    public String name() {
        return "prometheus-rules";
    }

    @Override
    public void emit(Project project, EmitSettings settings, OutputManifest out) {
        for (Service service : project.services()) {
            if (RuleFiles.hasRules(service)) {
                out.writeText(RuleFiles.path(service), Yaml.dump(RuleFiles.document(project, service)));
            }
        }
    }
}
