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
        return result.hasErrors() ? 1 : 0;
    }
}
