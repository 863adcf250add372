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
 * {@code kubernetes/prometheusrule-<service>.yaml}: the service's rules as a prometheus-operator
 * {@code PrometheusRule}, carrying exactly the groups of the plain rule file.
 */
public final class KubernetesRulesEmitter implements Emitter {
    @Override
    public String name() {
        return "kubernetes-rules";
    }

    @Override
    public void emit(Project project, EmitSettings settings, OutputManifest out) {
        for (Service service : project.services()) {
            if (!RuleFiles.hasRules(service)) {
                continue;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("apiVersion", "monitoring.coreos.com/v1");
            doc.put("kind", "PrometheusRule");
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", service.kubernetesName());
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("app.kubernetes.io/managed-by", "vigil");
            labels.put("vigil.dev/service", service.kubernetesName());
            metadata.put("labels", labels);
            doc.put("metadata", metadata);
            doc.put("spec", Map.of("groups", RuleFiles.groups(project, service)));
            // Unique: Name.Collision reports two services with one Kubernetes name as blocking.
            out.writeText("kubernetes/prometheusrule-" + service.kubernetesName() + ".yaml", Yaml.dump(doc));
        }
    }
}
