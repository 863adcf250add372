package dev.vigil.targets.prometheus;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.Span;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.kubernetes.KubernetesLimits;
import dev.vigil.targets.kubernetes.KubernetesObject;
import dev.vigil.targets.kubernetes.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code kubernetes/prometheusrule-<service>.yaml}: the service's rules as a prometheus-operator
 * {@code PrometheusRule}, carrying exactly the groups of the plain rule file.
 *
 * <p>prometheus-operator drops a PrometheusRule whose rules come to more than 512 KiB, so a larger
 * service is split at group boundaries (filling each part to nine tenths of that, {@link
 * KubernetesLimits#RULE_FILE_PACKED}), in declaration order, into {@code <service>},
 * {@code <service>--2}, {@code <service>--3}...: each part takes groups until the next would not fit.
 * A service's parts depend only on its own groups, and a change to one group moves only the groups
 * after it. A service's Kubernetes name never holds {@code --}, so no part can take another
 * service's name. A single group over the limit gets a part of its own, which the build refuses
 * ({@code Output.TooLarge}).
 */
public final class KubernetesRulesEmitter implements Emitter {
    static final String PREFIX = "kubernetes/prometheusrule-";

    @Override
    public String name() {
        return "kubernetes-rules";
    }

    @Override
    public void emit(Project project, EmitSettings settings, OutputManifest out) {
        objects(project).forEach(out::writeObject);
    }

    /** Every PrometheusRule of the project, each service's parts in order. */
    public static List<KubernetesObject> objects(Project project) {
        List<KubernetesObject> out = new ArrayList<>();
        for (Service service : project.services()) {
            if (RuleFiles.hasRules(service)) {
                out.addAll(objects(project, service, KubernetesLimits.RULE_FILE_PACKED));
            }
        }
        return out;
    }

    /** The service's PrometheusRules, each with at most {@code limit} bytes of rules unless one group is larger. */
    static List<KubernetesObject> objects(Project project, Service service, int limit) {
        List<Object> groups = RuleFiles.groups(project, service);
        // Most services fit in one part: their rules are rendered once to know it, and that size is kept.
        long whole = KubernetesLimits.bytes(Yaml.dump(Map.of("groups", groups)));
        List<Part> parts = whole <= limit ? List.of(new Part(indexes(groups.size()), whole)) : split(groups, limit);
        List<KubernetesObject> out = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            // Unique: Name.Collision reports two services with one Kubernetes name as blocking.
            String name = service.kubernetesName() + (p == 0 ? "" : "--" + (p + 1));
            List<Object> own = new ArrayList<>();
            List<Integer> indexes = parts.get(p).groups();
            indexes.forEach(i -> own.add(groups.get(i)));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("apiVersion", "monitoring.coreos.com/v1");
            doc.put("kind", "PrometheusRule");
            doc.put("metadata", ObjectMeta.of(name, project.settings().kubernetes().forService(service.name()),
                    Map.of("vigil.dev/service", service.kubernetesName())));
            doc.put("spec", Map.of("groups", own));
            // A part of one group is reported at that group, the rest at the service.
            Span origin = indexes.size() == 1 ? service.groups().get(indexes.get(0)).span() : service.span();
            String owner = indexes.size() == 1
                    ? "group `" + service.groups().get(indexes.get(0)).name() + "` of service `" + service.name() + "`"
                    : "service `" + service.name() + "`";
            out.add(new KubernetesObject(PREFIX + name + ".yaml", doc, () -> Yaml.dump(doc), owner, origin,
                    OptionalLong.of(parts.get(p).bytes())));
        }
        return out;
    }

    private static List<Integer> indexes(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    /** A part's groups, as indexes into the service's, and the size of its rules as YAML. */
    record Part(List<Integer> groups, long bytes) {
        Part {
            groups = List.copyOf(groups);
        }
    }

    /**
     * The groups, part by part. A rule file's YAML is {@code groups:} and then each group's lines, so
     * a part's size is the sum of its groups' sizes.
     */
    static List<Part> split(List<Object> groups, int limit) {
        List<Part> parts = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long size = header();
        for (int i = 0; i < groups.size(); i++) {
            long one = KubernetesLimits.bytes(Yaml.dump(Map.of("groups", List.of(groups.get(i))))) - header();
            if (!current.isEmpty() && size + one > limit) {
                parts.add(new Part(current, size));
                current = new ArrayList<>();
                size = header();
            }
            current.add(i);
            size += one;
        }
        parts.add(new Part(current, size));
        return parts;
    }

    private static long header() {
        return KubernetesLimits.bytes("groups:\n");
    }
}
