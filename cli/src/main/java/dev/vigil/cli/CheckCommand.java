package dev.vigil.cli;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.targets.build.OutputLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Validate .vigil files and project directories without writing anything.",
        footer = {"", "Examples:", "  vigil check samples/crm-events", "  vigil check --format json src/main/vigil", ""})
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files or directories; a directory means every .vigil file below it, skipping target/ and build/.")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    OutputFormat format;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

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

    @Override
    public Integer call() {
        CompileResult result;
        try {
            result = OutputLimits.withLimits(new Compiler(SourceLoader.fromWorkingDirectory(),
                    catalogue.addTo(kubernetes.addTo(options(versions, grafana, libraries, spec), spec.commandLine()),
                            spec.commandLine())).check(paths));
            if (strict) {
                result = result.withWarningsAsErrors();
            }
        } catch (InputException e) {
            spec.commandLine().getErr().println("vigil: " + e.getMessage());
            return VigilCommand.EXIT_USAGE;
        }
        return Report.print(result, format, spec.commandLine().getOut());
    }

    /** The compile options the command line sets: the target versions and the library path. */
    static CompileOptions options(VersionOptions versions, VersionOptions.Grafana grafana, LibraryOptions libraries,
            CommandLine.Model.CommandSpec spec) {
        Map<TargetVersions.Tool, Version> given = versions.versions(spec.commandLine());
        grafana.addTo(given, spec.commandLine());
        return libraries.addTo(new CompileOptions(OptionalLong.empty(), Map.of(), given), spec.commandLine());
    }
}
