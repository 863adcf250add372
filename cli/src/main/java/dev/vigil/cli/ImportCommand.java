package dev.vigil.cli;

import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.importer.ImportFiles;
import dev.vigil.compiler.importer.ImportRun;
import dev.vigil.compiler.importer.registry.Importers;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        subcommands = ImportMetricsCommand.class,
        description = "Turn Prometheus rule files, PrometheusRule resources, Alertmanager configurations, Sloth, "
                + "Pyrra and OpenSLO specs and Grafana dashboards into .vigil sources, one file per service "
                + "(docs/import.md).",
        footer = {"", "Examples:", "  vigil import --out monitoring rules/*.yaml alertmanager.yml",
            "  vigil import --baseline --out monitoring kube-prometheus/manifests/*.yaml",
            "  vigil import metrics --from http://127.0.0.1:9100/metrics --service node --out node-metrics.vigil", ""})
final class ImportCommand implements Callable<Integer> {
    // Not required to picocli, which would then demand FILE before `import metrics` too; call() demands it.
    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "YAML or JSON files, or directories (every .yml, .yaml and .json file below); each document is "
                    + "told by content.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where to write the .vigil files.")
    Path out;

    @Option(names = "--baseline",
            description = "Add a `// vigil:ignore <id> imported: <reason>` comment for every finding that can be suppressed.")
    boolean baseline;

    @Option(names = "--force", description = "Overwrite .vigil files that already exist.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (inputs == null || inputs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceLoader loader = SourceLoader.fromWorkingDirectory();
        DiagnosticSink unreadable = new DiagnosticSink();
        List<SourceFile> sources = new ArrayList<>();
        try {
            Set<Path> files = new TreeSet<>();
            for (String ext : ImportRun.EXTENSIONS) {
                files.addAll(loader.expand(inputs, ext));
            }
            if (files.isEmpty()) {
                throw new InputException("No .yml, .yaml or .json files found in " + inputs);
            }
            for (Path f : files) {
                loader.read(f, unreadable).ifPresent(sources::add);
            }
        } catch (InputException e) {
            err.println("vigil: " + e.getMessage());
            return VigilCommand.EXIT_USAGE;
        }
        if (unreadable.hasErrors()) {
            stdout.print(TextRenderer.render(unreadable.sorted(), java.util.Map.of()));
            stdout.flush();
            return VigilCommand.EXIT_USAGE;
        }
        String shown = loader.displayPath(out);
        ImportRun.Result result = ImportRun.run(Importers.all(), sources, shown.isEmpty() ? "" : shown + "/", baseline);
        stdout.print(TextRenderer.render(result.diagnostics(), result.sources()));
        if (result.inputHasErrors()) {
            stdout.print(result.summary().render());
            stdout.flush();
            return 1;
        }
        List<Path> existing = ImportFiles.existing(out, result.files());
        if (!force && !existing.isEmpty()) {
            stdout.flush();
            for (Path p : existing) {
                err.println("vigil: " + loader.displayPath(p) + " exists; nothing was written.");
            }
            err.println("Run again with --force to overwrite, or choose another --out.");
            return VigilCommand.EXIT_USAGE;
        }
        try {
            for (Path p : ImportFiles.write(out, result.files())) {
                stdout.println("wrote " + loader.displayPath(p));
            }
        } catch (IOException e) {
            stdout.flush();
            err.println("vigil: cannot write to " + shown + ": " + e.getMessage() + "; nothing was written.");
            return VigilCommand.EXIT_USAGE;
        }
        stdout.print(result.summary().render());
        stdout.flush();
        return result.summary().errors() > 0 ? 1 : 0;
    }
}
