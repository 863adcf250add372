package dev.vigil.lsp.workspace;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The compiler's results for every project, as of one snapshot's generation: immutable, and replaced
 * whole by the next compilation. A project that an edit did not touch keeps its earlier result.
 */
public final class Compilation {
    public static final Compilation NONE = new Compilation(-1, Map.of());

    private final long generation;
    private final Map<Project, ProjectResult> results;

    public Compilation(long generation, Map<Project, ProjectResult> results) {
        this.generation = generation;
        this.results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** The snapshot generation compiled. */
    public long generation() {
        return generation;
    }

    public Map<Project, ProjectResult> byProject() {
        return results;
    }

    public Collection<ProjectResult> results() {
        return results.values();
    }

    /**
     * The result that holds {@code file}: the project whose inputs hold it (innermost folder first), else
     * one that imports it from outside its folder.
     */
    public Optional<ProjectResult> resultFor(Path file) {
        Optional<ProjectResult> own = results.values().stream().filter(r -> r.project().holds(file))
                .max(Comparator.comparingInt(r -> r.project().input().getNameCount()));
        return own.isPresent() ? own : results.values().stream().filter(r -> r.files().contains(file)).findFirst();
    }
}
