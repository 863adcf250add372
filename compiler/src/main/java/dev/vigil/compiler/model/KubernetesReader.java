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

    private final DiagnosticSink sink;

    KubernetesReader(DiagnosticSink sink) {
        this.sink = sink;
    }

    KubernetesMetadata.Metadata read(List<Decl.KubernetesDecl> decls, ValueReader values) {
        if (decls.isEmpty()) {
            return KubernetesMetadata.Metadata.EMPTY;
        }
        Optional<KubernetesMetadata.Entry> namespace = Optional.empty();
        List<Property> properties = decls.stream().flatMap(d -> d.properties().stream()).toList();
        for (Property p : new PropertyReader(properties, "kubernetes", sink).all()) {
            if (!PROPERTIES.contains(p.key().text())) {
                PropertyReader.unknown(p, "kubernetes block", PROPERTIES, sink);
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
