package dev.vigil.compiler;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.CheckLevel;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.Suppression;
import dev.vigil.compiler.diag.Suppressions;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a compilation produced: the validated project (absent when there were errors) and every
 * diagnostic from every file, in source order. Sources are kept so renderers can show the lines.
 * {@code settlement} is how the compiler's diagnostics were settled, so that checks of the output
 * (which only the emitters can measure) are suppressed and levelled like the compiler's own; absent
 * for a result made otherwise.
 */
public record CompileResult(Optional<Project> project, List<Diagnostic> diagnostics, Map<String, SourceFile> sources,
        Optional<Settlement> settlement, Optional<Analysed> analysed) {
    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
        sources = Map.copyOf(sources);
    }

    public CompileResult(Optional<Project> project, List<Diagnostic> diagnostics, Map<String, SourceFile> sources) {
        this(project, diagnostics, sources, Optional.empty(), Optional.empty());
    }

    public CompileResult(Optional<Project> project, List<Diagnostic> diagnostics, Map<String, SourceFile> sources,
            Optional<Settlement> settlement) {
        this(project, diagnostics, sources, settlement, Optional.empty());
    }

    /**
     * What the checks saw, kept even when they found errors, for tools that work on a project while
     * it is being written (the language server): every parsed file by path, damaged declarations
     * left out and listed ({@link VigilFile#broken()}), and the model built from them. Absent only
     * when input errors stopped the compilation before the model.
     */
    public record Analysed(Map<String, VigilFile> files, Project model) {
        public Analysed {
            files = Map.copyOf(files);
        }
    }

    /**
     * The diagnostics as reported, and what turned them into the result's: the sources' suppressions
     * and levels, the build's levels, which win, and strict mode. {@link #settle} applies all of them
     * again to the diagnostics with later ones added, so a suppression of a later one is used, not
     * reported unused, and the result stays in source order.
     */
    public record Settlement(List<Diagnostic> reported, List<Suppression> suppressions, Map<String, CheckLevel> levels,
            Map<String, CheckLevel> buildLevels, boolean strict) {
        public Settlement {
            reported = List.copyOf(reported);
            suppressions = List.copyOf(suppressions);
            levels = Map.copyOf(levels);
            buildLevels = Map.copyOf(buildLevels);
        }

        public List<Diagnostic> settle() {
            List<Diagnostic> diagnostics = Suppressions.apply(reported, suppressions, levels);
            if (!buildLevels.isEmpty()) {
                // The build's levels come second, so they win over the project's for the same check.
                diagnostics = Suppressions.apply(diagnostics, List.of(), buildLevels);
            }
            // A fix inside a template would write one expansion's text into every expansion: it is not offered.
            diagnostics = diagnostics.stream().map(d -> d.fix() != null && d.span().via() != null ? d.withFix(null) : d)
                    .toList();
            return strict ? raised(diagnostics) : diagnostics;
        }

        Settlement with(List<Diagnostic> later) {
            List<Diagnostic> all = new ArrayList<>(reported);
            all.addAll(later);
            all.sort(Diagnostic.ORDER);
            return new Settlement(all, suppressions, levels, buildLevels, strict);
        }

        Settlement strictly() {
            return new Settlement(reported, suppressions, levels, buildLevels, true);
        }
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Strict mode: every warning becomes an error, and the project is withheld if there were any. */
    public CompileResult withWarningsAsErrors() {
        List<Diagnostic> raised = raised(diagnostics);
        boolean errors = raised.stream().anyMatch(Diagnostic::isError);
        return new CompileResult(errors ? Optional.empty() : project, raised, sources, settlement.map(Settlement::strictly),
                analysed);
    }

    private static List<Diagnostic> raised(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.counts(Severity.WARNING) ? d.withSeverity(Severity.ERROR) : d).toList();
    }

    /**
     * The result with diagnostics found after the compilation, on its output, settled as the compiler
     * settles its own (suppressions, levels, strict mode) and in source order; the project is withheld
     * if an error remains. Unchanged when there are none.
     */
    public CompileResult withLater(List<Diagnostic> later) {
        if (later.isEmpty()) {
            return this;
        }
        Optional<Settlement> settled = settlement.map(s -> s.with(later));
        List<Diagnostic> all;
        if (settled.isPresent()) {
            all = settled.get().settle();
        } else {
            all = new ArrayList<>(diagnostics);
            all.addAll(later);
            all.sort(Diagnostic.ORDER);
        }
        boolean errors = all.stream().anyMatch(Diagnostic::isError);
        return new CompileResult(errors ? Optional.empty() : project, all, sources, settled, analysed);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.counts(severity)).count();
    }
}
