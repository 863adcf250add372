package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.LabelPair;
import dev.vigil.compiler.ast.Property;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code kubernetes} blocks of one level (the project, or one service) into its metadata.
 * Whether the values follow Kubernetes' syntax is the check {@code Kubernetes.Metadata}'s to say, at
 * each value; here only the shape is read: a string namespace, keys set once.
 */
final class KubernetesReader {
    static final List<String> PROPERTIES = List.of("namespace");
    /** What only the project's block sets: which kinds of objects the project becomes. */
    static final List<String> PROJECT_PROPERTIES =
            List.of("namespace", "alertmanager", "dashboards", "folder_annotation", "instance_selector");

    private final DiagnosticSink sink;

    KubernetesReader(DiagnosticSink sink) {
        this.sink = sink;
    }

    /** A service's block, or the project's with {@code project} (which also takes {@link #PROJECT_PROPERTIES}). */
    KubernetesMetadata.Metadata read(List<Decl.KubernetesDecl> decls, ValueReader values, boolean project) {
        if (decls.isEmpty()) {
            return KubernetesMetadata.Metadata.EMPTY;
        }
        Optional<KubernetesMetadata.Entry> namespace = Optional.empty();
        List<Property> properties = decls.stream().flatMap(d -> d.properties().stream()).toList();
        List<String> known = project ? PROJECT_PROPERTIES : PROPERTIES;
        for (Property p : new PropertyReader(properties, "kubernetes", sink).all()) {
            if (!known.contains(p.key().text())) {
                if (PROJECT_PROPERTIES.contains(p.key().text())) {
                    sink.error(Ids.PROPERTY_UNKNOWN, p.key().span(), "`" + p.key().text() + "` is a setting of the "
                            + "project's `kubernetes` block, not a service's.", "Move it to a top-level `kubernetes` block.");
                } else {
                    PropertyReader.unknown(p, "kubernetes block", known, sink);
                }
                continue;
            }
            if (!p.key().text().equals("namespace")) {
                continue;
            }
            Optional<String> ns = values.string(p.value(), "namespace");
            if (ns.isPresent()) {
                namespace = Optional.of(new KubernetesMetadata.Entry("namespace", ns.get(), p.key().span(), p.value().span()));
            }
        }
        return new KubernetesMetadata.Metadata(namespace,
                entries(decls.stream().flatMap(d -> d.labels().stream()).toList(), values, "label"),
                entries(decls.stream().flatMap(d -> d.annotations().stream()).toList(), values, "annotation"));
    }

    /** The kinds of objects the project's {@code kubernetes} blocks ask for. */
    KubernetesMetadata.Resources resources(List<Decl.KubernetesDecl> decls, ValueReader values) {
        KubernetesMetadata.Resources d = KubernetesMetadata.Resources.DEFAULT;
        boolean alertmanagerConfig = d.alertmanagerConfig();
        dev.vigil.compiler.source.Span at = d.at();
        boolean grafanaOperator = d.grafanaOperator();
        java.util.SortedMap<String, String> selector = d.instanceSelector();
        String folderAnnotation = d.folderAnnotation();
        // Each key once: PropertyReader reported repeats when the metadata was read.
        Map<String, Property> byKey = new java.util.LinkedHashMap<>();
        decls.stream().flatMap(k -> k.properties().stream()).forEach(p -> byKey.putIfAbsent(p.key().text(), p));
        Property am = byKey.get("alertmanager");
        if (am != null) {
            Optional<String> kind = kind(am, values, "ConfigMap", "AlertmanagerConfig");
            if (kind.isPresent()) {
                alertmanagerConfig = kind.get().equals("AlertmanagerConfig");
                at = am.value().span();
            }
        }
        Property dashboards = byKey.get("dashboards");
        if (dashboards != null) {
            Optional<String> kind = kind(dashboards, values, "ConfigMap", "GrafanaDashboard");
            if (kind.isPresent()) {
                grafanaOperator = kind.get().equals("GrafanaDashboard");
            }
        }
        Property folder = byKey.get("folder_annotation");
        if (folder != null) {
            Optional<String> key = values.string(folder.value(), "folder_annotation");
            if (key.isPresent()) {
                Optional<String> why = KubernetesSyntax.key(key.get());
                if (why.isPresent()) {
                    sink.error(Ids.TYPE_MISMATCH, folder.value().span(), "The annotation key `" + key.get()
                            + "` is not valid in Kubernetes: " + why.get() + ".", "Write a key such as `grafana_folder`.");
                } else {
                    folderAnnotation = key.get();
                }
            }
        }
        Property instances = byKey.get("instance_selector");
        if (instances != null) {
            java.util.SortedMap<String, String> read = new java.util.TreeMap<>();
            for (String pair : values.words(instances.value(), "instance_selector")) {
                int eq = pair.indexOf('=');
                Optional<String> why = eq < 0 ? Optional.of("a selector is `KEY=VALUE`")
                        : KubernetesSyntax.key(pair.substring(0, eq)).or(() -> KubernetesSyntax.labelValue(pair.substring(eq + 1)));
                if (why.isPresent()) {
                    sink.error(Ids.TYPE_MISMATCH, instances.value().span(), "The instance selector `" + pair
                            + "` is not a Kubernetes label selector: " + why.get() + ".", "Write `[\"dashboards=grafana\"]`.");
                } else {
                    read.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            if (!read.isEmpty()) {
                selector = read;
            }
        }
        return new KubernetesMetadata.Resources(alertmanagerConfig, at, grafanaOperator, selector, folderAnnotation,
                Optional.empty());
    }

    private Optional<String> kind(Property p, ValueReader values, String... kinds) {
        Optional<String> kind = values.word(p.value(), p.key().text());
        if (kind.isPresent() && !List.of(kinds).contains(kind.get())) {
            sink.error(Ids.TYPE_MISMATCH, p.value().span(), "`" + p.key().text() + "` takes " + ModelBuilder.quoteList(List.of(kinds))
                    + ", not `" + kind.get() + "`.", null);
            return Optional.empty();
        }
        return kind;
    }

    private List<KubernetesMetadata.Entry> entries(List<LabelPair> pairs, ValueReader values, String kind) {
        List<KubernetesMetadata.Entry> out = new ArrayList<>();
        Map<String, LabelPair> seen = new HashMap<>();
        for (LabelPair p : pairs) {
            LabelPair first = seen.putIfAbsent(p.name().text(), p);
            if (first != null) {
                sink.error(Ids.NAME_DUPLICATE, p.name().span(), "The Kubernetes " + kind + " `" + p.name().text()
                        + "` is set twice at this level.", "Keep one; the first is at " + first.name().span() + ".");
                continue;
            }
            Optional<Value> v = values.resolve(p.value());
            if (v.isEmpty()) {
                continue;
            }
            Optional<String> text = ModelBuilder.labelText(v.get());
            if (text.isEmpty()) {
                sink.error(Ids.TYPE_MISMATCH, p.value().span(), "The Kubernetes " + kind + " `" + p.name().text()
                        + "` expects a string, but got " + v.get().kind() + ".", null);
                continue;
            }
            out.add(new KubernetesMetadata.Entry(p.name().text(), text.get(), p.name().span(), p.value().span()));
        }
        return out;
    }
}
