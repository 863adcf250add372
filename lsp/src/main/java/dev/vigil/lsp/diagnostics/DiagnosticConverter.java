package dev.vigil.lsp.diagnostics;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.source.Span;
import dev.vigil.lsp.text.LineIndex;
import dev.vigil.lsp.workspace.ProjectResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;

/**
 * A compiler finding as LSP shows it: the range converted from code points to UTF-16 in the text the
 * compiler read, the dotted id as {@code code} with its page as {@code codeDescription}, {@code source}
 * "vigil", the message with the hint on a line of its own, and for a finding inside a template or
 * {@code for} block the uses and iterations it was expanded through, innermost first, as related
 * information (the {@code = note:} lines of {@code vigil check}).
 */
public final class DiagnosticConverter {
    public static final String SOURCE = "vigil";

    private final DocLinks links;

    public DiagnosticConverter(DocLinks links) {
        this.links = links;
    }

    public static DiagnosticSeverity severity(Severity s) {
        switch (s) {
            case ERROR:
                return DiagnosticSeverity.Error;
            case WARNING:
                return DiagnosticSeverity.Warning;
            default:
                return DiagnosticSeverity.Information;
        }
    }

    /** The LSP range of a span in the text the compilation read, if the file is one it read. */
    public static Optional<Range> range(ProjectResult result, Span span) {
        return result.lines(span.file()).map(l -> l.range(span));
    }

    public org.eclipse.lsp4j.Diagnostic convert(Diagnostic d, ProjectResult result, Function<Path, String> uri) {
        Range range = range(result, d.span()).orElse(new Range(new org.eclipse.lsp4j.Position(0, 0),
                new org.eclipse.lsp4j.Position(0, 0)));
        String message = d.hint() == null || d.hint().isBlank() ? d.message() : d.message() + "\nhint: " + d.hint();
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(range, message, severity(d.severity()),
                SOURCE, d.code());
        links.link(d.code()).ifPresent(href -> out.setCodeDescription(new DiagnosticCodeDescription(href)));
        List<DiagnosticRelatedInformation> related = related(d.span(), result, uri);
        if (!related.isEmpty()) {
            out.setRelatedInformation(related);
        }
        return out;
    }

    /** The expansion sites of a span, innermost first, where the compilation read their files. */
    public static List<DiagnosticRelatedInformation> related(Span span, ProjectResult result, Function<Path, String> uri) {
        List<DiagnosticRelatedInformation> out = new ArrayList<>();
        for (Span.Via v = span.via(); v != null; v = v.site().via()) {
            Span site = v.site();
            Optional<Path> file = result.path(site.file());
            Optional<LineIndex> lines = result.lines(site.file());
            if (file.isPresent() && lines.isPresent()) {
                out.add(new DiagnosticRelatedInformation(new Location(uri.apply(file.get()), lines.get().range(site)),
                        "in " + v.describe()));
            }
        }
        return out;
    }
}
