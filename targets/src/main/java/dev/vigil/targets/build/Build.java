package dev.vigil.targets.build;

import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.SourceLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code vigil build}: compile a project and, only if it has no errors, emit every output and
 * commit it to the output directory. A failed build writes nothing, so the previous output stays.
 */
public final class Build {
    /** Where a project's output goes unless told otherwise. */
    public static Path defaultOutput(Path projectDir) {
        return projectDir.resolve("build").resolve("vigil");
    }

    /** The outcome: the compilation (with all diagnostics) and, when it succeeded, what was written. */
    public record Result(CompileResult compilation, Optional<OutputDirectory.Result> written, Path output) {
        public boolean succeeded() {
            return written.isPresent();
        }
    }

    private Build() {
    }

    public static Result run(Path projectDir, Path output, EmitSettings settings) throws InputException, IOException {
        SourceLoader loader = SourceLoader.fromWorkingDirectory();
        return write(new Compiler(loader).check(List.of(projectDir)), output, settings);
    }

    /** Emits a compilation's outputs into {@code output}; writes nothing when it produced no project. */
    public static Result write(CompileResult compiled, Path output, EmitSettings settings) throws IOException {
        if (compiled.project().isEmpty()) {
            return new Result(compiled, Optional.empty(), output);
        }
        OutputManifest files = emit(compiled.project().get(), settings);
        return new Result(compiled, Optional.of(OutputDirectory.commit(files, output)), output);
    }

    /** Every output of a project, in memory. */
    public static OutputManifest emit(Project project, EmitSettings settings) {
        OutputManifest files = new OutputManifest();
        for (Emitter e : Emitters.all()) {
            e.emit(project, settings, files);
        }
        return files;
    }
}
