package dev.vigil.compiler.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API server's syntax for object metadata (k8s.io/apimachinery {@code validation.IsDNS1123Label},
 * {@code IsQualifiedName}, {@code IsValidLabelValue}): what a namespace, a label and an annotation key
 * must look like. Each method returns why a value is refused, one sentence without a trailing full
 * stop, or empty when it is accepted. Used by the check of the sources and by the build tools for
 * the values given on their command line.
 */
public final class KubernetesSyntax {
    /**
     * The bytes an object's annotations may hold, keys and values together: {@code TotalAnnotationSizeLimitB}
     * of the API server's ObjectMeta validation (apimachinery {@code pkg/api/validation/objectmeta.go}).
     */
    public static final int ANNOTATIONS_BYTES = 262_144;

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    /** A qualified name's name part, and a label value when not empty. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private KubernetesSyntax() {
    }

    public static Optional<String> namespace(String value) {
        if (value.length() > 63) {
            return Optional.of("a namespace has at most 63 characters, and `" + value + "` has " + value.length());
        }
        if (!DNS1123_LABEL.matcher(value).matches()) {
            return Optional.of("a namespace is a DNS-1123 label: lower-case letters, digits and `-`, starting and "
                    + "ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** A label key or an annotation key: {@code [prefix/]name}, the prefix a DNS-1123 subdomain. */
    public static Optional<String> key(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
                return Optional.of("a key's prefix (before `/`) is a DNS subdomain of at most 253 characters: "
                        + "lower-case letters, digits, `-` and `.`, such as `example.com`");
            }
        }
        if (name.isEmpty() || name.length() > 63) {
            return Optional.of("a key's name (after any `/` prefix) has 1 to 63 characters");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("a key's name (after any `/` prefix) holds letters, digits, `-`, `_` and `.`, and "
                    + "starts and ends with a letter or digit");
        }
        return Optional.empty();
    }

    /** An annotation key: a label key's syntax, but the API server lower-cases it first, so capitals pass. */
    public static Optional<String> annotationKey(String key) {
        return key(key.toLowerCase(java.util.Locale.ROOT));
    }

    public static Optional<String> labelValue(String value) {
        if (value.length() > 63) {
            return Optional.of("a label value has at most 63 characters, and this one has " + value.length());
        }
        if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            return Optional.of("a label value is empty or holds letters, digits, `-`, `_` and `.`, starting and "
                    + "ending with a letter or digit");
        }
        return Optional.empty();
    }

    /**
     * The metadata a build tool sets: a namespace (or null) and {@code KEY=VALUE} labels and
     * annotations, as the command line and the Maven goal take them. A value Kubernetes would refuse,
     * a pair without {@code =} or a key given twice is an {@link IllegalArgumentException} whose
     * message starts with the option's name ({@code what} names the options: {@code --k8s-label}).
     * The namespace is read as {@link #given} reads it.
     */
    public static KubernetesMetadata.Metadata fromBuild(String namespaceGiven, java.util.List<String> labels,
            java.util.List<String> annotations, String namespaceOption, String labelOption, String annotationOption) {
        String namespace = given(namespaceGiven);
        Optional<KubernetesMetadata.Entry> ns = Optional.empty();
        if (namespace != null) {
            namespace(namespace).ifPresent(why -> {
                throw new IllegalArgumentException(namespaceOption + " " + namespace + ": " + why);
            });
            ns = Optional.of(KubernetesMetadata.Entry.fromBuild("namespace", namespace));
        }
        return new KubernetesMetadata.Metadata(ns, pairs(labels, labelOption, true), pairs(annotations, annotationOption, false));
    }

    /**
     * The kinds of objects a build tool asks for, as the command line and the Maven goal take them:
     * {@code alertmanager} {@code ConfigMap} or {@code AlertmanagerConfig}, {@code dashboards}
     * {@code ConfigMap} or {@code GrafanaDashboard}, the sidecar's folder annotation key and the
     * {@code KEY=VALUE} labels of grafana-operator's instance selector; null or empty for what is not
     * set. A value that is none of these is an {@link IllegalArgumentException} whose message starts
     * with the option's name, as in {@link #fromBuild}. The kinds and the annotation are read as
     * {@link #given} reads them.
     */
    public static KubernetesMetadata.ResourcesByBuild resourcesFromBuild(String alertmanagerGiven,
            String dashboardsGiven, String folderGiven, java.util.List<String> instanceSelector,
            String alertmanagerOption, String dashboardsOption, String folderOption, String selectorOption) {
        String alertmanager = given(alertmanagerGiven);
        String dashboards = given(dashboardsGiven);
        String folderAnnotation = given(folderGiven);
        Optional<Boolean> alertmanagerConfig = kind(alertmanager, alertmanagerOption, "ConfigMap", "AlertmanagerConfig");
        Optional<Boolean> grafanaOperator = kind(dashboards, dashboardsOption, "ConfigMap", "GrafanaDashboard");
        Optional<String> folder = Optional.ofNullable(folderAnnotation);
        folder.flatMap(KubernetesSyntax::key).ifPresent(why -> {
            throw new IllegalArgumentException(folderOption + " " + folderAnnotation + ": " + why);
        });
        java.util.SortedMap<String, String> selector = new java.util.TreeMap<>();
        pairs(instanceSelector, selectorOption, true).forEach(e -> selector.put(e.key(), e.value()));
        return new KubernetesMetadata.ResourcesByBuild(alertmanagerConfig, grafanaOperator,
                selector.isEmpty() ? Optional.empty() : Optional.of(selector), folder,
                alertmanagerConfig.map(chosen -> alertmanagerOption));
    }

    /**
     * A single value a build tool gives, trimmed; null when it is left out or blank. The command line and
     * the Maven goal read it alike, so that {@code --k8s-alertmanager " ConfigMap"} and a POM's
     * indented {@code <kubernetesAlertmanager>} mean the same, and an empty one
     * ({@code -Dvigil.kubernetes.namespace=}) leaves the sources' value.
     */
    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Empty when not given, else whether it is the second of the two kinds. */
    private static Optional<Boolean> kind(String given, String option, String usual, String resource) {
        if (given == null) {
            return Optional.empty();
        }
        if (!given.equals(usual) && !given.equals(resource)) {
            throw new IllegalArgumentException(option + " " + given + ": expected `" + usual + "` or `" + resource + "`");
        }
        return Optional.of(given.equals(resource));
    }

    private static java.util.List<KubernetesMetadata.Entry> pairs(java.util.List<String> given, String option, boolean label) {
        java.util.Map<String, KubernetesMetadata.Entry> out = new java.util.LinkedHashMap<>();
        for (String pair : given) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(option + " " + pair + ": expected KEY=VALUE");
            }
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            Optional<String> why = label ? key(key).or(() -> labelValue(value)) : annotationKey(key);
            if (why.isPresent()) {
                throw new IllegalArgumentException(option + " " + pair + ": " + why.get());
            }
            if (out.put(key, KubernetesMetadata.Entry.fromBuild(key, value)) != null) {
                throw new IllegalArgumentException(option + " " + pair + ": `" + key + "` is given twice");
            }
        }
        return java.util.List.copyOf(out.values());
    }
}
