package dev.vigil.compiler.importer.slo;

import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.importer.ImportedSource;
import dev.vigil.compiler.importer.Importer;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.yaml.YamlDocument;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Pyrra's {@code ServiceLevelObjective} ({@code pyrra.dev/v1alpha1}): target, window, description,
 * and a {@code ratio}, {@code latency} or {@code bool_gauge} indicator with its grouping. Labels
 * {@code pyrra.dev/<name>}, which Pyrra puts on its alerts, become the service's labels (and
 * {@code pyrra.dev/team} its team). The service is named by the total selector's {@code job}
 * matcher, else the object's namespace, else the SLO's own name.
 */
public final class PyrraImporter implements Importer {
    private static final String PREFIX = "pyrra.dev/";
    private static final Set<String> SPEC_KEYS = Set.of("target", "window", "description", "indicator", "alerting");

    @Override
    public String kind() {
        return "Pyrra ServiceLevelObjective";
    }

    @Override
    public boolean recognises(YamlDocument document) {
        Node root = document.root();
        return "ServiceLevelObjective".equals(InputNodes.text(root, "kind"))
                && String.valueOf(InputNodes.text(root, "apiVersion")).startsWith("pyrra.dev/");
    }

    private record Indicator(SloText.Sli sli, List<String> by, Optional<String> job) {
    }

    @Override
    public List<ImportedSource> translate(YamlDocument document, DiagnosticSink sink) {
        InputNodes in = new InputNodes(document, sink);
        Node root = document.root();
        Node metadata = InputNodes.get(root, "metadata");
        Node spec = InputNodes.get(root, "spec");
        String name = InputNodes.text(metadata, "name");
        Optional<BigDecimal> target = InputNodes.number(InputNodes.get(spec, "target"));
        if (name == null || target.isEmpty()) {
            in.error(Ids.PROPERTY_MISSING, spec == null ? root : spec, "The ServiceLevelObjective has no "
                    + (name == null ? "`metadata.name`" : "numeric `spec.target`") + ".",
                    "Pyrra requires both; the target is a percentage such as `\"99.5\"`.");
            return List.of();
        }
        for (Map.Entry<String, Node> e : InputNodes.entries(spec).entrySet()) {
            if (!SPEC_KEYS.contains(e.getKey())) {
                in.unmapped(e.getValue(), "`spec." + e.getKey() + "` is not imported.", null);
            }
        }
        Long window = window(in, InputNodes.get(spec, "window"));
        Node indicatorNode = InputNodes.get(spec, "indicator");
        Optional<Indicator> indicator = indicator(in, indicatorNode == null ? spec : indicatorNode, name);
        if (indicator.isEmpty()) {
            return List.of();
        }
        Node alerting = InputNodes.get(spec, "alerting");
        boolean off = InputNodes.bool(InputNodes.get(alerting, "disabled")).orElse(false)
                || !InputNodes.bool(InputNodes.get(alerting, "burnrates")).orElse(true);
        for (String key : List.of("name", "absent", "absentName")) {
            Node v = InputNodes.get(alerting, key);
            if (v != null && !(key.equals("absent") && InputNodes.bool(v).orElse(true) && off)) {
                in.unmapped(v, "`spec.alerting." + key + "` is not imported: Vigil names the burn-rate alerts itself "
                        + "and writes no alert for a missing metric.", "Add an `absent()` alert by hand if you need one.");
            }
        }
        SloText.Tier tier = off ? new SloText.Tier("off", null) : SloText.Tier.DEFAULT;
        String team = null;
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Node> at = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : InputNodes.entries(InputNodes.get(metadata, "labels")).entrySet()) {
            String value = InputNodes.text(e.getValue()).orElse("");
            if (e.getKey().equals(PREFIX + "team")) {
                team = value;
            } else if (e.getKey().startsWith(PREFIX)) {
                labels.put(e.getKey().substring(PREFIX.length()), value);
                at.put(e.getKey().substring(PREFIX.length()), e.getValue());
            } else {
                in.unmapped(e.getValue(), "Label `" + e.getKey() + "` of the object is not imported: only `" + PREFIX
                        + "` labels reach Pyrra's alerts.", null);
            }
        }
        labels = SloText.serviceLabels(labels, at, in);
        String service = VigilText.snakeName(indicator.get().job()
                .or(() -> Optional.ofNullable(InputNodes.text(metadata, "namespace"))).orElse(name), "service");
        SloText.Slo slo = new SloText.Slo(VigilText.snakeName(name, "slo"), target.get(), window,
                InputNodes.text(spec, "description"), indicator.get().sli(), indicator.get().by(), tier, tier);
        return List.of(new ImportedSource(service, SloText.write(new SloText.Service(service, team, labels,
                List.of(slo)))));
    }

    private static Long window(InputNodes in, Node window) {
        Optional<String> text = InputNodes.text(window);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return dev.vigil.compiler.promql.Durations.parseMillis(text.get());
        } catch (IllegalArgumentException e) {
            in.error(Ids.TYPE_INVALID_DURATION, window, "`spec.window` is `" + text.get() + "`, not a duration.",
                    "Write a duration such as `28d` or `4w`.");
            return null;
        }
    }

    private Optional<Indicator> indicator(InputNodes in, Node indicator, String name) {
        Node ratio = InputNodes.get(indicator, "ratio");
        Node latency = InputNodes.get(indicator, "latency");
        Node gauge = InputNodes.get(indicator, "bool_gauge");
        String what = "indicator of `" + name + "`";
        if (ratio != null) {
            Node total = InputNodes.get(InputNodes.get(ratio, "total"), "metric");
            Optional<VectorSelector> t = selector(in, total, what);
            return SliMapping.events(in, ratio, "errors", InputNodes.get(InputNodes.get(ratio, "errors"), "metric"), total,
                    what)
                    .map(m -> new Indicator(m.sli(), grouping(ratio, m.by()), t.flatMap(SloQueries::job)));
        }
        if (latency != null) {
            Node success = InputNodes.get(InputNodes.get(latency, "success"), "metric");
            Node total = InputNodes.get(InputNodes.get(latency, "total"), "metric");
            Optional<VectorSelector> s = selector(in, success, what);
            Optional<VectorSelector> t = selector(in, total, what);
            if (success == null || total == null) {
                in.error(Ids.PROPERTY_MISSING, latency, "The latency indicator needs `success.metric` and `total.metric`.",
                        null);
            }
            if (s.isEmpty() || t.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> le = SloQueries.bucket(s.get());
            String metric = String.valueOf(s.get().metricName());
            if (le.isEmpty() || !metric.endsWith("_bucket")) {
                in.error(Ids.TYPE_MISMATCH, success, "The latency indicator's success metric is not a histogram "
                        + "bucket with an `le` matcher.", "Pyrra requires one, such as `http_request_duration_seconds_bucket{le=\"0.5\"}`.");
                return Optional.empty();
            }
            String base = metric.substring(0, metric.length() - "_bucket".length());
            if (!(base + "_count").equals(t.get().metricName())) {
                in.unmapped(total, "The latency indicator's total metric is not `" + base + "_count`; Vigil counts the "
                        + "requests of the histogram itself.", null);
            }
            Map<String, Expr> queries = Map.of("histogram", SloQueries.histogram(s.get(), base));
            return Optional.of(new Indicator(new SloText.Sli("latency", queries, new BigDecimal(le.get())),
                    grouping(latency, List.of()), SloQueries.job(t.get())));
        }
        if (gauge != null) {
            Node metric = InputNodes.get(gauge, "metric");
            return selector(in, metric, what).map(v -> new Indicator(new SloText.Sli("availability",
                    Map.of("good", v), null), grouping(gauge, List.of()), SloQueries.job(v)));
        }
        in.unmapped(indicator, "SLO `" + name + "` is not imported: its indicator is not `ratio`, "
                + "`latency` or `bool_gauge`.", "Vigil's latency SLIs read classic histogram buckets; write "
                + "native-histogram SLOs in Vigil as a `ratio` SLI.");
        return Optional.empty();
    }

    private static List<String> grouping(Node indicator, List<String> fallback) {
        List<String> g = InputNodes.stringList(InputNodes.get(indicator, "grouping"));
        return g.isEmpty() ? fallback : g;
    }

    private static Optional<VectorSelector> selector(InputNodes in, Node metric, String what) {
        if (metric == null) {
            return Optional.empty();
        }
        Optional<Expr> e = in.promql(metric, InputNodes.text(metric).orElse(""), what);
        if (e.isPresent() && !(e.get() instanceof VectorSelector)) {
            in.error(Ids.TYPE_MISMATCH, metric, "The " + what + " must be a selector such as `http_requests_total{job=\"api\"}`.",
                    "Pyrra reads selectors only, and so does Vigil.");
        }
        return e.filter(VectorSelector.class::isInstance).map(VectorSelector.class::cast);
    }
}
