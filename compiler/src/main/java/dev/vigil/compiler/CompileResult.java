package dev.vigil.compiler;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a compilation produced: the validated project (absent when there were errors) and every
 * diagnostic from every file, in source order. Sources are kept so renderers can show the lines.
 */
public record CompileResult(Optional<Project> project, List<Diagnostic> diagnostics, Map<String, SourceFile> sources) {
    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
        sources = Map.copyOf(sources);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Strict mode: every warning becomes an error, and the project is withheld if there were any. */
    public CompileResult withWarningsAsErrors() {
        List<Diagnostic> raised = diagnostics.stream()
                .map(d -> d.counts(dev.vigil.compiler.diag.Severity.WARNING)
                        ? d.withSeverity(dev.vigil.compiler.diag.Severity.ERROR) : d)
                .toList();
        boolean errors = raised.stream().anyMatch(Diagnostic::isError);
        return new CompileResult(errors ? Optional.empty() : project, raised, sources);
    }

    public long count(dev.vigil.compiler.diag.Severity severity) {
        return diagnostics.stream().filter(d -> d.counts(severity)).count();
    }
}
