package dev.vigil.compiler;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.CheckLevel;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.Suppression;
import dev.vigil.compiler.diag.Suppressions;
import dev.vigil.compiler.library.LibraryFile;
import dev.vigil.compiler.library.LibraryPath;
import dev.vigil.compiler.library.Resolution;
import dev.vigil.compiler.lowering.Lowering;
import dev.vigil.compiler.lowering.TemplateExpansion;
import dev.vigil.compiler.model.ExpressionChecks;
import dev.vigil.compiler.model.ModelBuilder;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.CheckOverrides;
import dev.vigil.compiler.validate.DslSuppressions;
import dev.vigil.compiler.validate.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compiler library's entry point: load, parse, build the model, lower it, validate. It never throws for a
 * mistake in the user's files; those come back as diagnostics in the {@link CompileResult}.
 */
public final class Compiler {
    public static final String EXTENSION = ".vigil";

    private final SourceLoader loader;
    private final CompileOptions options;

    public Compiler(SourceLoader loader) {
        this(loader, CompileOptions.DEFAULT);
    }

    public Compiler(SourceLoader loader, CompileOptions options) {
        this.loader = loader;
        this.options = options;
    }

    public static Compiler fromWorkingDirectory() {
        return new Compiler(SourceLoader.fromWorkingDirectory());
    }

    /**
     * Checks files and project directories (every {@code .vigil} file below, skipping build output), with the files
     * they import: by a path relative to the importing file, or from a library of the library path
     * ({@code lib:<library>}).
     */
    public CompileResult check(List<Path> inputs) throws InputException {
        List<Path> files = loader.expand(inputs, EXTENSION);
        if (files.isEmpty()) {
            throw new InputException("No " + EXTENSION + " files found in " + inputs);
        }
        DiagnosticSink sink = new DiagnosticSink();
        Map<String, SourceFile> sources = new HashMap<>();
        Map<String, VigilFile> parsed = new HashMap<>();
        Set<Object> seen = new HashSet<>();
        Set<String> warnedLibraries = new HashSet<>();
        Deque<Unit> todo = new ArrayDeque<>();
        files.forEach(f -> todo.addLast(new Unit(f.toAbsolutePath().normalize(), null, null)));
        // Opened at the first `lib:` import only: a project without one never reads the library path.
        LibraryPath libraries = null;
        try {
            while (!todo.isEmpty()) {
                Unit unit = todo.removeFirst();
                if (!seen.add(unit.key())) {
                    continue;
                }
                if (unit.file() != null && unit.importedAt() != null && !Files.isRegularFile(unit.file())) {
                    sink.error(Ids.INPUT_IMPORT_NOT_FOUND, unit.importedAt(), "The imported file `"
                            + loader.displayPath(unit.file()) + "` does not exist.",
                            "Import paths are relative to the importing file.");
                    continue;
                }
                Optional<SourceFile> source = unit.file() != null ? loader.read(unit.file(), sink)
                        : readLibraryFile(libraries, unit.libraryFile(), sink);
                Optional<VigilFile> ast = source.flatMap(s -> VigilSourceParser.parse(s, sink));
                source.ifPresent(s -> sources.put(s.path(), s));
                if (ast.isEmpty()) {
                    continue;
                }
                parsed.put(source.get().path(), ast.get());
                for (VigilFile.Import imp : ast.get().imports()) {
                    if (unit.file() != null && !LibraryPath.isLibraryImport(imp.path())) {
                        todo.addLast(new Unit(unit.file().resolveSibling(imp.path()).normalize(), null, imp.span()));
                        continue;
                    }
                    if (libraries == null) {
                        libraries = openLibraries();
                    }
                    Resolution to = LibraryPath.isLibraryImport(imp.path()) ? libraries.resolve(imp.path())
                            : libraries.resolveRelative(unit.libraryFile(), imp.path());
                    if (to instanceof Resolution.Found found) {
                        warnWhenShadowed(libraries, found.library(), imp.span(), warnedLibraries, sink);
                        found.files().forEach(f -> todo.addLast(new Unit(null, f, imp.span())));
                    } else if (to instanceof Resolution.NotFound missing) {
                        sink.error(Ids.INPUT_IMPORT_NOT_FOUND, imp.span(), missing.message(), missing.hint());
                    } else if (to instanceof Resolution.Refused refused) {
                        sink.error(Ids.INPUT_IMPORT_REFUSED, imp.span(), refused.message(), refused.hint());
                    }
                }
            }
        } finally {
            if (libraries != null) {
                libraries.close();
            }
        }
        return analyse(parsed, sources, sink, options);
    }

    /** A source to read: a file on disk or a library's file, and the import that names it (none for an input). */
    private record Unit(Path file, LibraryFile libraryFile, Span importedAt) {
        Object key() {
            return file != null ? file : libraryFile;
        }
    }

    private LibraryPath openLibraries() throws InputException {
        try {
            return LibraryPath.open(options.libraryPath());
        } catch (LibraryPath.Unusable e) {
            throw new InputException(e.getMessage());
        }
    }

    /** A library's file, read with the limits of any source and shown as {@code lib:<library>/<path>}. */
    private static Optional<SourceFile> readLibraryFile(LibraryPath libraries, LibraryFile file, DiagnosticSink sink) {
        return SourceLoader.read(file.display(), new SourceLoader.Content() {
            @Override
            public long size() throws java.io.IOException {
                return libraries.size(file);
            }

            @Override
            public byte[] bytes() throws java.io.IOException {
                return libraries.read(file, SourceLoader.MAX_BYTES);
            }
        }, sink);
    }

    /** Warns once per library, at its first import, when more than one entry of the library path holds it. */
    private void warnWhenShadowed(LibraryPath libraries, String library, Span at, Set<String> warned,
            DiagnosticSink sink) {
        List<Path> carriers = libraries.carriers(library);
        if (carriers.size() < 2 || !warned.add(library)) {
            return;
        }
        List<String> shown = carriers.stream().map(p -> "`" + loader.displayPath(p) + "`").toList();
        String all = (shown.size() == 2 ? "both " : "") + String.join(", ", shown.subList(0, shown.size() - 1))
                + " and " + shown.get(shown.size() - 1);
        sink.warning(Ids.INPUT_DUPLICATE_LIBRARY, at, "The library `" + library + "` is in " + all + "; the files of "
                + shown.get(0) + ", first on the library path, are used.",
                "Keep one copy of the library on the library path, such as one version of its Maven dependency.");
    }

    /** Compiles in-memory sources; imports are not followed. For tests and tools that hold text already. */
    public static CompileResult compile(List<SourceFile> sourceFiles) {
        return compile(sourceFiles, CompileOptions.DEFAULT);
    }

    /** Compiles in-memory sources with a build tool's options; imports are not followed. */
    public static CompileResult compile(List<SourceFile> sourceFiles, CompileOptions options) {
        DiagnosticSink sink = new DiagnosticSink();
        Map<String, VigilFile> parsed = new HashMap<>();
        Map<String, SourceFile> sources = new HashMap<>();
        for (SourceFile s : sourceFiles) {
            sources.put(s.path(), s);
            VigilSourceParser.parse(s, sink).ifPresent(f -> parsed.put(s.path(), f));
        }
        return analyse(parsed, sources, sink, options);
    }

    private static CompileResult analyse(Map<String, VigilFile> parsed, Map<String, SourceFile> sources,
            DiagnosticSink sink, CompileOptions options) {
        // Syntax and input errors stop here: resolving names over half-parsed files would only add noise.
        if (sink.hasErrors()) {
            return new CompileResult(Optional.empty(), sink.sorted(), sources);
        }
        List<VigilFile> files = new ArrayList<>(parsed.values());
        files.sort(Comparator.comparing(VigilFile::path));
        files = TemplateExpansion.expand(files, sink);
        // Templates that expand beyond the budget stop here too: what was expanded is only a part.
        if (sink.sorted().stream().anyMatch(d -> d.isError() && d.code().equals(Ids.INPUT_TOO_LARGE))) {
            return new CompileResult(Optional.empty(), sink.sorted(), sources);
        }
        Project project = Lowering.lower(ModelBuilder.build(files, sink, options.scrapeIntervalMillis(),
                options.targetVersions()), sink);
        ExpressionChecks.run(project, sink);
        Validators.builtIn().run(project, sink);
        Map<String, CheckLevel> overrides = CheckOverrides.read(files, sink);
        List<Suppression> suppressions = new ArrayList<>();
        files.forEach(f -> suppressions.addAll(DslSuppressions.in(f)));
        List<Diagnostic> diagnostics = Suppressions.apply(sink.sorted(), suppressions, overrides);
        if (!options.severityOverrides().isEmpty()) {
            // The build's levels come second, so they win over the project's for the same check.
            diagnostics = Suppressions.apply(diagnostics, List.of(), options.severityOverrides());
        }
        // A fix inside a template would write one expansion's text into every expansion: it is not offered.
        diagnostics = diagnostics.stream().map(d -> d.fix() != null && d.span().via() != null ? d.withFix(null) : d).toList();
        boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
        return new CompileResult(errors ? Optional.empty() : Optional.of(project), diagnostics, sources);
    }
}
