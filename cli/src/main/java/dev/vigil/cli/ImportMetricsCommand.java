package dev.vigil.cli;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.importer.ImportFiles;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.importer.metrics.Exposition;
import dev.vigil.compiler.importer.metrics.MetricDeclarations;
import dev.vigil.compiler.importer.metrics.MetricFamily;
import dev.vigil.compiler.importer.metrics.PrometheusApi;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = "Write `metric` declarations (type, help, unit, label names) from an exporter's /metrics page "
                + "(a URL or a saved file) or from a running Prometheus (its metadata and series API), merged into "
                + "FILE without touching what it already declares (docs/import.md).",
        footer = {"", "Examples:",
            "  vigil import metrics --from http://127.0.0.1:9100/metrics --service node --out node-metrics.vigil",
            "  vigil import metrics --from http://127.0.0.1:9090 --match 'node_.*' --service node --out node-metrics.vigil",
            "  vigil import metrics --from saved-metrics.txt --service api --out api-metrics.vigil", ""})
final class ImportMetricsCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "URL|FILE",
            description = "An exporter's /metrics URL, a Prometheus server's base URL (http://host:9090), or a file "
                    + "holding a /metrics page.")
    String from;

    @Option(names = "--service", required = true, paramLabel = "NAME",
            description = "The service the declarations are added to (`extend service NAME`).")
    String service;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The .vigil file to write; when it exists, new declarations are merged into it.")
    Path out;

    @Option(names = "--match", paramLabel = "REGEX", defaultValue = ".+",
            description = "Only metrics whose whole name matches this regex (default: ${DEFAULT-VALUE}).")
    String match;

    @Option(names = "--target-labels", paramLabel = "LABELS", split = ",", defaultValue = "job,instance",
            description = "Labels Prometheus attaches to every scraped series, left out of the declarations "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> targetLabels;

    @Option(names = "--optional-labels", paramLabel = "LABELS", split = ",",
            description = "Labels to declare in `optional_labels` wherever they appear, as `label` (any metric) or "
                    + "`metric:label`: labels that other hosts write empty or leave off, which this page cannot show.")
    List<String> optionalLabels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pattern names;
        try {
            names = Pattern.compile(match);
        } catch (PatternSyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--match: `" + match + "` is not a regex: "
                    + e.getDescription() + ".");
        }
        if (!VigilText.isName(service)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--service: `" + service
                    + "` is not a service name (letters, digits and `_`, not starting with a digit).");
        }
        if (!out.getFileName().toString().endsWith(".vigil")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out: `" + out + "` must be a .vigil file.");
        }
        DiagnosticSink sink = new DiagnosticSink();
        Map<String, SourceFile> read = new TreeMap<>();
        List<MetricFamily> families;
        Optional<SourceFile> existing;
        try {
            families = read(sink, read, names);
            existing = Files.exists(out) ? Optional.of(new SourceFile(out.toString(),
                    Files.readString(out, StandardCharsets.UTF_8))) : Optional.empty();
        } catch (NoSuchFileException e) {
            err.println("vigil: cannot read " + e.getFile() + ": no such file; nothing was written.");
            return VigilCommand.EXIT_USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("vigil: cannot read " + from + ": " + e.getMessage() + "; nothing was written.");
            return VigilCommand.EXIT_USAGE;
        }
        existing.ifPresent(f -> read.put(f.path(), f));
        Set<String> optional = names(optionalLabels);
        List<MetricFamily> chosen = families.stream().filter(f -> names.matcher(f.name()).matches())
                .map(f -> f.withOptional(optional)).toList();
        Optional<MetricDeclarations.Result> result = sink.hasErrors() ? Optional.empty()
                : MetricDeclarations.merge(out.toString(), existing, service, chosen, sink);
        stdout.print(TextRenderer.render(sink.sorted(), read));
        if (result.isEmpty()) {
            stdout.println("nothing was written");
            stdout.flush();
            return 1;
        }
        MetricDeclarations.Result r = result.get();
        try {
            if (r.added() > 0) {
                Path dir = out.toAbsolutePath().getParent();
                ImportFiles.write(dir, new TreeMap<>(Map.of(out.getFileName().toString(), r.text())));
            }
        } catch (IOException e) {
            stdout.flush();
            err.println("vigil: cannot write " + out + ": " + e.getMessage() + "; nothing was written.");
            return VigilCommand.EXIT_USAGE;
        }
        stdout.println("read " + chosen.size() + " metrics; added " + r.added() + (r.added() == 1 ? " declaration" : " declarations")
                + " to " + out + ", kept " + r.kept() + " already declared");
        stdout.flush();
        return 0;
    }

    /** The metrics of --from; the files and responses read go into {@code read}, for rendering diagnostics. */
    private List<MetricFamily> read(DiagnosticSink sink, Map<String, SourceFile> read, Pattern names) throws IOException {
        if (!MetricsFetch.isUrl(from)) {
            SourceFile page = new SourceFile(from, Files.readString(Path.of(from), StandardCharsets.UTF_8));
            read.put(page.path(), page);
            return Exposition.read(page, labels(), sink);
        }
        URI uri = URI.create(from);
        MetricsFetch fetch = new MetricsFetch();
        if (MetricsFetch.isMetricsPage(uri)) {
            SourceFile page = new SourceFile(from, fetch.page(uri));
            read.put(page.path(), page);
            return Exposition.read(page, labels(), sink);
        }
        SourceFile metadata = new SourceFile(from + "/api/v1/metadata", fetch.metadata(uri));
        SourceFile series = new SourceFile(from + "/api/v1/series", fetch.series(uri, match));
        return PrometheusApi.read(metadata, series, labels(), names.asMatchPredicate(), sink);
    }

    private Set<String> labels() {
        return names(targetLabels);
    }

    private static Set<String> names(List<String> given) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : given == null ? List.<String>of() : given) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }
}
