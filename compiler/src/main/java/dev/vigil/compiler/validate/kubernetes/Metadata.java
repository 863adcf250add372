package dev.vigil.compiler.validate.kubernetes;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.KubernetesMetadata;
import dev.vigil.compiler.model.KubernetesSyntax;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The metadata of a {@code kubernetes} block that the API server would refuse: a namespace that is
 * not a DNS-1123 label, a label or annotation key or a label value outside Kubernetes' syntax, and
 * annotations of one level over the 262,144 bytes the API server allows an object in total. Every
 * object of the level would be rejected by {@code kubectl apply}, so these are blocking errors, at
 * the value. What the build tool sets is checked by the build tool, which has no span to report at.
 */
public final class Metadata implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        KubernetesMetadata k = project.settings().kubernetes();
        List<KubernetesMetadata.Metadata> levels = new ArrayList<>();
        levels.add(k.project());
        levels.addAll(k.services().values());
        for (KubernetesMetadata.Metadata level : levels) {
            level.namespace().filter(e -> !e.valueSpan().isNone()).ifPresent(e ->
                    report(KubernetesSyntax.namespace(e.value()), e.valueSpan(), "The namespace `" + e.value() + "`",
                            "Write a DNS-1123 label such as `monitoring`.", sink));
            for (KubernetesMetadata.Entry e : fromSources(level.labels())) {
                report(KubernetesSyntax.key(e.key()), e.keySpan(), "The label key `" + e.key() + "`",
                        "Write a key such as `release` or `example.com/team`.", sink);
                report(KubernetesSyntax.labelValue(e.value()), e.valueSpan(), "The value of label `" + e.key() + "`",
                        "Put longer or freer text in an annotation.", sink);
            }
            int size = 0;
            for (KubernetesMetadata.Entry e : fromSources(level.annotations())) {
                report(KubernetesSyntax.annotationKey(e.key()), e.keySpan(), "The annotation key `" + e.key() + "`",
                        "Write a key such as `example.com/owner`.", sink);
                size += e.key().getBytes(StandardCharsets.UTF_8).length + e.value().getBytes(StandardCharsets.UTF_8).length;
                if (size > KubernetesSyntax.ANNOTATIONS_BYTES) {
                    sink.blocking(id(), e.valueSpan(), "The annotations up to `" + e.key() + "` come to " + size
                            + " bytes, over the " + KubernetesSyntax.ANNOTATIONS_BYTES + " bytes Kubernetes allows an object's "
                            + "annotations in total.", "Keep large text out of annotations, in a ConfigMap or a link.");
                    break;
                }
            }
        }
    }

    private static List<KubernetesMetadata.Entry> fromSources(List<KubernetesMetadata.Entry> entries) {
        return entries.stream().filter(e -> !e.keySpan().isNone()).toList();
    }

    private void report(Optional<String> problem, dev.vigil.compiler.source.Span span, String what, String hint,
            DiagnosticSink sink) {
        problem.ifPresent(why -> sink.blocking(id(), span, what + " is not valid in Kubernetes: " + why + ".", hint));
    }
}
