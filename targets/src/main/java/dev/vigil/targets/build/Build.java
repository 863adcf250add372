package dev.vigil.targets.build;

import dev.vigil.compiler.concurrent.Workers;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.source.Span;
import dev.vigil.targets.runbook.RunbookTemplateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code vigil build}: compile a project and, only if it has no errors, emit every output and
 * commit it to the output directory. A failed build writes nothing, so the previous output stays.
 *
 * <p>A model that passed the checks never makes an emitter throw; if one does anyway, that is a bug
 * in Vigil, reported as an {@code Internal.Emitter} diagnostic with the exception kept for
 * {@code --debug}, never as a crash.
 */
public final class Build {
    /** Where a project's output goes unless told otherwise. */
    public static Path defaultOutput(Path projectDir) {
        return projectDir.resolve("build").resolve("vigil");
    }

    /**
     * The outcome: the compilation (with all diagnostics, including any a failing emitter or runbook
     * template added) and, when it succeeded, what was written. {@code internalFailure} is the
     * exception of an emitter that failed, a bug in Vigil.
     */
    public record Result(CompileResult compilation, Optional<OutputDirectory.Result> written, Path output,
            Optional<Throwable> internalFailure) {
        public Result(CompileResult compilation, Optional<OutputDirectory.Result> written, Path output) {
            this(compilation, written, output, Optional.empty());
        }

        public boolean succeeded() {
            return written.isPresent();
        }

        /** Whether an emitter failed: a bug in Vigil, not a mistake in the sources. */
        public boolean failedInternally() {
            return internalFailure.isPresent();
        }
    }

    private Build() {
    }

    public static Result run(Path projectDir, Path output, EmitSettings settings) throws InputException, IOException {
        return run(projectDir, output, settings, CompileOptions.DEFAULT);
    }

    /** As {@link #run(Path, Path, EmitSettings)}, with the scrape interval, target versions and levels the build sets. */
    public static Result run(Path projectDir, Path output, EmitSettings settings, CompileOptions options)
            throws InputException, IOException {
        return run(projectDir, output, settings, options, Emitters.all());
    }

    /** As {@link #run(Path, Path, EmitSettings, CompileOptions)}, with the emitters to run. */
    public static Result run(Path projectDir, Path output, EmitSettings settings, CompileOptions options,
            List<Emitter> emitters) throws InputException, IOException {
        SourceLoader loader = SourceLoader.fromWorkingDirectory();
        return write(new Compiler(loader, options).check(List.of(projectDir)), output, settings, emitters);
    }

    /** Emits a compilation's outputs into {@code output}; writes nothing when it produced no project. */
    public static Result write(CompileResult compiled, Path output, EmitSettings settings) throws IOException {
        return write(compiled, output, settings, Emitters.all());
    }

    /** As {@link #write(CompileResult, Path, EmitSettings)}, with the emitters to run. */
    public static Result write(CompileResult compiled, Path output, EmitSettings settings, List<Emitter> emitters)
            throws IOException {
        if (compiled.project().isEmpty()) {
            return new Result(compiled, Optional.empty(), output);
        }
        List<Future<OutputManifest>> outputs = emitAll(compiled.project().get(), settings, emitters);
        OutputManifest files = new OutputManifest();
        // In emitter order, so that the first failure reported is always the same one.
        for (int i = 0; i < emitters.size(); i++) {
            Emitter e = emitters.get(i);
            try {
                files.add(Workers.join(outputs.get(i)));
            } catch (RunbookTemplateException t) {
                // The project's own template: its author's mistake, at its line.
                return failed(compiled, output, Diagnostic.error(Ids.INPUT_RUNBOOK_TEMPLATE,
                        Span.point(t.file().toString(), t.line(), t.column()),
                        "The runbook template `" + t.file().getFileName() + "` cannot be rendered: "
                                + t.problem().replaceFirst("[.]?$", "."),
                        "Fix the template, or remove it from the templates directory to use Vigil's own."), null);
            } catch (RuntimeException | AssertionError | StackOverflowError bug) {
                return failed(compiled, output, Diagnostic.blocking(Ids.INTERNAL_EMITTER, Span.NONE,
                        "Writing the `" + e.name() + "` output failed; this is a bug in Vigil; please report it.", null),
                        bug);
            }
        }
        // The objects about to be written, before anything is committed: one a cluster would refuse for its
        // size fails the build like any error (nothing is written), unless the project silenced the check.
        compiled = OutputLimits.withLimits(compiled, files.objects());
        if (compiled.project().isEmpty()) {
            return new Result(compiled, Optional.empty(), output);
        }
        OutputDirectory.Result written = OutputDirectory.commit(files, output);
        return new Result(withNotes(compiled, written, output), Optional.of(written), output);
    }

    /**
     * Runs the emitters on the available cores, each into a manifest of its own: they only read the
     * project, which is immutable, and a large project's outputs take longer to write than to check.
     */
    private static List<Future<OutputManifest>> emitAll(Project project, EmitSettings settings, List<Emitter> emitters) {
        ExecutorService pool = Workers.pool("vigil-emitter", Math.min(emitters.size(), Workers.cores()));
        try {
            List<Future<OutputManifest>> out = new ArrayList<>();
            for (Emitter e : emitters) {
                out.add(pool.submit(() -> {
                    OutputManifest one = new OutputManifest();
                    e.emit(project, settings, one);
                    return one;
                }));
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** The compilation with warnings for the files the commit left in place, which the user should know of. */
    private static CompileResult withNotes(CompileResult compiled, OutputDirectory.Result written, Path output) {
        if (written.kept().isEmpty() && written.untrusted().isEmpty()) {
            return compiled;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(compiled.diagnostics());
        written.untrusted().ifPresent(why -> diagnostics.add(Diagnostic.warning(Ids.OUTPUT_MANIFEST_UNTRUSTED,
                Span.point(output.resolve(OutputDirectory.MANIFEST).toString(), 1, 1),
                "The previous `" + OutputDirectory.MANIFEST + "` is not trusted: " + why + "; no file it lists was removed.",
                "Remove files the build no longer writes by hand; the new manifest is trusted again.")));
        for (String path : written.kept()) {
            diagnostics.add(Diagnostic.warning(Ids.OUTPUT_KEPT, Span.point(output.resolve(path).toString(), 1, 1),
                    "`" + path + "` is no longer produced but was edited since Vigil wrote it, so it was kept.",
                    "Delete it if the edit is no longer wanted."));
        }
        return new CompileResult(compiled.project(), diagnostics, compiled.sources());
    }

    private static Result failed(CompileResult compiled, Path output, Diagnostic d, Throwable bug) {
        List<Diagnostic> diagnostics = new ArrayList<>(compiled.diagnostics());
        diagnostics.add(d);
        CompileResult withFailure = new CompileResult(Optional.empty(), diagnostics, compiled.sources());
        return new Result(withFailure, Optional.empty(), output, Optional.ofNullable(bug));
    }

    /** Every output of a project, in memory. */
    public static OutputManifest emit(Project project, EmitSettings settings) {
        OutputManifest files = new OutputManifest();
        emitAll(project, settings, Emitters.all()).forEach(f -> files.add(Workers.join(f)));
        return files;
    }
}
