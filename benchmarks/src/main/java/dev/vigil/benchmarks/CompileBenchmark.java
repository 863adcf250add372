package dev.vigil.benchmarks;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Whole-project compilation (parse, model, checks, validators) as the project grows: it should stay linear. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {
    @Param({"100", "1000", "5000"})
    int rules;

    private List<SourceFile> sources;

    @Setup
    public void setUp() {
        sources = List.of(new SourceFile("bench.vigil", Inputs.project(rules)));
    }

    @Benchmark
    public CompileResult compile() {
        return Inputs.compileClean(sources);
    }
}
