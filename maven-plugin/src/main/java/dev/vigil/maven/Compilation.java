package dev.vigil.maven;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Property;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.diag.Suppressions;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.source.SourceLoader;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.Validators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Compiles a {@link CompileRequest}: the library's {@link Compiler} plus the settings the POM adds. */
final class Compilation {
    /** The file that carries the POM's scrape interval into the compiler, under the work directory. */
    static final String SETTINGS_FILE = "pom-settings.vigil";

    private Compilation() {
    }

    /** The {@code .vigil} files of the request; empty when the source directory is missing or has none. */
    static List<Path> sources(CompileRequest request) throws InputException {
        if (!Files.isDirectory(request.sourceDirectory())) {
            return List.of();
        }
        return new SourceLoader(request.baseDirectory()).expand(List.of(request.sourceDirectory()), Compiler.EXTENSION);
    }

    /**
     * Compiles the request. The POM's scrape interval reaches the checks as a {@code settings} block
     * in a file the plugin writes under {@code target/}, so the compiler treats it exactly as one in
     * the sources; the sources may not set it too, since which one wins would depend on file order.
     * The POM's severity overrides apply after the project's own {@code checks} block.
     *
     * @return empty when there are no sources
     */
    static Optional<CompileResult> compile(CompileRequest request) throws ConfigurationException, InputException, IOException {
        if (sources(request).isEmpty()) {
            return Optional.empty();
        }
        Map<String, Severity> overrides = overrides(request.severityOverrides());
        List<Path> inputs = new ArrayList<>(List.of(request.sourceDirectory()));
        Path settingsFile = request.workDirectory().resolve(SETTINGS_FILE);
        if (request.scrapeInterval().isPresent()) {
            inputs.add(writeSettings(settingsFile, scrapeMillis(request.scrapeInterval().get())));
        } else {
            Files.deleteIfExists(settingsFile);
        }
        SourceLoader loader = new SourceLoader(request.baseDirectory());
        CompileResult result = new Compiler(loader).check(inputs);
        if (request.scrapeInterval().isPresent() && result.project().isPresent()) {
            refuseSecondScrapeInterval(result.project().get().files(), loader.displayPath(settingsFile));
        }
        if (!overrides.isEmpty()) {
            List<Diagnostic> adjusted = Suppressions.apply(result.diagnostics(), List.of(), overrides);
            boolean errors = adjusted.stream().anyMatch(Diagnostic::isError);
            result = new CompileResult(errors ? Optional.empty() : result.project(), adjusted, result.sources());
        }
        return Optional.of(request.strict() ? result.withWarningsAsErrors() : result);
    }

    static long scrapeMillis(String text) throws ConfigurationException {
        long millis;
        try {
            millis = Durations.parseMillis(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("scrapeInterval (vigil.scrapeInterval): " + e.getMessage()
                    + "; give a Prometheus duration such as 15s or 1m.");
        }
        if (millis <= 0) {
            throw new ConfigurationException("scrapeInterval (vigil.scrapeInterval): `" + text + "` is not a positive duration.");
        }
        return millis;
    }

    private static Path writeSettings(Path file, long scrapeMillis) throws IOException {
        String text = "// Written by vigil-maven-plugin from the POM's scrapeInterval. Do not edit.\n"
                + "settings {\n  scrape_interval " + Durations.format(scrapeMillis) + "\n}\n";
        Files.createDirectories(file.getParent());
        // Rewritten only when it changes, so its timestamp does not make the build look dirty.
        if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        return file;
    }

    private static void refuseSecondScrapeInterval(List<VigilFile> files, String settingsPath) throws ConfigurationException {
        for (VigilFile f : files) {
            if (f.path().equals(settingsPath)) {
                continue;
            }
            for (Decl d : f.decls()) {
                if (d instanceof Decl.SettingsDecl settings) {
                    for (Property p : settings.properties()) {
                        if (p.key().text().equals("scrape_interval")) {
                            throw new ConfigurationException("The POM sets scrapeInterval, and " + f.path() + ":"
                                    + p.span().line() + ":" + p.span().column()
                                    + " sets scrape_interval too; set it in one place.");
                        }
                    }
                }
            }
        }
    }

    /** The POM's overrides, checked as the DSL's {@code checks} block checks them. */
    static Map<String, Severity> overrides(Map<String, String> configured) throws ConfigurationException {
        Set<String> known = new TreeSet<>();
        for (Validator v : Validators.builtIn().all()) {
            known.add(v.id());
            known.add(v.id().substring(0, v.id().indexOf('.')));
        }
        Map<String, Severity> out = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : configured.entrySet()) {
            String key = e.getKey().trim();
            String level = e.getValue() == null ? "" : e.getValue().trim();
            if (!known.contains(key)) {
                String near = Suggest.closest(key, known);
                problems.add("no check is called `" + key + "`" + (near != null ? "; did you mean `" + near + "`?" : ""));
                continue;
            }
            switch (level) {
                case "off" -> out.put(key, null);
                case "error", "warning", "info" -> out.put(key, Severity.parse(level));
                default -> problems.add("`" + level + "` for `" + key + "` is not a level; use error, warning, info or off");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("severityOverrides: " + String.join("; ", problems) + ".");
        }
        return out;
    }
}
