package dev.vigil.benchmarks;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import java.util.Locale;

/** Generated inputs of a known size, shaped like real projects. */
final class Inputs {
    private Inputs() {
    }

    /** Compiles a benchmark input, which must compile: a benchmark of error reporting would measure something else. */
    static CompileResult compileClean(List<SourceFile> sources) {
        return compileClean(sources, CompileOptions.DEFAULT);
    }

    static CompileResult compileClean(List<SourceFile> sources, CompileOptions options) {
        CompileResult result = Compiler.compile(sources, options);
        if (result.hasErrors()) {
            throw new IllegalStateException("benchmark input must compile: " + result.diagnostics().get(0));
        }
        return result;
    }

    /** One service with {@code rules} recording rules and as many alerts, in groups of 20. */
    static String project(int rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("service bench {\n  team \"perf\"\n  const threshold = 0.05\n");
        for (int g = 0; g * 20 < rules; g++) {
            sb.append("  group g").append(g).append(" every 30s {\n");
            for (int i = g * 20; i < Math.min(rules, (g + 1) * 20); i++) {
                sb.append(String.format(Locale.ROOT,
                        "    record job:http_errors%d:ratio_rate5m =%n"
                                + "      sum by (job) (rate(http_requests_total{code=~\"5..\", shard=\"%d\"}[5m]))%n"
                                + "        / clamp_min(sum by (job) (rate(http_requests_total{shard=\"%d\"}[5m])), 1)%n"
                                + "    alert HighErrorRatio%d {%n"
                                + "      when job:http_errors%d:ratio_rate5m > $threshold%n"
                                + "      for 10m%n"
                                + "      severity warning%n"
                                + "      summary \"Error ratio {{ $value | humanizePercentage }} on {{ $labels.job }}\"%n"
                                + "    }%n", i, i, i, i, i));
            }
            sb.append("  }\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    static final String[] QUERIES = {
        "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / sum by (job) (rate(http_requests_total[5m]))",
        "histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5",
        "max by (topic, consumergroup) (kafka:group_partition_lag:max) / clamp_min(avg by (topic, consumergroup) "
                + "(kafka:group_partition_lag:max), 0.001)",
        "count(count by (memberid) (kafka_consumergroup_current_offset{consumergroup=\"crm-events-sse\"})) < 2",
        "(aether:cache_hit_ratio:5m:all < 0.3) and on() sum(rate(aether_requests_total[15m])) > 0",
        "predict_linear(node_filesystem_avail_bytes{fstype!~\"tmpfs|overlay\"}[6h], 4 * 3600) < 0",
    };
}
