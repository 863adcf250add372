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
public record KubernetesMetadata(Metadata project, SortedMap<String, Metadata> services, Metadata build,
        Resources resources) {
    /** On every object unless the sources or the build set it otherwise. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    public static final KubernetesMetadata NONE = new KubernetesMetadata(Metadata.EMPTY, new TreeMap<>(), Metadata.EMPTY);

    public KubernetesMetadata {
        services = Collections.unmodifiableSortedMap(new TreeMap<>(services));
        resources = resources == null ? Resources.DEFAULT : resources;
    }

    /** Metadata with the default kinds of objects. */
    public KubernetesMetadata(Metadata project, SortedMap<String, Metadata> services, Metadata build) {
        this(project, services, build, Resources.DEFAULT);
    }

    /**
     * Which objects the project's Alertmanager configuration and dashboards become, set in the
     * project's {@code kubernetes} block. {@code alertmanagerConfig}: an operator-managed
     * {@code AlertmanagerConfig} instead of a ConfigMap with {@code alertmanager.yml}, {@code at} where
     * that is asked for (the checks of what the resource cannot express point there when nothing closer
     * exists). {@code grafanaOperator}: grafana-operator {@code GrafanaDashboard} resources, selecting
     * Grafana instances by {@code instanceSelector}, instead of sidecar ConfigMaps.
     * {@code folderAnnotation}: the sidecar's annotation naming a dashboard's folder.
     * {@code alertmanagerOption}: the build's option that made the Alertmanager choice, as
     * {@link ResourcesByBuild} names it; empty when the sources (or the default) made it, so that a
     * hint says where to change the choice.
     */
    public record Resources(boolean alertmanagerConfig, Span at, boolean grafanaOperator,
            SortedMap<String, String> instanceSelector, String folderAnnotation, Optional<String> alertmanagerOption) {
        /** The annotation kube-prometheus-stack's sidecar reads ({@code grafana.sidecar.dashboards.folderAnnotation}). */
        public static final String FOLDER_ANNOTATION = "grafana_folder";
        /** grafana-operator's Grafana resources are commonly labelled so; the CRD requires some selector. */
        public static final SortedMap<String, String> DEFAULT_SELECTOR =
                Collections.unmodifiableSortedMap(new TreeMap<>(java.util.Map.of("dashboards", "grafana")));
        public static final Resources DEFAULT = new Resources(false, Span.NONE, false, DEFAULT_SELECTOR, FOLDER_ANNOTATION,
                Optional.empty());

        public Resources {
            instanceSelector = Collections.unmodifiableSortedMap(new TreeMap<>(instanceSelector));
        }
    }

    /**
     * What a build tool sets of {@link Resources} ({@code vigil build --k8s-alertmanager ...}, the Maven
     * goal's {@code kubernetesAlertmanager} ...): each empty when it is not set, else it wins over the
     * project's {@code kubernetes} block, as the build's metadata does. A selector given replaces the
     * sources' whole selector, as the block's {@code instance_selector} replaces the default one.
     * {@code alertmanagerOption} names the option that set {@code alertmanagerConfig} as its tool
     * spells it ({@code --k8s-alertmanager}, {@code kubernetesAlertmanager}); present exactly when it is.
     */
    public record ResourcesByBuild(Optional<Boolean> alertmanagerConfig, Optional<Boolean> grafanaOperator,
            Optional<SortedMap<String, String>> instanceSelector, Optional<String> folderAnnotation,
            Optional<String> alertmanagerOption) {
        public static final ResourcesByBuild NONE = new ResourcesByBuild(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        public ResourcesByBuild {
            instanceSelector = instanceSelector.map(s -> Collections.unmodifiableSortedMap(new TreeMap<>(s)));
            if (alertmanagerConfig.isPresent() != alertmanagerOption.isPresent()) {
                throw new IllegalArgumentException("the Alertmanager kind and the option that set it go together");
            }
        }

        public boolean isEmpty() {
            return equals(NONE);
        }

        /** The kinds of objects written: the sources' choices, with the build's in their place where it makes one. */
        public Resources over(Resources sources) {
            boolean alertmanager = alertmanagerConfig.orElse(sources.alertmanagerConfig());
            return new Resources(alertmanager, alertmanager == sources.alertmanagerConfig() ? sources.at() : Span.NONE,
                    grafanaOperator.orElse(sources.grafanaOperator()), instanceSelector.orElse(sources.instanceSelector()),
                    folderAnnotation.orElse(sources.folderAnnotation()),
                    alertmanagerConfig.isPresent() ? alertmanagerOption : sources.alertmanagerOption());
        }
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
        return new KubernetesMetadata(project, services, byBuild, resources);
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
