package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The metadata of the Kubernetes objects Vigil writes: what the project's {@code kubernetes} block
 * sets, what each service's sets, and what the build tool sets ({@code vigil build --k8s-...}, the
 * Maven goal's parameters). An object takes, key by key, Vigil's defaults, then the project's, then
 * its service's, then the build's values: labels and annotations add up, the last one of a key
 * winning; the namespace is the last one set. The build wins because it is how one deployment (a
 * Helm release, a namespace) tells one checkout of the sources apart from another.
 */
public record KubernetesMetadata(Metadata project, SortedMap<String, Metadata> services, Metadata build) {
    /** On every object unless the sources or the build set it otherwise. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    public static final KubernetesMetadata NONE = new KubernetesMetadata(Metadata.EMPTY, new TreeMap<>(), Metadata.EMPTY);

    public KubernetesMetadata {
        services = Collections.unmodifiableSortedMap(new TreeMap<>(services));
    }

    /** A key and its value as written, with their spans; {@link Span#NONE} for what the build set. */
    public record Entry(String key, String value, Span keySpan, Span valueSpan) {
        public static Entry fromBuild(String key, String value) {
            return new Entry(key, value, Span.NONE, Span.NONE);
        }
    }

    /** One level's settings; {@code namespace} is empty when the level does not set one. */
    public record Metadata(Optional<Entry> namespace, List<Entry> labels, List<Entry> annotations) {
        public static final Metadata EMPTY = new Metadata(Optional.empty(), List.of(), List.of());

        public Metadata {
            labels = List.copyOf(labels);
            annotations = List.copyOf(annotations);
        }

        public boolean isEmpty() {
            return namespace.isEmpty() && labels.isEmpty() && annotations.isEmpty();
        }
    }

    /** What one object carries, keys sorted so that the output does not depend on declaration order. */
    public record Resolved(Optional<String> namespace, SortedMap<String, String> labels,
            SortedMap<String, String> annotations) {
        public Resolved {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
        }
    }

    /** The metadata of an object of the whole project, such as the Alertmanager ConfigMap. */
    public Resolved forProject() {
        return resolve(List.of(project, build));
    }

    /** The metadata of an object of one service: its PrometheusRule and its dashboards' ConfigMaps. */
    public Resolved forService(String service) {
        return resolve(List.of(project, services.getOrDefault(service, Metadata.EMPTY), build));
    }

    /** This metadata with what the build sets in place of {@link #build()}. */
    public KubernetesMetadata withBuild(Metadata byBuild) {
        return new KubernetesMetadata(project, services, byBuild);
    }

    private static Resolved resolve(List<Metadata> levels) {
        Optional<String> namespace = Optional.empty();
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put(MANAGED_BY, "vigil");
        SortedMap<String, String> annotations = new TreeMap<>();
        for (Metadata m : levels) {
            if (m.namespace().isPresent()) {
                namespace = Optional.of(m.namespace().get().value());
            }
            m.labels().forEach(e -> labels.put(e.key(), e.value()));
            m.annotations().forEach(e -> annotations.put(e.key(), e.value()));
        }
        return new Resolved(namespace, labels, annotations);
    }
}
