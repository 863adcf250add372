package dev.vigil.targets.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.KubernetesSyntax;
import dev.vigil.compiler.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The limits other than a PrometheusRule's (KubernetesRulesSplitTest has those), each just under and
 * just over its number, on objects shaped as the emitters shape them.
 */
class KubernetesLimitsTest {
    private static KubernetesObject object(String kind, Map<String, String> annotations, Map<String, Object> body) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "x");
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", kind.equals("ConfigMap") ? "v1" : "grafana.integreatly.org/v1beta1");
        doc.put("kind", kind);
        doc.put("metadata", metadata);
        doc.putAll(body);
        return new KubernetesObject("kubernetes/x.yaml", doc, () -> "", "dashboard `x`", Span.NONE);
    }

    @Test
    void aConfigMapHoldsOneMebibyteOfData() {
        // Two keys, as the Alertmanager ConfigMap has: the limit is on their sum.
        int half = KubernetesLimits.CONFIG_MAP_DATA / 2;
        Map<String, Object> fits = Map.of("data", Map.of("a", "x".repeat(half), "b", "y".repeat(half)));
        Map<String, Object> over = Map.of("data", Map.of("a", "x".repeat(half), "b", "y".repeat(half + 1)));
        assertEquals(List.of(), KubernetesLimits.problems(object("ConfigMap", Map.of(), fits)));
        List<String> problems = KubernetesLimits.problems(object("ConfigMap", Map.of(), over));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("its data is 1,048,577 bytes, over the 1,048,576 bytes"), problems.get(0));
    }

    @Test
    void annotationsHoldTheirKeysAndValuesUnderTheApiServersLimit() {
        String key = "example.com/owner";
        int value = KubernetesSyntax.ANNOTATIONS_BYTES - key.length();
        assertEquals(List.of(), KubernetesLimits.problems(object("ConfigMap", Map.of(key, "v".repeat(value)), Map.of())));
        // Multi-byte text counts in UTF-8 bytes, as the API server counts it.
        List<String> problems = KubernetesLimits.problems(object("ConfigMap",
                Map.of(key, "v".repeat(value - 1) + "é"), Map.of()));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("its annotations are 262,145 bytes"), problems.get(0));
    }

    @Test
    void aCustomResourceOverWhatEtcdStoresIsReportedAsJson() {
        // A GrafanaDashboard holds its dashboard as one JSON string: quotes inside it are escaped, and count.
        String dashboard = "\"".repeat(KubernetesLimits.ETCD_REQUEST / 2);
        List<String> problems = KubernetesLimits.problems(object("GrafanaDashboard", Map.of(),
                Map.of("spec", Map.of("json", dashboard))));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("as JSON, over the 1,572,864 bytes (1.5 MiB) etcd stores"), problems.get(0));
        assertEquals(List.of(), KubernetesLimits.problems(object("GrafanaDashboard", Map.of(),
                Map.of("spec", Map.of("json", "x".repeat(KubernetesLimits.ETCD_REQUEST / 2))))));
    }
}
