package dev.vigil.targets.prometheus;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Yaml;
import java.util.LinkedHashMap;
import java.util.Locale;
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
            metadata.put("name", objectName(service.name()));
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("app.kubernetes.io/managed-by", "vigil");
            labels.put("vigil.dev/service", objectName(service.name()));
            metadata.put("labels", labels);
            doc.put("metadata", metadata);
            doc.put("spec", Map.of("groups", RuleFiles.groups(project, service)));
            out.writeText("kubernetes/prometheusrule-" + objectName(service.name()) + ".yaml", Yaml.dump(doc));
        }
    }

    /** A Kubernetes object name: lower case letters, digits and `-`, at most 63 characters. */
    static String objectName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-")
                .replaceAll("^-|-$", "");
        if (n.isEmpty()) {
            n = "vigil";
        }
        return n.length() > 63 ? n.substring(0, 63).replaceAll("-$", "") : n;
    }
}
