package dev.vigil.targets.kubernetes;

import dev.vigil.compiler.model.KubernetesMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The {@code metadata} of a generated object, from the project's, service's and build's settings. */
public final class ObjectMeta {
    private ObjectMeta() {
    }

    /**
     * {@code name}, then the namespace when one is set, the labels and the annotations when there are
     * any. {@code own} are the labels the object needs to be found (the sidecar's
     * {@code grafana_dashboard}, {@code vigil.dev/service}); the configured labels come after them and
     * win for the same key, so a team whose sidecar looks for another value can say so.
     */
    public static Map<String, Object> of(String name, KubernetesMetadata.Resolved resolved, Map<String, String> own) {
        return of(name, resolved, own, Map.of());
    }

    /** As above, with the annotations the object needs ({@code ownAnnotations}), which configured ones replace. */
    public static Map<String, Object> of(String name, KubernetesMetadata.Resolved resolved, Map<String, String> own,
            Map<String, String> ownAnnotations) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        resolved.namespace().ifPresent(ns -> metadata.put("namespace", ns));
        Map<String, String> labels = new TreeMap<>(own);
        labels.putAll(resolved.labels());
        metadata.put("labels", labels);
        Map<String, String> annotations = new TreeMap<>(ownAnnotations);
        annotations.putAll(resolved.annotations());
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        return metadata;
    }
}
