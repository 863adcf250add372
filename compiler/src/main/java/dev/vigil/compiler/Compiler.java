package dev.vigil.compiler;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.CheckLevel;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suppression;
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
import dev.vigil.compiler.validate.CheckOverrides;
import dev.vigil.compiler.validate.DslSuppressions;
import dev.vigil.compiler.validate.Validators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiler library's entry point: load, parse, build the model, lower it, validate. It never throws for a
 * mistake in the user's files; those come back as diagnostics in the {@link CompileResult}.
 */
public final class Compiler {
    public static final String EXTENSION = ".vigil";

    private final SourceLoader loader;
    private final CompileOptions options;
    private final ParseCache cache;

    public Compiler(SourceLoader loader) {
        this(loader, CompileOptions.DEFAULT);
    }

    public Compiler(SourceLoader loader, CompileOptions options) {
        this(loader, options, null);
    }

    private Compiler(SourceLoader loader, CompileOptions options, ParseCache cache) {
        this.loader = loader;
        this.options = options;
        this.cache = cache;
    }

    /** This compiler, parsing through {@code cache}: for a tool that compiles the same project again and again. */
    public Compiler withParseCache(ParseCache cache) {
        return new Compiler(loader, options, cache);
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
        ImportGraph.Loaded loaded = new ImportGraph(loader, options, cache).load(files, sink);
        return analyse(loaded.parsed(), loaded.sources(), sink, options);
    }

    /**
     * Compiles in-memory sources; imports are not followed, but for Vigil's own library ({@code lib:std}), which
     * is always there. For tests and tools that hold text already.
     */
    public static CompileResult compile(List<SourceFile> sourceFiles) {
        return compile(sourceFiles, CompileOptions.DEFAULT);
    }

    /** Compiles in-memory sources with a build tool's options; imports are not followed but for {@code lib:std}. */
    public static CompileResult compile(List<SourceFile> sourceFiles, CompileOptions options) {
        DiagnosticSink sink = new DiagnosticSink();
        Map<String, VigilFile> parsed = new HashMap<>();
        Map<String, SourceFile> sources = new HashMap<>();
        for (SourceFile s : sourceFiles) {
            sources.put(s.path(), s);
            parsed.put(s.path(), VigilSourceParser.parseTolerant(s, sink).file());
        }
        followStandard(parsed, sources, sink);
        return analyse(parsed, sources, sink, options);
    }

    /** Reads the files of {@code lib:std} the sources import, as a build from files would. */
    private static void followStandard(Map<String, VigilFile> parsed, Map<String, SourceFile> sources, DiagnosticSink sink) {
        List<VigilFile> files = new ArrayList<>(parsed.values());
        files.sort(Comparator.comparing(VigilFile::path));
        LibraryPath libraries = null;
        try {
            for (VigilFile f : files) {
                for (VigilFile.Import imp : f.imports()) {
                    String std = LibraryPath.SCHEME + LibraryPath.STANDARD;
                    if (!imp.path().equals(std) && !imp.path().startsWith(std + "/")) {
                        continue;
                    }
                    if (libraries == null) {
                        libraries = LibraryPath.withStandard(List.of());
                    }
                    Resolution to = libraries.resolve(imp.path());
                    if (to instanceof Resolution.Found found) {
                        for (LibraryFile lf : found.files()) {
                            if (!sources.containsKey(lf.display())) {
                                Optional<SourceFile> read = ImportGraph.readLibraryFile(libraries, lf, sink);
                                read.ifPresent(s -> {
                                    sources.put(s.path(), s);
                                    parsed.put(s.path(), VigilSourceParser.parseTolerant(s, sink).file());
                                });
                            }
                        }
                    } else if (to instanceof Resolution.NotFound missing) {
                        sink.error(Ids.INPUT_IMPORT_NOT_FOUND, imp.span(), missing.message(), missing.hint());
                    }
                }
            }
        } catch (LibraryPath.Unusable e) {
            // Vigil's own jar that cannot be read: the sources' imports of it are reported where they stand.
            sink.error(Ids.INPUT_IMPORT_NOT_FOUND, files.get(0).span(), e.getMessage(), null);
        } finally {
            if (libraries != null) {
                libraries.close();
            }
        }
    }

    private static CompileResult analyse(Map<String, VigilFile> parsed, Map<String, SourceFile> sources,
            DiagnosticSink sink, CompileOptions options) {
        // Input errors stop here: a file that could not be read, or an import not found, leaves names nobody
        // knows. Syntax errors do not: every complete declaration is checked, and what only follows from a
        // damaged one is left out (Cascades).
        if (sink.sorted().stream().anyMatch(d -> d.isError() && Ids.sameGroup(d.code(), Ids.INPUT_UNREADABLE))) {
            return new CompileResult(Optional.empty(), sink.sorted(), sources);
        }
        List<VigilFile> files = new ArrayList<>(parsed.values());
        files.sort(Comparator.comparing(VigilFile::path));
        files = TemplateExpansion.expand(files, sink);
        // Templates that expand beyond the budget stop here too: what was expanded is only a part.
        if (sink.sorted().stream().anyMatch(d -> d.isError() && d.code().equals(Ids.INPUT_TOO_LARGE))) {
            return new CompileResult(Optional.empty(), sink.sorted(), sources);
        }
        Map<String, VigilFile> written = Map.copyOf(parsed);
        Project project = Lowering.lower(ModelBuilder.build(files, sink, options.scrapeIntervalMillis(),
                options.targetVersions(), options.kubernetes(), options.kubernetesResources(), options.catalogueBaseUrl()), sink);
        ExpressionChecks.run(project, sink);
        Validators.builtIn().run(project, sink);
        Map<String, CheckLevel> overrides = CheckOverrides.read(files, sink);
        List<Suppression> suppressions = new ArrayList<>();
        files.forEach(f -> suppressions.addAll(DslSuppressions.in(f)));
        Cascades cascades = Cascades.of(files);
        CompileResult.Settlement settlement = new CompileResult.Settlement(cascades.drop(sink.sorted()), suppressions,
                overrides, options.severityOverrides(), false);
        List<Diagnostic> diagnostics = cascades.drop(settlement.settle());
        boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
        return new CompileResult(errors ? Optional.empty() : Optional.of(project), diagnostics, sources,
                Optional.of(settlement), Optional.of(new CompileResult.Analysed(written, project)));
    }
}
