package dev.vigil.targets.prometheus;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Yaml;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code mimir/rules/<namespace>.yml}: one namespace per service, in the file format
 * {@code mimirtool rules load} and the Mimir, Cortex and Thanos rulers read ({@code namespace} and
 * {@code groups} at the top). The namespace is the service name, so each service's rules are loaded
 * and replaced as a unit.
 */
public final class MimirRulesEmitter implements Emitter {
    @Override
    public String name() {
        return "mimir-rules";
    }

    @Override
    public void emit(Project project, EmitSettings settings, OutputManifest out) {
        for (Service service : project.services()) {
            if (!RuleFiles.hasRules(service)) {
                continue;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("namespace", service.name());
            doc.put("groups", RuleFiles.groups(project, service));
            out.writeText("mimir/rules/" + OutputManifest.safeSegment(service.name()) + ".yml", Yaml.dump(doc));
        }
    }
}
