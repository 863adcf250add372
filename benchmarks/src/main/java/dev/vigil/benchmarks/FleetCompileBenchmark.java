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

/**
 * The whole compilation of the generated fleet (parse, template expansion, model, lowering, checks and
 * validators), written by hand or as one blueprint used per service: the two forms build the same model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class FleetCompileBenchmark {
    @Param({"100", "1000"})
    int services;

    @Param({"handwritten", "templated"})
    String form;

    private List<SourceFile> sources;

    @Setup
    public void setUp() {
        ProjectGenerator.Project p = ProjectGenerator.generate(services, ProjectGenerator.SEED);
        sources = switch (form) {
            case "handwritten" -> p.handWritten();
            case "templated" -> p.templated();
            default -> throw new IllegalArgumentException("form is handwritten or templated, not " + form);
        };
    }

    @Benchmark
    public CompileResult compile() {
        return Inputs.compileClean(sources);
    }
}
