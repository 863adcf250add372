package dev.vigil.compiler.validate.slo;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A latency SLI counts the requests in the {@code le} bucket of its threshold. When the histogram's
 * buckets are declared, the threshold must be one of them: a bucket that does not exist selects no
 * series, and the SLI would read every request as slow (or, with the traffic guard, nothing at all).
 */
public final class LatencyThreshold implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        LabelInference labels = analysis.labels();
        for (Service s : project.services()) {
            for (Slo slo : s.slos()) {
                Slo.Sli sli = slo.sli();
                if (sli == null || sli.kind() != Slo.SliKind.LATENCY || sli.threshold() == null
                        || !(sli.queries().get("histogram") instanceof VectorSelector v) || v.name().isEmpty()) {
                    continue;
                }
                Optional<Metric> metric = labels.metric(Metric.baseName(v.name().get()));
                if (metric.isEmpty() || metric.get().buckets().isEmpty()) {
                    continue;
                }
                BigDecimal t = sli.threshold();
                if (metric.get().buckets().stream().anyMatch(b -> b.compareTo(t) == 0)) {
                    continue;
                }
                String buckets = metric.get().buckets().stream().map(b -> b.stripTrailingZeros().toPlainString())
                        .collect(Collectors.joining(", "));
                sink.error(id(), sli.thresholdSpan(), "Latency threshold `" + t.stripTrailingZeros().toPlainString()
                        + "` of SLO `" + slo.name() + "` is not a bucket of `" + metric.get().name() + "`.",
                        "Use one of its buckets: " + buckets + ". Only an existing `le` boundary can be counted "
                                + "exactly.");
            }
        }
    }
}
