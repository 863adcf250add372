package dev.vigil.compiler.validate.test;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A test's input series of a declared metric that lacks a label the declaration promises. Label
 * inference, and every check built on it, trusts the declaration: such a test exercises series
 * production never has, and what it proves (an alert's labels, a join) may not hold there.
 */
public final class SeriesLabels implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Map<String, Metric> declared = new HashMap<>();
        for (Service s : project.services()) {
            for (Metric m : s.metrics()) {
                if (m != null && m.name() != null) {
                    declared.putIfAbsent(m.name(), m);
                }
            }
        }
        for (Service s : project.services()) {
            for (TestCase t : s.tests()) {
                if (!(t.origin() instanceof Origin.Written)) {
                    continue;
                }
                for (TestCase.InputSeries in : t.series()) {
                    String name = in.selector() == null ? null : in.selector().name().orElse(null);
                    Metric m = name == null ? null : metric(declared, name);
                    if (m == null) {
                        continue;
                    }
                    Set<String> given = new TreeSet<>();
                    in.selector().matchers().forEach(x -> given.add(x.name()));
                    List<String> missing = new ArrayList<>();
                    for (String label : labels(m, name)) {
                        if (!given.contains(label)) {
                            missing.add("`" + label + "`");
                        }
                    }
                    if (!missing.isEmpty()) {
                        sink.warning(id(), in.selector().span(), "This `" + name + "` series lacks " + String.join(", ",
                                missing) + ", which metric `" + m.name() + "` declares every series has.",
                                "Give the series the labels production gives it, or move the labels only some series of `"
                                        + m.name() + "` carry to `optional_labels`.");
                    }
                }
            }
        }
    }

    /** The declared metric a series belongs to: itself, or the histogram or summary of its {@code _bucket}, {@code _count}, {@code _sum}. */
    private static Metric metric(Map<String, Metric> declared, String series) {
        Metric m = declared.get(series);
        if (m != null) {
            return m;
        }
        Metric base = declared.get(Metric.baseName(series));
        return base != null && (base.type() == MetricType.HISTOGRAM || base.type() == MetricType.SUMMARY) ? base : null;
    }

    private static List<String> labels(Metric m, String series) {
        List<String> out = new ArrayList<>(m.labels());
        if (series.endsWith("_bucket") && m.type() == MetricType.HISTOGRAM) {
            out.add("le");
        }
        return out;
    }
}
