package dev.vigil.maven;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.library.LibraryFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.source.Span;
import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.logging.Log;
import org.codehaus.plexus.build.BuildContext;

/**
 * Shows a compilation's diagnostics: in the Maven log, rendered exactly as the CLI renders them, and
 * as IDE markers through the {@link BuildContext} when an IDE supplies one.
 */
final class DiagnosticReport {
    private final Log log;
    private final BuildContext markers;
    private final Path baseDirectory;

    /** @param markers null when no IDE is present: the log already shows everything */
    DiagnosticReport(Log log, BuildContext markers, Path baseDirectory) {
        this.log = log;
        this.markers = markers;
        this.baseDirectory = baseDirectory;
    }

    void show(CompileResult result) {
        if (markers != null) {
            Set<String> files = new TreeSet<>(result.sources().keySet());
            result.diagnostics().forEach(d -> files.add(d.span().file()));
            // A library's files are in a jar, not in the workspace: there is nothing to mark.
            files.stream().filter(f -> !LibraryFile.isShownPath(f)).forEach(f -> markers.removeMessages(file(f)));
        }
        for (Diagnostic d : result.diagnostics()) {
            if (d.isSuppressed()) {
                continue;
            }
            String rendered = TextRenderer.render(d, result.sources().get(d.span().file())).stripTrailing();
            switch (d.severity()) {
                case ERROR -> log.error(rendered);
                case WARNING -> log.warn(rendered);
                default -> log.info(rendered);
            }
            if (markers != null && d.severity() != Severity.INFO && !LibraryFile.isShownPath(d.span().file())) {
                Span s = d.span();
                markers.addMessage(file(s.file()), s.line(), s.column(), d.code() + ": " + d.message(),
                        d.isError() ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING, null);
            }
        }
    }

    /** The failure message: every diagnostic as {@code file:line:col: severity[Id]: message}, then the count. */
    static String failureMessage(String what, CompileResult result) {
        StringBuilder message = new StringBuilder("Vigil found errors in " + what + ":");
        for (Diagnostic d : result.diagnostics()) {
            if (d.isSuppressed()) {
                continue;
            }
            Span s = d.span();
            message.append("\n  ").append(s.file()).append(':').append(s.line()).append(':').append(s.column())
                    .append(": ").append(d.severity().label()).append('[').append(d.code()).append("]: ")
                    .append(d.message());
        }
        return message.append("\n").append(TextRenderer.summary(result.diagnostics())).toString();
    }

    private File file(String shown) {
        return baseDirectory.resolve(shown).toFile();
    }
}
