package dev.vigil.cli;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.JsonRenderer;
import dev.vigil.compiler.diag.TextRenderer;
import java.io.PrintWriter;
import java.util.List;

/** Prints a compilation's diagnostics the way every command does, and gives the exit status. */
final class Report {
    private Report() {
    }

    static int print(CompileResult result, OutputFormat format, PrintWriter out) {
        if (format == OutputFormat.json) {
            out.print(JsonRenderer.render(result.diagnostics()));
        } else {
            out.print(TextRenderer.render(result.diagnostics(), result.sources()));
            out.println(result.diagnostics().isEmpty() ? "ok: no problems found" : TextRenderer.summary(result.diagnostics()));
        }
        out.flush();
        return status(result.diagnostics());
    }

    /**
     * The exit status of a run with these diagnostics: 70 for a finding about Vigil itself (a check or an
     * expansion that failed), 2 when a source could not be read (an I/O error, not a mistake in it), 1
     * for any other error.
     */
    static int status(List<Diagnostic> diagnostics) {
        if (diagnostics.stream().anyMatch(d -> d.isError() && d.inFamily("Internal"))) {
            return VigilCommand.EXIT_INTERNAL;
        }
        if (diagnostics.stream().anyMatch(d -> d.isError() && d.code().equals(Ids.INPUT_UNREADABLE))) {
            return VigilCommand.EXIT_USAGE;
        }
        return diagnostics.stream().anyMatch(Diagnostic::isError) ? 1 : 0;
    }
}
