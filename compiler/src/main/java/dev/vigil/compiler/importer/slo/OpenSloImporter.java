package dev.vigil.compiler.importer.slo;

import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.importer.ImportedSource;
import dev.vigil.compiler.importer.Importer;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.yaml.YamlDocument;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * OpenSLO v1 ({@code openslo/v1}): {@code SLO} documents with their {@code SLI} (inline, or
 * {@code indicatorRef} to an {@code SLI} document of the same input) and {@code AlertPolicy}s (inline,
 * or {@code alertPolicyRef}). A {@code ratioMetric} SLI of Prometheus queries maps to an {@code events}
 * (or {@code ratio}) SLI; each objective becomes an SLO (named after its {@code displayName} when there
 * are several). The SLO's {@code service} is the Vigil service. SLI, AlertPolicy and the other kinds are
 * read through the SLOs that name them, and write nothing themselves.
 */
public final class OpenSloImporter implements Importer {
    private static final Set<String> KINDS = Set.of("SLO", "SLI", "AlertPolicy", "AlertCondition",
            "AlertNotificationTarget", "Service", "DataSource");
    private static final Set<String> SPEC_KEYS = Set.of("description", "service", "indicator", "indicatorRef",
            "timeWindow", "budgetingMethod", "objectives", "alertPolicies");

    @Override
    public String kind() {
        return "OpenSLO document";
    }

    @Override
    public boolean recognises(YamlDocument document) {
        Node root = document.root();
        return String.valueOf(InputNodes.text(root, "apiVersion")).startsWith("openslo/")
                && KINDS.contains(String.valueOf(InputNodes.text(root, "kind")));
    }

    @Override
    public List<ImportedSource> translate(YamlDocument document, DiagnosticSink sink) {
        Node root = document.root();
        if (!"SLO".equals(InputNodes.text(root, "kind"))) {
            return List.of();
        }
        InputNodes in = new InputNodes(document, sink);
        long before = InputNodes.errors(sink);
        Node spec = InputNodes.get(root, "spec");
        String name = InputNodes.text(InputNodes.get(root, "metadata"), "name");
        String serviceName = InputNodes.text(spec, "service");
        if (name == null || serviceName == null) {
            in.error(Ids.PROPERTY_MISSING, spec == null ? root : spec, "The OpenSLO SLO has no "
                    + (name == null ? "`metadata.name`" : "`spec.service`") + ".", "OpenSLO requires both.");
            return List.of();
        }
        for (Map.Entry<String, Node> e : InputNodes.entries(spec).entrySet()) {
            if (!SPEC_KEYS.contains(e.getKey())) {
                in.unmapped(e.getValue(), "`spec." + e.getKey() + "` of SLO `" + name + "` is not imported.", null);
            }
        }
        Node method = InputNodes.get(spec, "budgetingMethod");
        if (method != null && !"Occurrences".equals(InputNodes.text(method).orElse(""))) {
            in.unmapped(method, "`budgetingMethod: " + InputNodes.text(method).orElse("") + "` is not imported: Vigil "
                    + "budgets by occurrences (good and bad events), not by time slices.", null);
        }
        Long window = window(in, spec);
        List<Node> siblings = siblings(document);
        Optional<SliMapping.Mapped> sli = indicator(in, spec, siblings, name);
        SloText.Tier[] tiers = alerting(in, spec, siblings, name);
        List<SloText.Slo> slos = new ArrayList<>();
        List<Node> objectives = InputNodes.items(InputNodes.get(spec, "objectives"));
        if (objectives.isEmpty()) {
            in.error(Ids.PROPERTY_MISSING, spec, "SLO `" + name + "` has no `objectives`.", "Add one with a `target`.");
        }
        for (int i = 0; i < objectives.size(); i++) {
            Node o = objectives.get(i);
            Optional<BigDecimal> percent = InputNodes.number(InputNodes.get(o, "target")).map(t -> t.movePointRight(2))
                    .or(() -> InputNodes.number(InputNodes.get(o, "targetPercent")));
            if (percent.isEmpty()) {
                in.error(Ids.PROPERTY_MISSING, o, "This objective has no numeric `target`.", "Write `target: 0.999`.");
                continue;
            }
            for (String key : List.of("op", "value", "timeSliceTarget", "timeSliceWindow")) {
                Node v = InputNodes.get(o, key);
                if (v != null) {
                    in.unmapped(v, "`" + key + "` of an objective of SLO `" + name + "` is not imported: Vigil's "
                            + "SLIs count events.", null);
                }
            }
            if (sli.isEmpty()) {
                continue;
            }
            String sloName = VigilText.snakeName(name, "slo") + (objectives.size() == 1 ? ""
                    : "_" + VigilText.snakeName(InputNodes.text(o, "displayName"), String.valueOf(i + 1)));
            slos.add(new SloText.Slo(sloName, percent.get().stripTrailingZeros(), window,
                    InputNodes.text(spec, "description"), sli.get().sli(), sli.get().by(), tiers[0], tiers[1]));
        }
        if (InputNodes.errors(sink) > before || slos.isEmpty()) {
            return List.of();
        }
        String service = VigilText.snakeName(serviceName, "service");
        return List.of(new ImportedSource(service, SloText.write(new SloText.Service(service, null, Map.of(), slos))));
    }

    private static Long window(InputNodes in, Node spec) {
        List<Node> windows = InputNodes.items(InputNodes.get(spec, "timeWindow"));
        if (windows.isEmpty()) {
            return null;
        }
        Node w = windows.get(0);
        if (!InputNodes.bool(InputNodes.get(w, "isRolling")).orElse(true)) {
            in.unmapped(w, "A calendar time window is not imported: Vigil's SLO windows roll.", null);
        }
        for (int i = 1; i < windows.size(); i++) {
            in.unmapped(windows.get(i), "Only the first time window is imported.", null);
        }
        Node duration = InputNodes.get(w, "duration");
        try {
            return Durations.parseMillis(InputNodes.text(duration).orElse(""));
        } catch (IllegalArgumentException e) {
            in.error(Ids.TYPE_INVALID_DURATION, duration == null ? w : duration, "The time window's `duration` is not a "
                    + "duration.", "Write one such as `28d`.");
            return null;
        }
    }

    /** Every document of the input, so references to SLI and AlertPolicy documents can be resolved. */
    static List<Node> siblings(YamlDocument document) {
        List<Node> out = new ArrayList<>();
        try {
            new Yaml(YamlDocument.options(document.source())).composeAll(new StringReader(document.source().text())).forEach(out::add);
        } catch (YAMLException e) {
            // The framework reported the syntax error; references then resolve against what was read.
        }
        return out;
    }

    private static Optional<Node> find(List<Node> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(InputNodes.text(d, "kind"))
                && name.equals(InputNodes.text(InputNodes.get(d, "metadata"), "name"))).findFirst();
    }

    private Optional<SliMapping.Mapped> indicator(InputNodes in, Node spec, List<Node> docs, String name) {
        Node sli = InputNodes.get(spec, "indicator");
        Node ref = InputNodes.get(spec, "indicatorRef");
        if (sli == null && ref != null) {
            String wanted = InputNodes.text(ref).orElse("");
            Optional<Node> found = find(docs, "SLI", wanted);
            if (found.isEmpty()) {
                in.error(Ids.REFERENCE_UNKNOWN, ref, "No `SLI` document named `" + wanted + "` is in this input.",
                        "Import the file that defines it together with the SLO, as one multi-document file.");
                return Optional.empty();
            }
            sli = found.get();
        }
        if (sli == null) {
            in.error(Ids.PROPERTY_MISSING, spec, "SLO `" + name + "` has no `indicator` or `indicatorRef`.", null);
            return Optional.empty();
        }
        Node sliSpec = InputNodes.get(sli, "spec");
        Node ratio = InputNodes.get(sliSpec, "ratioMetric");
        if (ratio == null) {
            in.unmapped(sliSpec == null ? sli : sliSpec, "SLO `" + name + "` is not imported: its SLI is not a "
                    + "`ratioMetric`.", "Vigil's SLIs count good and bad events; a threshold metric has no Vigil form.");
            return Optional.empty();
        }
        Node good = InputNodes.get(ratio, "good");
        Node bad = InputNodes.get(ratio, "bad");
        Node part = good != null ? good : bad;
        Optional<Node> partQuery = query(in, part, name);
        Optional<Node> totalQuery = query(in, InputNodes.get(ratio, "total"), name);
        if (partQuery.isEmpty() || totalQuery.isEmpty()) {
            if (part == null || InputNodes.get(ratio, "total") == null) {
                in.error(Ids.PROPERTY_MISSING, ratio, "The `ratioMetric` needs `good` or `bad`, and `total`.", null);
            }
            return Optional.empty();
        }
        return SliMapping.events(in, ratio, good != null ? "good" : "errors", partQuery.get(), totalQuery.get(),
                "SLI of `" + name + "`");
    }

    /** The Prometheus query of a metric ({@code metricSource.spec.query}); other sources are reported. */
    private static Optional<Node> query(InputNodes in, Node metric, String slo) {
        Node source = InputNodes.get(metric, "metricSource");
        if (source == null) {
            return Optional.empty();
        }
        String type = InputNodes.text(source, "type");
        if (type != null && !type.toLowerCase(Locale.ROOT).equals("prometheus")) {
            in.unmapped(source, "SLO `" + slo + "` is not imported: its metric source is `" + type
                    + "`, and Vigil reads Prometheus.", null);
            return Optional.empty();
        }
        return Optional.ofNullable(InputNodes.first(InputNodes.get(source, "spec"), "query", "promql"));
    }

    /** The page and ticket tiers from the alert policies' burn-rate conditions; none means no alerts. */
    private SloText.Tier[] alerting(InputNodes in, Node spec, List<Node> docs, String name) {
        SloText.Tier page = new SloText.Tier("off", null);
        SloText.Tier ticket = new SloText.Tier("off", null);
        for (Node policy : InputNodes.items(InputNodes.get(spec, "alertPolicies"))) {
            Node p = resolve(in, policy, "alertPolicyRef", "AlertPolicy", docs);
            if (p == null) {
                continue;
            }
            Node pspec = InputNodes.get(p, "spec");
            Node targets = InputNodes.get(pspec, "notificationTargets");
            if (targets != null) {
                in.unmapped(targets, "The notification targets of an alert policy of SLO `" + name + "` are not "
                        + "imported.", "Vigil sends alerts where the `routing` block's routes say.");
            }
            for (Node c : InputNodes.items(InputNodes.get(pspec, "conditions"))) {
                Node cond = resolve(in, c, "conditionRef", "AlertCondition", docs);
                if (cond == null) {
                    continue;
                }
                Node cspec = InputNodes.get(cond, "spec");
                String severity = String.valueOf(InputNodes.text(cspec, "severity")).toLowerCase(Locale.ROOT);
                Node condition = InputNodes.get(cspec, "condition");
                Long after = after(InputNodes.get(condition, "alertAfter"));
                for (String key : List.of("threshold", "lookbackWindow", "op")) {
                    Node v = InputNodes.get(condition, key);
                    if (v != null) {
                        in.unmapped(v, "`condition." + key + "` of an alert condition of SLO `" + name + "` is not "
                                + "imported: Vigil alerts on its multi-window burn-rate table.",
                                "Declare an `alert_windows` table to change the windows and factors.");
                    }
                }
                boolean pages = severity.equals("page") || severity.equals("critical");
                String vigil = SloText.SEVERITIES.contains(severity) ? severity : null;
                if (pages) {
                    page = new SloText.Tier(vigil, after);
                } else {
                    ticket = new SloText.Tier(vigil, after);
                }
            }
        }
        return new SloText.Tier[] {page, ticket};
    }

    /** An inline object, or the document a {@code *Ref} names (reported when missing). */
    private static Node resolve(InputNodes in, Node item, String refKey, String kind, List<Node> docs) {
        Node ref = InputNodes.get(item, refKey);
        if (ref == null) {
            return item;
        }
        String wanted = InputNodes.text(ref).orElse("");
        Optional<Node> found = find(docs, kind, wanted);
        if (found.isEmpty()) {
            in.error(Ids.REFERENCE_UNKNOWN, ref, "No `" + kind + "` document named `" + wanted + "` is in this input.",
                    "Import the file that defines it together with the SLO, as one multi-document file.");
            return null;
        }
        return found.get();
    }

    private static Long after(Node alertAfter) {
        try {
            return InputNodes.text(alertAfter).map(Durations::parseMillis).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
