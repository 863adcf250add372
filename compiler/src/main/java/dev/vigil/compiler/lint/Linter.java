package dev.vigil.compiler.lint;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.model.ExpressionChecks;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suppression;
import dev.vigil.compiler.diag.Suppressions;
import dev.vigil.compiler.lowering.Lowering;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.Validators;
import dev.vigil.compiler.yaml.AlertmanagerConfigReader;
import dev.vigil.compiler.yaml.ExprSpans;
import dev.vigil.compiler.yaml.PrometheusRulesReader;
import dev.vigil.compiler.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code vigil lint}: the checks of {@code vigil check}, run over the Prometheus rule files and
 * Alertmanager configurations a team already has. Each file's kind is told from its content. Rule
 * files become one service each (named after the file); the first Alertmanager configuration becomes
 * the project's routing, checked together with the rules, and any further one is checked on its own.
 * Like the compiler, it never throws for a mistake in the files: those are diagnostics.
 */
public final class Linter {
    public static final List<String> EXTENSIONS = List.of(".yml", ".yaml");

    /**
     * Lint settings: the scrape interval the checks assume, the releases the files are meant for,
     * whether warnings count as errors, and the labels every scraped series carries (none when the
     * rules read federated series whose labels were kept with {@code honor_labels}).
     */
    public record Options(long scrapeIntervalMillis, boolean strict, TargetVersions targets, List<String> targetLabels) {
        public static final Options DEFAULT = new Options(Project.Settings.DEFAULT.scrapeIntervalMillis(), false);

        public Options {
            targetLabels = List.copyOf(targetLabels);
        }

        public Options(long scrapeIntervalMillis, boolean strict, TargetVersions targets) {
            this(scrapeIntervalMillis, strict, targets, Project.Settings.SCRAPED_TARGET_LABELS);
        }

        public Options(long scrapeIntervalMillis, boolean strict) {
            this(scrapeIntervalMillis, strict, TargetVersions.DEFAULT);
        }
    }

    private final SourceLoader loader;
    private final Options options;

    public Linter(SourceLoader loader, Options options) {
        this.loader = loader;
        this.options = options;
    }

    public static Linter fromWorkingDirectory(Options options) {
        return new Linter(SourceLoader.fromWorkingDirectory(), options);
    }

    /**
     * Lints files and directories (every {@code .yml}/{@code .yaml} below, skipping build output and
     * hidden directories). A named file of an unknown kind is a warning; one found in a directory is skipped.
     */
    public CompileResult lint(List<Path> inputs) throws InputException {
        Set<Path> files = new TreeSet<>();
        for (String ext : EXTENSIONS) {
            files.addAll(loader.expand(inputs, ext));
        }
        if (files.isEmpty()) {
            throw new InputException("No .yml or .yaml files found in " + inputs);
        }
        Set<Path> named = new HashSet<>();
        for (Path p : inputs) {
            if (Files.isRegularFile(p)) {
                named.add(p.toAbsolutePath().normalize());
            }
        }
        DiagnosticSink sink = new DiagnosticSink();
        List<Input> read = new ArrayList<>();
        for (Path f : files) {
            loader.read(f, sink).ifPresent(s -> read.add(new Input(s, named.contains(f))));
        }
        return run(read, sink, options);
    }

    /** Lints text already in memory; every source counts as named explicitly. */
    public static CompileResult lint(List<SourceFile> sources, Options options) {
        return run(sources.stream().map(s -> new Input(s, true)).toList(), new DiagnosticSink(), options);
    }

    private record Input(SourceFile source, boolean named) {
    }

    private static CompileResult run(List<Input> inputs, DiagnosticSink sink, Options options) {
        ExprSpans exprs = new ExprSpans();
        List<Service> services = new ArrayList<>();
        List<Routing> routings = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        Map<String, SourceFile> sources = new HashMap<>();
        for (Input in : inputs) {
            SourceFile source = in.source();
            sources.put(source.path(), source);
            Optional<YamlDocument> doc = YamlDocument.compose(source, sink);
            if (doc.isEmpty() || doc.get().root() == null) {
                continue;
            }
            if (PrometheusRulesReader.recognises(doc.get().root())) {
                PrometheusRulesReader.Result r = PrometheusRulesReader.read(doc.get(), exprs, sink);
                services.add(r.service());
                suppressions.addAll(r.suppressions());
            } else if (AlertmanagerConfigReader.recognises(doc.get().root())) {
                routings.add(AlertmanagerConfigReader.read(doc.get(), sink));
            } else if (in.named()) {
                sink.warning(Ids.INPUT_UNKNOWN_KIND, Span.point(source.path(), 1, 1),
                        "This file is neither a Prometheus rule file nor an Alertmanager configuration.",
                        "`vigil lint` reads files with a top-level `groups:` list, or with `route:` and `receivers:`.");
            }
        }
        Project.Settings settings = new Project.Settings(options.scrapeIntervalMillis(),
                Project.Settings.DEFAULT.evaluationIntervalMillis(), null, options.targets(), options.targetLabels());
        Routing first = routings.isEmpty() ? Routing.EMPTY : routings.get(0);
        Project project = Lowering.lower(new Project(services, List.of(), severities(services, routings), settings, first,
                List.of()), sink);
        ExpressionChecks.run(project, sink);
        validate(project, sink);
        for (Routing more : routings.subList(Math.min(1, routings.size()), routings.size())) {
            validate(new Project(List.of(), List.of(), project.severities(), settings, more, List.of()), sink);
        }
        // Suppressions.apply returns the diagnostics sorted.
        List<Diagnostic> diagnostics = Suppressions.apply(distinct(exprs.remap(sink.sorted())), suppressions, Map.of());
        boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
        CompileResult result = new CompileResult(errors ? Optional.empty() : Optional.of(project), diagnostics, sources);
        return options.strict() ? result.withWarningsAsErrors() : result;
    }

    /** Runs every registered validator; one that trips over a model read from YAML is reported, and the others still run. */
    private static void validate(Project project, DiagnosticSink sink) {
        Validators.builtIn().run(project, sink);
    }

    /**
     * The severity order for YAML: Prometheus has none, so any `severity` label is valid. The usual
     * order comes first, then every other level the files use, so severity names never count as unknown.
     */
    private static SeverityOrder severities(List<Service> services, List<Routing> routings) {
        Set<String> levels = new LinkedHashSet<>(SeverityOrder.DEFAULT.levels());
        Set<String> extra = new TreeSet<>();
        for (Service s : services) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.severity() != null) {
                        extra.add(a.severity().name());
                    }
                }
            }
        }
        for (Routing routing : routings) {
            routeSeverities(routing.routes(), extra);
            for (Routing.Inhibition in : routing.inhibitions()) {
                matcherSeverities(in.source(), extra);
                matcherSeverities(in.target(), extra);
            }
        }
        levels.addAll(extra);
        return new SeverityOrder(List.copyOf(levels), Span.NONE);
    }

    private static void routeSeverities(List<Routing.Route> routes, Set<String> out) {
        for (Routing.Route r : routes) {
            matcherSeverities(r.matchers(), out);
            routeSeverities(r.children(), out);
        }
    }

    private static void matcherSeverities(List<Routing.Matcher> matchers, Set<String> out) {
        for (Routing.Matcher m : matchers) {
            if (m.label().equals("severity") && (m.op().equals("=") || m.op().equals("!="))) {
                out.add(m.value());
            }
        }
    }

    /** Drops repeats: a route that inherits an unknown receiver must not report it once per child. */
    private static List<Diagnostic> distinct(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (Diagnostic d : diagnostics) {
            if (seen.add(List.of(d.code(), d.span(), d.message()))) {
                out.add(d);
            }
        }
        return out;
    }
}
