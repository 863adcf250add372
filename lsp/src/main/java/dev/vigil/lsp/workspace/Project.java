package dev.vigil.lsp.workspace;

import java.nio.file.Path;

/**
 * What one compilation checks, as {@code vigil check <input>} would: a workspace folder with every
 * {@code .vigil} file below it, or one open file outside every folder with what it imports. Paths in
 * the compiler's diagnostics are shown relative to {@code base}.
 */
public record Project(Path input, Path base, boolean folder) {
    public static Project folder(Path root) {
        Path r = root.toAbsolutePath().normalize();
        return new Project(r, r, true);
    }

    public static Project file(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return new Project(f, f.getParent() == null ? f : f.getParent(), false);
    }

    /** Whether {@code file} is one of this project's inputs (not counting what they import from elsewhere). */
    public boolean holds(Path file) {
        return folder ? file.startsWith(input) : file.equals(input);
    }
}
