package dev.vigil.cli;

import dev.vigil.compiler.InputException;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.JsonRenderer;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.build.Emitters;
import dev.vigil.targets.runbook.RunbookTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Compile a project and write its outputs: Prometheus rules and tests, Alertmanager config, "
                + "Grafana dashboards, runbooks and Kubernetes manifests. Nothing is written when there are errors.",
        footer = {"", "Examples:", "  vigil build samples/crm-events", "  vigil build --out /tmp/out src/main/vigil", ""})
final class BuildCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROJECT_DIR", description = "The project directory (every .vigil file below it).")
    Path project;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: PROJECT_DIR/build/vigil).")
    Path out;

    @Option(names = "--templates", paramLabel = "DIR", description = "A directory inside PROJECT_DIR of runbook "
            + "templates overriding the built-in ones.")
    Path templates;

    @Option(names = "--format", defaultValue = "text", description = "Diagnostics format: ${COMPLETION-CANDIDATES}.")
    OutputFormat format;

    @CommandLine.Mixin
    VersionOptions versions;

    @CommandLine.Mixin
    VersionOptions.Grafana grafana;

    @CommandLine.Mixin
    LibraryOptions libraries;

    @CommandLine.Mixin
    KubernetesOptions kubernetes;

    @CommandLine.Mixin
    CatalogueOptions catalogue;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The emitters to run: all of them, except in a test that needs one to fail. */
    private final List<Emitter> emitters;

    BuildCommand() {
        this(Emitters.all());
    }

    BuildCommand(List<Emitter> emitters) {
        this.emitters = List.copyOf(emitters);
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(project)) {
            spec.commandLine().getErr().println("vigil: not a directory: " + project);
            return VigilCommand.EXIT_USAGE;
        }
        // Templates come from the project being built, never from elsewhere on the machine.
        Optional<String> refused = templates == null ? Optional.empty() : RunbookTemplates.refusal(templates, project);
        if (refused.isPresent()) {
            spec.commandLine().getErr().println("vigil: --templates: " + refused.get());
            return VigilCommand.EXIT_USAGE;
        }
        Path output = out != null ? out : Build.defaultOutput(project);
        Build.Result result;
        try {
            result = Build.run(project, output, new EmitSettings(Optional.ofNullable(templates)),
                    catalogue.addTo(kubernetes.addTo(CheckCommand.options(versions, grafana, libraries, spec),
                            spec.commandLine()), spec.commandLine()), emitters);
        } catch (InputException e) {
            spec.commandLine().getErr().println("vigil: " + e.getMessage());
            return VigilCommand.EXIT_USAGE;
        } catch (IOException e) {
            spec.commandLine().getErr().println("vigil: cannot write " + output + ": " + e.getMessage());
            return VigilCommand.EXIT_USAGE;
        }
        var diagnostics = result.compilation().diagnostics();
        if (format == OutputFormat.json) {
            spec.commandLine().getOut().print(JsonRenderer.render(diagnostics));
        } else if (result.failedInternally()) {
            // The sources are fine, so their warnings would only bury the one line that matters.
            List<Diagnostic> internal = diagnostics.stream().filter(d -> d.inFamily("Internal")).toList();
            spec.commandLine().getErr().print(TextRenderer.render(internal, result.compilation().sources()).strip() + "\n");
        } else {
            spec.commandLine().getOut().print(TextRenderer.render(diagnostics, result.compilation().sources()));
            if (result.succeeded()) {
                var w = result.written().get();
                spec.commandLine().getOut().println("wrote " + output + ": " + w.written() + " changed, "
                        + w.unchanged() + " unchanged, " + w.removed() + " removed");
            } else {
                spec.commandLine().getOut().println(TextRenderer.summary(diagnostics) + "; nothing was written");
            }
        }
        spec.commandLine().getOut().flush();
        if (result.failedInternally()) {
            VigilCommand.debugTrace(spec, result.internalFailure().get());
            return VigilCommand.EXIT_INTERNAL;
        }
        return result.succeeded() ? 0 : Math.max(1, Report.status(diagnostics));
    }
}
