package dev.vigil.benchmarks;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.lowering.TemplateExpansion;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Template expansion alone, on the parsed files of the generated fleet: one blueprint checked at its
 * definition, then one {@code use} per service expanded. Its time per service should not grow with the fleet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateExpansionBenchmark {
    @Param({"100", "1000", "5000"})
    int services;

    private List<VigilFile> files;

    @Setup
    public void setUp() {
        DiagnosticSink sink = new DiagnosticSink();
        files = new ArrayList<>();
        for (SourceFile s : ProjectGenerator.generate(services, ProjectGenerator.SEED).templated()) {
            files.add(VigilSourceParser.parse(s, sink).orElseThrow());
        }
        // As the compiler hands them over: sorted by path.
        files.sort(Comparator.comparing(VigilFile::path));
        if (sink.hasErrors()) {
            throw new IllegalStateException("benchmark input must parse: " + sink.sorted().get(0));
        }
    }

    @Benchmark
    public List<VigilFile> expand() {
        DiagnosticSink sink = new DiagnosticSink();
        List<VigilFile> expanded = TemplateExpansion.expand(files, sink);
        if (sink.hasErrors()) {
            throw new IllegalStateException("benchmark input must expand: " + sink.sorted().get(0));
        }
        return expanded;
    }
}
