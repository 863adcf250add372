package dev.vigil.targets.tools;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The releases of Prometheus and Alertmanager the suite runs the output in, as
 * {@code scripts/fetch-tools} describes them in {@code matrix.tsv}: one entry per release pair,
 * the first being the system's tools (the default targets). The file is found by
 * {@code -Dvigil.tools.matrix}, else {@code VIGIL_TOOLS_MATRIX}, else the script's default cache
 * ({@code ${VIGIL_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vigil/tools}/matrix.tsv}). A missing
 * matrix fails the test on CI ({@code CI=true}) and skips it, with a warning, elsewhere.
 *
 * <p>Output is only valid for the releases it was compiled for, so an entry compiles projects for its
 * own releases ({@link Entry#compile}); a project that sets its own target versions keeps them, and
 * runs only on entries at least that new ({@link Entry#runs}).
 */
public final class ToolMatrix {
    private static List<Entry> loaded;

    private ToolMatrix() {
    }

    /**
     * One release pair and its four executables. {@code source} says where they come from (the PATH
     * or the Debian packages).
     */
    public record Entry(String name, Version prometheus, Version alertmanager, Tool promtool, Tool amtool,
            Tool prometheusServer, Tool alertmanagerServer, String source) {
        /** {@code sid (Prometheus 3.5.3, Alertmanager 0.33.1)}. */
        public String label() {
            return name + " (Prometheus " + full(prometheus) + ", Alertmanager " + full(alertmanager) + ")";
        }

        /**
         * Whether output compiled for {@code targets} may be run in this entry's releases: from the
         * oldest release targeted on, within the major line of the newest (Prometheus 3.0 removed
         * what 2.x had, so output for 2.42 is not promised to load in 3.5).
         */
        public boolean runs(TargetVersions targets) {
            return runsPrometheus(targets) && alertmanager.atLeast(targets.alertmanager());
        }

        /** As {@link #runs}, for the Prometheus side alone. */
        public boolean runsPrometheus(TargetVersions targets) {
            return prometheus.atLeast(targets.prometheus())
                    && prometheus.major() <= targets.newest(TargetVersions.Tool.PROMETHEUS).major();
        }

        /** The build options that target this entry's releases. */
        public CompileOptions options() {
            Map<TargetVersions.Tool, Version> versions = new EnumMap<>(TargetVersions.Tool.class);
            versions.put(TargetVersions.Tool.PROMETHEUS, prometheus);
            versions.put(TargetVersions.Tool.ALERTMANAGER, alertmanager);
            return new CompileOptions(OptionalLong.empty(), Map.of(), versions);
        }

        /** In-memory sources compiled for this entry's releases, except those the sources set themselves. */
        public CompileResult compile(List<SourceFile> sources) {
            return compileFor(o -> Compiler.compile(sources, o));
        }

        /** A directory of sources (or one file) compiled as {@link #compile(List)} does. */
        public CompileResult compile(Path sources) {
            return compileFor(o -> {
                try {
                    return new Compiler(SourceLoader.fromWorkingDirectory(), o).check(List.of(sources));
                } catch (InputException e) {
                    throw new AssertionError(e.getMessage(), e);
                }
            });
        }

        /**
         * A build may not set a target version the sources set too (that is a {@code Property.Conflict});
         * a project that names its own releases is compiled again with only the others set by the build.
         */
        private CompileResult compileFor(Function<CompileOptions, CompileResult> compiler) {
            CompileResult r = compiler.apply(options());
            Map<TargetVersions.Tool, Version> versions = new EnumMap<>(options().targetVersions());
            for (Diagnostic d : r.diagnostics()) {
                if (d.code().equals(Ids.PROPERTY_CONFLICT) && r.sources().containsKey(d.span().file())) {
                    String at = r.sources().get(d.span().file()).line(d.span().line());
                    String key = at.substring(Math.min(at.length(), Math.max(0, d.span().column() - 1)));
                    versions.keySet().removeIf(t -> key.startsWith(t.setting()));
                }
            }
            return versions.size() == options().targetVersions().size() ? r
                    : compiler.apply(new CompileOptions(OptionalLong.empty(), Map.of(), versions));
        }

        private static String full(Version v) {
            return v.major() + "." + v.minor() + "." + v.patch();
        }
    }

    /** Every entry, the system's tools first; fails on CI, or skips with a warning, without a matrix. */
    public static synchronized List<Entry> entries() {
        if (loaded == null) {
            Path file = location();
            if (!Files.isRegularFile(file)) {
                String missing = "The tool matrix " + file + " does not exist; run scripts/fetch-tools (scripts/test-all does), "
                        + "or point -Dvigil.tools.matrix or VIGIL_TOOLS_MATRIX at its matrix.tsv";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(missing + ". On CI (CI=true) the matrix is required.");
                }
                System.err.println("WARNING: " + missing + "; the tests that run the tools are SKIPPED.");
                Assumptions.abort(missing);
            }
            loaded = read(file);
            StringBuilder b = new StringBuilder("Tool matrix " + file + ":");
            loaded.forEach(e -> b.append("\n  ").append(e.label()).append(" from ").append(e.source()));
            System.out.println(b);
        }
        return loaded;
    }

    /** The first entry: the system's tools (Debian bookworm's Prometheus 2.42 and Alertmanager 0.25). */
    public static Entry byDefault() {
        return entries().get(0);
    }

    /** The newest Prometheus of the matrix (with its Alertmanager). */
    public static Entry newest() {
        return entries().stream().max((a, b) -> a.prometheus().compareTo(b.prometheus())).orElseThrow();
    }

    static Path location() {
        String property = System.getProperty("vigil.tools.matrix");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("VIGIL_TOOLS_MATRIX");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String cache = System.getenv("VIGIL_TOOLS_CACHE");
        if (cache == null || cache.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            return base.resolve("vigil/tools/matrix.tsv");
        }
        return Path.of(cache, "matrix.tsv");
    }

    /** The lines of {@code matrix.tsv}: name, the two releases, promtool, amtool, prometheus, alertmanager, source. */
    static List<Entry> read(Path file) {
        List<Entry> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Assertions.assertTrue(f.length >= 8, file + ": expected 8 tab-separated fields: " + line);
                out.add(new Entry(f[0], version(file, f[1]), version(file, f[2]), tool("promtool", f[3]),
                        tool("amtool", f[4]), tool("prometheus", f[5]), tool("alertmanager", f[6]), f[7]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Assertions.assertFalse(out.isEmpty(), file + " lists no tools");
        return List.copyOf(out);
    }

    private static Version version(Path file, String text) {
        return Version.parse(text).orElseThrow(() -> new AssertionError(file + ": not a version: " + text));
    }

    private static Tool tool(String name, String path) {
        Path p = Path.of(path);
        Assertions.assertTrue(Files.isExecutable(p), "the tool matrix names " + path + " for " + name
                + ", which is not an executable; run scripts/fetch-tools again");
        return new Tool(name, p);
    }
}
