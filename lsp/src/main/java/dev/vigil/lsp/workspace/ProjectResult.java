package dev.vigil.lsp.workspace;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.index.SymbolIndex;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.lsp.text.LineIndex;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One project's compilation: the compiler's own {@link CompileResult}, the versions of the open
 * documents it read, and the mapping between the paths the compiler shows (relative to the project's
 * base, or {@code lib:...} for a library's files) and files on disk. {@code failure} is set when the
 * project could not be read at all (no result then has sources). The {@link #index() symbol index} of the
 * compilation is built on first use, once.
 */
public final class ProjectResult {
    private final Project project;
    private final CompileResult result;
    private final Map<Path, Integer> versions;
    private final Optional<String> failure;
    private final Map<String, Path> paths = new HashMap<>();
    private final Map<Path, String> shown = new HashMap<>();
    private final Map<String, LineIndex> lines = new ConcurrentHashMap<>();
    private volatile SymbolIndex index;

    public ProjectResult(Project project, CompileResult result, Map<Path, Integer> versions, Optional<String> failure) {
        this.project = project;
        this.result = result;
        this.versions = Map.copyOf(versions);
        this.failure = failure;
        for (String display : result.sources().keySet()) {
            path(project.base(), display).ifPresent(p -> {
                paths.put(display, p);
                shown.put(p, display);
            });
        }
    }

    /** The file a shown path names; empty for a library's file and for a span without a place. */
    static Optional<Path> path(Path base, String display) {
        if (display.startsWith("lib:") || display.startsWith("<")) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(display);
            return Optional.of((p.isAbsolute() ? p : base.resolve(p)).toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    public Project project() {
        return project;
    }

    public CompileResult result() {
        return result;
    }

    public Optional<String> failure() {
        return failure;
    }

    /** The version of the open document the compiler read for {@code file}; empty when it read the disk. */
    public Optional<Integer> version(Path file) {
        return Optional.ofNullable(versions.get(file));
    }

    /** The file on disk of a path the compiler shows. */
    public Optional<Path> path(String display) {
        Path known = paths.get(display);
        return known != null ? Optional.of(known) : path(project.base(), display);
    }

    /** The path the compiler shows for a file it read. */
    public Optional<String> display(Path file) {
        return Optional.ofNullable(shown.get(file));
    }

    /** The files on disk (not a library's) the compilation read. */
    public Set<Path> files() {
        return shown.keySet();
    }

    /** The text the compiler read for a file. */
    public Optional<SourceFile> source(Path file) {
        return display(file).map(d -> result.sources().get(d));
    }

    /** Positions in the text the compiler read under {@code display}. */
    public Optional<LineIndex> lines(String display) {
        SourceFile s = result.sources().get(display);
        return s == null ? Optional.empty() : Optional.of(lines.computeIfAbsent(display, d -> LineIndex.of(s.text())));
    }

    /**
     * Definitions, references, rename and hover data of this compilation, built from the compiler's own
     * parse and model on the first request that needs it; requests on other threads wait for that one
     * build instead of making their own. A result no request asks about never builds it.
     */
    public SymbolIndex index() {
        SymbolIndex built = index;
        if (built == null) {
            synchronized (this) {
                built = index;
                if (built == null) {
                    built = SymbolIndex.of(result);
                    index = built;
                }
            }
        }
        return built;
    }

    /** The findings in one file that are reported: not silenced. */
    public List<Diagnostic> diagnostics(Path file) {
        Optional<String> d = display(file);
        if (d.isEmpty()) {
            return List.of();
        }
        return result.diagnostics().stream().filter(x -> !x.isSuppressed() && x.span().file().equals(d.get())).toList();
    }
}
