package dev.vigil.compiler;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.CheckLevel;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suppression;
import dev.vigil.compiler.diag.Suppressions;
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
        ImportGraph.Loaded loaded = new ImportGraph(loader, options).load(files, sink);
        return analyse(loaded.parsed(), loaded.sources(), sink, options);
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
                options.targetVersions(), options.kubernetes()), sink);
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
