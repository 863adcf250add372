package dev.vigil.cli;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.JsonRenderer;
import dev.vigil.compiler.diag.TextRenderer;
import java.io.PrintWriter;

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
        // A finding about Vigil itself (a check or an expansion that failed) is not the user's mistake.
        if (result.diagnostics().stream().anyMatch(d -> d.isError() && d.inFamily("Internal"))) {
            return VigilCommand.EXIT_INTERNAL;
        }
        return result.hasErrors() ? 1 : 0;
    }
}
