package dev.vigil.maven;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.diag.CheckLevel;
import dev.vigil.compiler.library.LibraryPath;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.validate.CheckOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Compiles a {@link CompileRequest}: the library's {@link Compiler} with the options the POM adds. */
final class Compilation {
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
     * Compiles the request. The POM's scrape interval, target versions and severity overrides go to
     * the compiler as options: it refuses a scrape interval or a version set in the sources too, and
     * applies the overrides after the project's own {@code checks} block, before deciding whether
     * errors withhold the project.
     *
     * @return empty when there are no sources
     */
    static Optional<CompileResult> compile(CompileRequest request) throws ConfigurationException, InputException {
        if (sources(request).isEmpty()) {
            return Optional.empty();
        }
        CompileResult result = new Compiler(new SourceLoader(request.baseDirectory()), options(request))
                .check(List.of(request.sourceDirectory()));
        return Optional.of(request.strict() ? result.withWarningsAsErrors() : result);
    }

    /** The options the POM adds to the sources: scrape interval, severity overrides, target versions. */
    static CompileOptions options(CompileRequest request) throws ConfigurationException {
        OptionalLong scrape = request.scrapeInterval().isPresent()
                ? OptionalLong.of(scrapeMillis(request.scrapeInterval().get())) : OptionalLong.empty();
        if (request.catalogueUrl().isPresent()) {
            Optional<String> problem = dev.vigil.compiler.model.WebUrl.problem(request.catalogueUrl().get());
            if (problem.isPresent()) {
                throw new ConfigurationException("catalogueUrl is not a web address: it " + problem.get() + ".");
            }
        }
        return new CompileOptions(scrape, overrides(request.severityOverrides()), versions(request.targetVersions()),
                request.libraries(), request.kubernetes(), request.kubernetesResources(), request.catalogueUrl());
    }

    /**
     * The entries of the library path that hold a library, each with the digest of its libraries, in order: what of
     * the dependencies decides the output. A jar is digested whole; a directory (a reactor module's classes) by its
     * {@code META-INF/vigil} folder only.
     */
    static String libraryDigests(CompileRequest request) throws InputException, IOException {
        if (request.libraries().isEmpty()) {
            return "";
        }
        List<Path> carriers;
        try (LibraryPath path = LibraryPath.open(request.libraries())) {
            carriers = path.carriers();
        } catch (LibraryPath.Unusable e) {
            throw new InputException(e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        for (Path carrier : carriers) {
            Path digested = Files.isDirectory(carrier) ? carrier.resolve(LibraryPath.FOLDER) : carrier;
            out.append("library=").append(carrier).append(' ').append(Digests.ofPath(digested)).append('\n');
        }
        return out.toString();
    }

    static long scrapeMillis(String text) throws ConfigurationException {
        try {
            return Durations.parsePositiveMillis(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("scrapeInterval (vigil.scrapeInterval): " + e.getMessage()
                    + "; give a Prometheus duration such as 15s or 1m.");
        }
    }

    /** The POM's target releases, each checked as the sources' settings are. */
    static Map<TargetVersions.Tool, Version> versions(Map<TargetVersions.Tool, String> configured)
            throws ConfigurationException {
        Map<TargetVersions.Tool, Version> out = new java.util.EnumMap<>(TargetVersions.Tool.class);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<TargetVersions.Tool, String> e : configured.entrySet()) {
            TargetVersions.Tool tool = e.getKey();
            String parameter = tool.setting().replace("_version", "Version");
            try {
                out.put(tool, tool.parse(e.getValue()));
            } catch (IllegalArgumentException invalid) {
                problems.add(parameter + " (vigil." + parameter + "): " + invalid.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("; ", problems) + ".");
        }
        return out;
    }

    /**
     * The POM's overrides, checked as the DSL's {@code checks} block checks them: each value is a
     * level and, when it lowers or silences the check, the reason after it ({@code off the ratios are
     * guarded upstream}).
     */
    static Map<String, CheckLevel> overrides(Map<String, String> configured) throws ConfigurationException {
        Map<String, CheckLevel> out = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : configured.entrySet()) {
            String key = e.getKey().trim();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            int space = value.indexOf(' ');
            String level = space < 0 ? value : value.substring(0, space);
            String reason = space < 0 ? null : value.substring(space + 1);
            if (!CheckOverrides.isKnown(key)) {
                String near = CheckOverrides.closest(key);
                problems.add("no check is called `" + key + "`" + (near != null ? "; did you mean `" + near + "`?" : ""));
            } else if (!CheckOverrides.isLevel(level)) {
                problems.add("`" + level + "` for `" + key + "` is not a level; use error, warning, info or off");
            } else if (!CheckOverrides.reasoned(CheckOverrides.level(level, reason))) {
                problems.add("`" + key + "` set to `" + level + "` needs a reason after the level, as in `<" + key + ">"
                        + level + " the reason</" + key + ">`");
            } else {
                out.put(key, CheckOverrides.level(level, reason));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("severityOverrides: " + String.join("; ", problems) + ".");
        }
        return out;
    }
}
