package dev.vigil.cli;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.JsonRenderer;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.diff.DiffInputs;
import dev.vigil.compiler.diff.DiffJson;
import dev.vigil.compiler.diff.DiffReport;
import dev.vigil.compiler.diff.DiffText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {"Compare two versions of a project by what they compile to: alerts, recording rules, SLOs "
                + "(with their error budget), routing effects, dashboards and runbooks, with the impact spelled out.",
                "A side that does not compile is reported with its diagnostics (on standard error; with --format json as"
                        + " `check --format json` prints them, on standard output), exit 2."},
        footer = {"", "Examples:", "  vigil diff old/ new/", "  vigil diff --git main samples/vaultmesh",
                "  vigil diff --git origin/main --format markdown --fail-on breaking .", "",
                "Exit status: 0 compared, 1 breaking changes with --fail-on breaking, 2 usage or I/O error or a side "
                        + "that does not compile."})
final class DiffCommand implements Callable<Integer> {
    enum Format {
        text, markdown, json
    }

    enum FailOn {
        never, breaking
    }

    @Parameters(arity = "0..2", paramLabel = "PATH",
            description = "OLD NEW: two project directories; with --git, the project directory (default: .).")
    List<Path> paths = List.of();

    @Option(names = "--git", paramLabel = "REV",
            description = "Compare the working tree with this git revision (a branch, tag or commit), read from git.")
    String revision;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--fail-on", defaultValue = "never", paramLabel = "WHEN",
            description = "Exit 1 on `breaking` changes: a removed alert, a broken reference, or a page-level alert that "
                    + "loses a receiver (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @CommandLine.Mixin
    LibraryOptions libraries;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DiffInputs.Outcome outcome;
        CompileOptions options = libraries.addTo(CompileOptions.DEFAULT, spec.commandLine());
        try {
            if (revision != null) {
                if (paths.size() > 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "With --git, give at most one PATH (the project directory).");
                }
                outcome = DiffInputs.git(paths.isEmpty() ? Path.of(".") : paths.get(0), revision, options);
            } else {
                if (paths.size() != 2) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "Give two project directories, OLD and NEW, or --git REV [PATH].");
                }
                outcome = DiffInputs.directories(paths.get(0), paths.get(1), Path.of("").toAbsolutePath(), options);
            }
        } catch (InputException e) {
            err.println("vigil: " + e.getMessage());
            return VigilCommand.EXIT_USAGE;
        }
        if (outcome.report().isEmpty()) {
            if (format == Format.json) {
                // A program reading the diff reads why there is none the way `check --format json` gives it.
                List<Diagnostic> diagnostics = new ArrayList<>();
                for (DiffInputs.Compiled side : List.of(outcome.before(), outcome.after())) {
                    if (side.result().hasErrors()) {
                        diagnostics.addAll(side.result().diagnostics());
                    }
                }
                out.print(JsonRenderer.render(diagnostics));
                out.flush();
                return VigilCommand.EXIT_USAGE;
            }
            for (DiffInputs.Compiled side : List.of(outcome.before(), outcome.after())) {
                if (side.result().hasErrors()) {
                    err.println("vigil: " + side.label() + " does not compile:");
                    err.print(TextRenderer.render(side.result().diagnostics(), side.result().sources()));
                    err.println(TextRenderer.summary(side.result().diagnostics()));
                }
            }
            err.flush();
            return VigilCommand.EXIT_USAGE;
        }
        DiffReport report = outcome.report().get();
        out.print(switch (format) {
            case text -> DiffText.text(report);
            case markdown -> DiffText.markdown(report);
            case json -> DiffJson.render(report);
        });
        out.flush();
        return failOn == FailOn.breaking && report.breaking() ? 1 : 0;
    }
}
