package dev.vigil.benchmarks;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.lowering.Lowering;
import dev.vigil.compiler.lowering.TemplateExpansion;
import dev.vigil.compiler.model.ExpressionChecks;
import dev.vigil.compiler.model.ModelBuilder;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.Validators;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where one compilation of the generated fleet spends its time: the stages of {@code Compiler.compile} in
 * its order, and each validator on its own. A profile to read beside the JMH figures, not a benchmark: one
 * cold run, after a warm-up compilation of a small fleet.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.vigil.benchmarks.CompileStages SERVICES [handwritten|templated]}
 */
public final class CompileStages {
    /** Validators under this share of the total are summed into one line. */
    private static final double SMALL = 0.01;

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    private CompileStages() {
    }

    /** Stage name to nanoseconds, in the order the compiler runs them; validators as {@code validator <id>}. */
    public static Map<String, Long> measure(List<SourceFile> sources) {
        CompileStages t = new CompileStages();
        DiagnosticSink sink = new DiagnosticSink();
        List<VigilFile> parsed = t.time("parse", () -> {
            List<VigilFile> files = new ArrayList<>();
            sources.forEach(s -> VigilSourceParser.parse(s, sink).ifPresent(files::add));
            files.sort(Comparator.comparing(VigilFile::path));
            return files;
        });
        List<VigilFile> files = t.time("template expansion", () -> TemplateExpansion.expand(parsed, sink));
        Project built = t.time("model", () -> ModelBuilder.build(files, sink));
        Project project = t.time("lowering", () -> Lowering.lower(built, sink));
        t.time("expression checks", () -> {
            ExpressionChecks.run(project, sink);
            return null;
        });
        ProjectAnalysis analysis = new ProjectAnalysis(project);
        for (Validator v : Validators.builtIn().all()) {
            t.time("validator " + v.id(), () -> {
                v.validate(project, analysis, sink);
                return null;
            });
        }
        if (sink.hasErrors()) {
            throw new IllegalStateException("the input must compile: " + sink.sorted().get(0));
        }
        return t.nanos;
    }

    private <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        nanos.merge(stage, System.nanoTime() - start, Long::sum);
        return result;
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: CompileStages SERVICES [handwritten|templated]");
            System.exit(2);
        }
        int services = Integer.parseInt(args[0]);
        boolean templated = args.length < 2 || args[1].equals("templated");
        measure(ProjectGenerator.generate(5, ProjectGenerator.SEED).templated());
        ProjectGenerator.Project p = ProjectGenerator.generate(services, ProjectGenerator.SEED);
        Map<String, Long> stages = measure(templated ? p.templated() : p.handWritten());
        long total = stages.values().stream().mapToLong(Long::longValue).sum();
        long rest = 0;
        System.out.printf(Locale.ROOT, "%d services, %s: %.0f ms%n", services, templated ? "templated" : "handwritten", total / 1e6);
        for (Map.Entry<String, Long> e : stages.entrySet()) {
            if (e.getKey().startsWith("validator ") && e.getValue() < SMALL * total) {
                rest += e.getValue();
            } else {
                System.out.printf(Locale.ROOT, "%10.0f ms %5.1f%%  %s%n", e.getValue() / 1e6, 100.0 * e.getValue() / total, e.getKey());
            }
        }
        System.out.printf(Locale.ROOT, "%10.0f ms %5.1f%%  %s%n", rest / 1e6, 100.0 * rest / total, "the other validators");
    }
}
