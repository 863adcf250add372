package dev.vigil.targets.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.model.KubernetesSyntax;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sizes a cluster accepts, and which of them an object breaks. Each limit is the number its
 * owner documents (docs/kubernetes.md cites them):
 * <ul>
 *   <li>a ConfigMap's {@code data} holds at most 1 MiB (kubernetes.io, Concepts, ConfigMaps);</li>
 *   <li>an object's annotations hold at most 262,144 bytes of keys and values together
 *       ({@code TotalAnnotationSizeLimitB}, apimachinery's ObjectMeta validation);</li>
 *   <li>etcd takes requests of at most 1.5 MiB by default ({@code --max-request-bytes},
 *       etcd.io, dev-guide, System limits), so the stored object, JSON for a custom resource, must be
 *       smaller still;</li>
 *   <li>prometheus-operator copies each PrometheusRule's {@code spec}, as a rule file, into a
 *       ConfigMap of its own making that it keeps to half of 1 MiB, and drops a rule file larger than
 *       that ("too large for a single Kubernetes ConfigMap"): the limit that binds a PrometheusRule.</li>
 * </ul>
 */
public final class KubernetesLimits {
    public static final int CONFIG_MAP_DATA = 1_048_576;
    public static final int ETCD_REQUEST = 1_572_864;
    public static final int OPERATOR_RULE_FILE = 524_288;
    /**
     * What a split fills a PrometheusRule's rules to: nine tenths of the operator's limit. The operator
     * measures the rule file it renders itself (Go's YAML, which may quote, fold and order differently,
     * and may add namespace matchers), so Vigil's measure of its own YAML keeps a tenth in hand.
     */
    public static final int RULE_FILE_PACKED = OPERATOR_RULE_FILE / 10 * 9;

    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesLimits() {
    }

    /** What the object breaks, each as a clause such as "its data is 1,200,000 bytes, over ..."; empty if nothing. */
    public static List<String> problems(KubernetesObject o) {
        List<String> out = new ArrayList<>();
        if (o.kind().equals("ConfigMap") && o.document().get("data") instanceof Map<?, ?> data) {
            long size = data.values().stream().mapToLong(v -> bytes(String.valueOf(v))).sum();
            if (size > CONFIG_MAP_DATA) {
                out.add("its data is " + n(size) + " bytes, over the " + n(CONFIG_MAP_DATA) + " bytes (1 MiB) a ConfigMap holds");
            }
        }
        if (o.metadata().get("annotations") instanceof Map<?, ?> annotations) {
            long size = annotations.entrySet().stream()
                    .mapToLong(e -> bytes(String.valueOf(e.getKey())) + bytes(String.valueOf(e.getValue()))).sum();
            if (size > KubernetesSyntax.ANNOTATIONS_BYTES) {
                out.add("its annotations are " + n(size) + " bytes, over the " + n(KubernetesSyntax.ANNOTATIONS_BYTES) + " bytes Kubernetes allows");
            }
        }
        long json = jsonBytes(o.document());
        if (json > ETCD_REQUEST) {
            out.add("it is " + n(json) + " bytes as JSON, over the " + n(ETCD_REQUEST) + " bytes (1.5 MiB) etcd stores by default");
        }
        // Every PrometheusRule carries the size of its rules, measured when the service's groups were split.
        if (o.kind().equals("PrometheusRule") && o.rulesBytes().isPresent()) {
            long size = o.rulesBytes().getAsLong();
            if (size > OPERATOR_RULE_FILE) {
                out.add("its rules are " + n(size) + " bytes, over the " + n(OPERATOR_RULE_FILE) + " bytes (512 KiB) "
                        + "prometheus-operator puts in one rule file");
            }
        }
        return out;
    }

    public static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The object's size as JSON, counted as it is written rather than kept: a dashboard's object holds
     * its whole JSON as one string, which would otherwise be copied twice more only to be measured.
     */
    static long jsonBytes(Object document) {
        Counter counter = new Counter();
        try {
            JSON.writeValue(counter, document);
        } catch (IOException e) {
            // Unreachable: the objects are maps, lists, strings and numbers, and the counter writes nowhere.
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    private static final class Counter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static String n(long v) {
        return String.format(java.util.Locale.ROOT, "%,d", v);
    }
}
