package dev.vigil.compiler.validate.division;

import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.VectorSelector;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exporter metrics that are never 0 on a system that is scraped, so dividing by them is safe. Each
 * has its reason; a limit whose 0 means "no limit" (conntrack's {@code nf_conntrack_max}, Redis
 * {@code maxmemory}) or a size that may be 0 (swap, a pseudo file system) does not belong here.
 */
final class NeverZero {
    static final Map<String, String> METRICS = new TreeMap<>(Map.of(
            "node_memory_MemTotal_bytes", "the host's physical memory",
            "machine_memory_bytes", "the machine's physical memory, as cAdvisor reads it",
            "machine_cpu_cores", "a machine has at least one CPU",
            "node_filefd_maximum", "`fs.file-max`: at 0 no process but root could open a file, so the exporter could not answer",
            "process_max_fds", "the process's open-file limit: the process answering the scrape holds a socket open",
            "prometheus_engine_queries_concurrent_max", "`--query.max-concurrency` (at least 1), or -1 without a query log"));

    private static final Set<AggregateOp> KEEPS_NON_ZERO = Set.of(AggregateOp.SUM, AggregateOp.AVG, AggregateOp.MIN,
            AggregateOp.MAX);

    private NeverZero() {
    }

    private static final Set<String> OVER_TIME = Set.of("avg_over_time", "min_over_time", "max_over_time",
            "last_over_time");

    /** A selector of one of {@link #METRICS}, or a sum, average, minimum or maximum of one, over series or time. */
    static boolean is(Expr e) {
        Expr x = Expr.unparen(e);
        if (x instanceof Aggregation a && KEEPS_NON_ZERO.contains(a.op())) {
            return is(a.expr());
        }
        if (x instanceof Call c && OVER_TIME.contains(c.function()) && c.args().size() == 1
                && c.args().get(0) instanceof MatrixSelector m) {
            return is(m.selector());
        }
        return x instanceof VectorSelector v && v.name().isPresent() && METRICS.containsKey(v.name().get());
    }
}
