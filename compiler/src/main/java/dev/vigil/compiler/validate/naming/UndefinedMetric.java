package dev.vigil.compiler.validate.naming;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.support.Models;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query selects a metric that is neither declared nor recorded. In a service that declares its
 * metrics every name is checked; elsewhere only names with colons, which by convention are
 * recording rules, and only when the project records something (a project that records nothing
 * reads its recording rules from elsewhere). Prometheus's own series ({@code up}, {@code scrape_*},
 * {@code ALERTS}) are always known. A warning: strict mode makes it an error.
 */
public final class UndefinedMetric implements Validator {
    private static final Set<String> BUILT_IN = Set.of("up", "ALERTS", "ALERTS_FOR_STATE", "scrape_duration_seconds",
            "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added",
            "scrape_timeout_seconds", "scrape_sample_limit", "scrape_body_size_bytes");

    /** The closest name by edit distance, or a recorded name that extends this one ({@code a:b} to {@code a:b:max}). */
    private static String closest(String name, Set<String> names) {
        String near = Suggest.closest(name, names);
        if (near == null) {
            near = new java.util.TreeSet<>(names).stream().filter(n -> n.startsWith(name + ":")).findFirst().orElse(null);
        }
        return near;
    }

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Set<String> declared = new HashSet<>();
        for (Service s : project.services()) {
            for (Metric m : s.metrics()) {
                if (m == null || m.name() == null) {
                    continue;
                }
                declared.add(m.name());
                if (m.type() == MetricType.HISTOGRAM || m.type() == MetricType.SUMMARY) {
                    declared.add(m.name() + "_count");
                    declared.add(m.name() + "_sum");
                    declared.add(m.name() + "_created");
                }
                if (m.type() == MetricType.HISTOGRAM) {
                    declared.add(m.name() + "_bucket");
                }
                if (m.type() == MetricType.COUNTER) {
                    declared.add(m.name() + "_created");
                }
            }
        }
        Set<String> recorded = Models.recordingNames(project);
        Set<String> known = new HashSet<>(declared);
        known.addAll(recorded);
        for (Service s : project.services()) {
            boolean checksAll = !s.metrics().isEmpty();
            if (!checksAll && recorded.isEmpty()) {
                continue;
            }
            // The queries of this service alone: a project of just this service.
            Project one = new Project(List.of(s), project.constants(), project.severities(), project.settings(),
                    dev.vigil.compiler.model.Routing.EMPTY, List.of());
            // One finding per selector and metric: an SLO's generated rules read `x_bucket` and `x_count`
            // where the user wrote histogram `x`, and the name the user wrote is the one to report.
            Map<List<Object>, VectorSelector> found = new LinkedHashMap<>();
            for (Queries.Use use : Queries.of(one)) {
                Expr.walk(use.expr(), e -> {
                    if (!(e instanceof VectorSelector v)) {
                        return;
                    }
                    String name = v.name().orElse(null);
                    if (name == null || known.contains(name) || BUILT_IN.contains(name) || name.startsWith("scrape_")) {
                        return;
                    }
                    boolean recording = name.contains(":");
                    if (!checksAll && (!recording || recorded.isEmpty())) {
                        return;
                    }
                    found.merge(List.of(v.span(), Metric.baseName(name)), v,
                            (a, b) -> b.name().orElseThrow().equals(Metric.baseName(name)) ? b : a);
                });
            }
            for (VectorSelector v : found.values()) {
                String name = v.name().orElseThrow();
                boolean recording = name.contains(":");
                String near = closest(name, recording ? recorded : known);
                sink.warning(id(), v.metricName() != null ? Models.prefix(v.span(), name.length()) : v.span(),
                        recording ? "Recording rule `" + name + "` is not defined in this project."
                                : "Metric `" + name + "` is neither declared nor recorded in this project.",
                        near != null ? "Did you mean `" + near + "`?"
                                : recording ? "Define it with `record " + name + " = ...`, or correct the name."
                                        : "Declare it with `metric " + name + " <type>`, or correct the name.");
            }
        }
    }
}
