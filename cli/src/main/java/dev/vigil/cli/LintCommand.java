package dev.vigil.cli;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.lint.Linter;
import dev.vigil.compiler.target.FeatureFlag;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.promql.Durations;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = {"Check existing Prometheus rule files and Alertmanager configurations with the checks of "
                + "`vigil check`. The kind of each file is told from its content: a top-level `groups:` list, or "
                + "`route:`/`receivers:`.",
                "Silence one check for one rule with a comment above it or at the end of its `- alert:` line: "
                        + "`# vigil:ignore <Check.Id> <reason>`."},
        footer = {"", "Examples:", "  vigil lint monitoring/prometheus/rules.yml",
                "  vigil lint --strict --scrape-interval 15s --format json monitoring/", ""})
final class LintCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files or directories; a directory means every .yml and .yaml file below it, skipping "
                    + "target/, build/ and hidden directories.")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}.")
    OutputFormat format;

    @Option(names = "--scrape-interval", paramLabel = "D", defaultValue = "1m",
            description = "The scrape interval the checks assume, such as 15s (default: ${DEFAULT-VALUE}).")
    String scrapeInterval;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = "--prometheus-feature", paramLabel = "FLAG",
            description = "A feature flag the Prometheus that loads the rules runs with, such as "
                    + "promql-experimental-functions; repeat for several.")
    List<String> features = List.of();

    @Option(names = "--target-labels", paramLabel = "LABELS", split = ",", defaultValue = "job,instance",
            description = "The labels Prometheus attaches to every scraped series, comma-separated (default: "
                    + "${DEFAULT-VALUE}); an empty value assumes none, for rules over federated series kept with "
                    + "honor_labels.")
    List<String> targetLabels;

    @CommandLine.Mixin
    VersionOptions versions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long scrapeMillis;
        try {
            scrapeMillis = Durations.parsePositiveMillis(scrapeInterval);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("vigil: --scrape-interval: " + e.getMessage() + ".");
            return VigilCommand.EXIT_USAGE;
        }
        CompileResult result;
        try {
            TargetVersions targets = versions.targets(spec.commandLine()).withFlags(flags());
            result = Linter.fromWorkingDirectory(new Linter.Options(scrapeMillis, strict, targets, labels()))
                    .lint(paths);
        } catch (InputException e) {
            spec.commandLine().getErr().println("vigil: " + e.getMessage());
            return VigilCommand.EXIT_USAGE;
        }
        return Report.print(result, format, spec.commandLine().getOut());
    }

    /** The --target-labels list: label names, blanks dropped (so `--target-labels ""` is none). */
    private List<String> labels() {
        List<String> out = new java.util.ArrayList<>();
        for (String l : targetLabels == null ? List.<String>of() : targetLabels) {
            String name = l.strip();
            if (name.isEmpty() || out.contains(name)) {
                continue;
            }
            if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--target-labels: `" + name + "` is not a label name.");
            }
            out.add(name);
        }
        return out;
    }

    private Set<FeatureFlag> flags() {
        Set<FeatureFlag> out = EnumSet.noneOf(FeatureFlag.class);
        for (String f : features) {
            out.add(FeatureFlag.of(f).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--prometheus-feature: `" + f + "` is not a feature flag that changes what rules may use; Vigil knows "
                            + Arrays.stream(FeatureFlag.values()).map(FeatureFlag::flag)
                                    .collect(Collectors.joining(", ")) + ".")));
        }
        return out;
    }
}
