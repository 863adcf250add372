package dev.vigil.maven;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.library.LibraryFile;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code vigil:generate} over the library: the output of {@code vigil build}, skipped when nothing changed. */
final class Generation {
    private Generation() {
    }

    enum Status {
        /** The source directory is missing or has no {@code .vigil} files. */
        NO_SOURCES,
        /** Inputs, configuration and plugin are as at the last successful build, and so is the output. */
        UP_TO_DATE,
        /** The sources have errors; nothing was written. */
        FAILED,
        WRITTEN
    }

    record Outcome(Status status, Optional<CompileResult> compilation, Optional<OutputDirectory.Result> written) {
    }

    static Outcome run(GenerateRequest request) throws ConfigurationException, InputException, IOException {
        List<Path> sources = Compilation.sources(request.compile());
        if (sources.isEmpty()) {
            return new Outcome(Status.NO_SOURCES, Optional.empty(), Optional.empty());
        }
        String configuration = Digests.of(request.configuration() + Compilation.libraryDigests(request.compile()));
        List<Path> current = new ArrayList<>(sources);
        current.addAll(templateFiles(request));
        Optional<IncrementalState> previous = IncrementalState.read(request.stateFile());
        if (previous.isPresent() && previous.get().upToDate(configuration, current, request.outputDirectory())) {
            return new Outcome(Status.UP_TO_DATE, Optional.empty(), Optional.empty());
        }

        if (request.runbookTemplates().isPresent() && !Files.isDirectory(request.runbookTemplates().get())) {
            throw new ConfigurationException("runbookTemplates (vigil.runbookTemplates): " + request.runbookTemplates().get()
                    + " is not a directory.");
        }
        CompileResult compiled = Compilation.compile(request.compile()).orElseThrow();
        Build.Result built = Build.write(compiled, request.outputDirectory(), new EmitSettings(request.runbookTemplates()));
        if (built.failedInternally()) {
            // A bug in Vigil, not in the sources: Maven reports it as an execution failure, the cause with -e.
            String message = built.compilation().diagnostics().stream().filter(d -> d.inFamily("Internal"))
                    .map(d -> d.message()).findFirst().orElse("an emitter failed; this is a bug in Vigil");
            throw new IllegalStateException(message, built.internalFailure().get());
        }
        // The compilation as the build left it: a failing runbook template of the project's is one more error.
        CompileResult result = built.compilation();
        if (built.written().isEmpty()) {
            return new Outcome(Status.FAILED, Optional.of(result), Optional.empty());
        }

        List<Path> read = new ArrayList<>();
        // A library's files are covered by the digest of the jar that holds them, in the configuration.
        result.sources().keySet().stream().filter(shown -> !LibraryFile.isShownPath(shown))
                .forEach(shown -> read.add(request.compile().baseDirectory().resolve(shown)));
        read.addAll(templateFiles(request));
        IncrementalState.of(configuration, read, request.outputDirectory()).promote(request.stateFile());
        return new Outcome(Status.WRITTEN, Optional.of(result), built.written());
    }

    private static List<Path> templateFiles(GenerateRequest request) throws IOException {
        if (request.runbookTemplates().isEmpty() || !Files.isDirectory(request.runbookTemplates().get())) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(request.runbookTemplates().get())) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
