package dev.vigil.compiler.importer.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads what a running Prometheus knows of its metrics: {@code /api/v1/metadata} gives each metric's
 * type, help and unit as its targets expose them, {@code /api/v1/series} the label names its series
 * carry. A series is counted under the metric it belongs to ({@code x_bucket} under the histogram
 * {@code x}); series without metadata, such as recording rules' outputs, are not declared.
 */
public final class PrometheusApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrometheusApi() {
    }

    /**
     * The metrics of the two responses, by name. {@code targetLabels} are left out of the label names:
     * Prometheus attaches them to every scraped series, and the checks assume them already.
     */
    public static List<MetricFamily> read(SourceFile metadata, SourceFile series, Set<String> targetLabels,
            Predicate<String> names, DiagnosticSink sink) {
        Optional<JsonNode> meta = data(metadata, sink);
        Optional<JsonNode> sets = data(series, sink);
        if (meta.isEmpty() || sets.isEmpty()) {
            return List.of();
        }
        Span at = new Span(metadata.path(), 1, 1, 1, 1);
        Map<String, LabelPresence> labels = new TreeMap<>();
        Map<String, MetricType> types = new TreeMap<>();
        Map<String, JsonNode> entries = new TreeMap<>();
        List<MetricFamily> untyped = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.get().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!names.test(e.getKey())) {
                continue;
            }
            TreeSet<String> kinds = new TreeSet<>();
            e.getValue().forEach(m -> kinds.add(m.path("type").asText("")));
            if (kinds.size() > 1) {
                sink.warning(Ids.IMPORT_DROPPED, at, "Metric `" + e.getKey() + "` is left out: its targets expose it as "
                        + String.join(" and ", kinds) + ".", "Declare it by hand with the type its queries assume.");
                continue;
            }
            MetricType type = Exposition.type(kinds.isEmpty() ? null : kinds.first());
            if (type == null) {
                untyped.add(new MetricFamily(e.getKey(), null, "", "", List.of(), List.of(), at));
            } else {
                types.put(e.getKey(), type);
                entries.put(e.getKey(), e.getValue());
                labels.put(e.getKey(), new LabelPresence());
            }
        }
        // The name queries read: a counter `x` in OpenMetrics metadata is sampled as `x_total`, an info metric as `x_info`.
        Map<String, String> queried = new TreeMap<>();
        for (JsonNode set : sets.get()) {
            String name = set.path("__name__").asText("");
            String owner = owner(name, types);
            if (owner == null) {
                continue;
            }
            if (!owner.equals(name) && (name.equals(owner + "_total") || name.equals(owner + "_info"))) {
                queried.put(owner, name);
            }
            // Stored series have no empty labels: a label some series lack is the only kind of optional one.
            List<String> carried = new ArrayList<>();
            set.fieldNames().forEachRemaining(l -> {
                if (!l.equals("__name__") && !targetLabels.contains(l)) {
                    carried.add(l);
                }
            });
            labels.get(owner).add(carried, List.of());
        }
        // Untyped metrics are passed on, so that what declares them can say they were left out.
        List<MetricFamily> out = new ArrayList<>(untyped);
        for (Map.Entry<String, MetricType> e : types.entrySet()) {
            // Targets may word the help differently: the first, in sorted order, is kept.
            TreeSet<String> helps = new TreeSet<>();
            TreeSet<String> units = new TreeSet<>();
            entries.get(e.getKey()).forEach(m -> {
                helps.add(m.path("help").asText(""));
                units.add(m.path("unit").asText(""));
            });
            helps.remove("");
            units.remove("");
            out.add(new MetricFamily(queried.getOrDefault(e.getKey(), e.getKey()), e.getValue(), helps.isEmpty() ? "" : helps.first(),
                    units.isEmpty() ? "" : units.first(), labels.get(e.getKey()).every(e.getValue()),
                    labels.get(e.getKey()).some(e.getValue()), at));
        }
        return out;
    }

    /**
     * The metric a series belongs to: its own name's, a histogram's or summary's ({@code x_bucket},
     * {@code x_count}, {@code x_sum}), or an OpenMetrics counter's or info metric's ({@code x_total},
     * {@code x_info}); null for a series without metadata or a counter's {@code _created}.
     */
    private static String owner(String series, Map<String, MetricType> types) {
        if (types.containsKey(series)) {
            return series;
        }
        String base = Metric.baseName(series);
        MetricType t = types.get(base);
        if (!base.equals(series) && (t == MetricType.HISTOGRAM || t == MetricType.SUMMARY)) {
            return base;
        }
        for (Map.Entry<String, MetricType> suffix : Map.of("_total", MetricType.COUNTER, "_info", MetricType.INFO).entrySet()) {
            if (series.endsWith(suffix.getKey())) {
                String family = series.substring(0, series.length() - suffix.getKey().length());
                if (types.get(family) == suffix.getValue()) {
                    return family;
                }
            }
        }
        return null;
    }

    /** The {@code data} of a successful API response, or a diagnostic at the response. */
    private static Optional<JsonNode> data(SourceFile response, DiagnosticSink sink) {
        Span at = new Span(response.path(), 1, 1, 1, 1);
        try {
            JsonNode root = JSON.readTree(response.text());
            if (root != null && "success".equals(root.path("status").asText()) && root.has("data")) {
                return Optional.of(root.get("data"));
            }
            String error = root == null ? "" : root.path("error").asText("");
            sink.error(Ids.IMPORT_UNREADABLE, at, "`" + response.path() + "` is not a successful Prometheus API response"
                    + (error.isEmpty() ? "." : ": " + error + "."), "Give the URL of the Prometheus server itself, "
                    + "such as `http://127.0.0.1:9090`.");
        } catch (JsonProcessingException e) {
            sink.error(Ids.IMPORT_UNREADABLE, at, "`" + response.path() + "` is not JSON: "
                    + e.getOriginalMessage() + ".", "Give the URL of the Prometheus server itself, such as `http://127.0.0.1:9090`.");
        }
        return Optional.empty();
    }
}
