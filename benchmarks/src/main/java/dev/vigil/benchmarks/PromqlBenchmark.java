package dev.vigil.benchmarks;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlChecker;
import dev.vigil.compiler.promql.ValueType;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing and checking single PromQL expressions, the unit of work of `vigil lint`. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PromqlBenchmark {
    private int next;

    @Benchmark
    public ValueType parseAndCheck() {
        String query = Inputs.QUERIES[next++ % Inputs.QUERIES.length];
        DiagnosticSink sink = new DiagnosticSink();
        Optional<Expr> expr = PromqlParser.parse(query, sink);
        return expr.map(e -> PromqlChecker.check(e, sink)).orElseThrow();
    }
}
