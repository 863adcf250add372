package dev.vigil.compiler.diff;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Compiles the two sides of a diff with the normal pipeline (parse, model, lowering, checks) and the
 * same options, and compares them when both compile: two directories, or a directory of the working
 * tree and the same directory at a git revision.
 */
public final class DiffInputs {
    private DiffInputs() {
    }

    /** One side: what it is called in the report and how it compiled. */
    public record Compiled(String label, CompileResult result) {
    }

    /** Both sides and, when neither has errors, the report. */
    public record Outcome(Compiled before, Compiled after, Optional<DiffReport> report) {
    }

    /**
     * Compares the projects in {@code before} and {@code after}; paths in diagnostics are shown
     * relative to {@code base}. A directory without sources is an empty project.
     */
    public static Outcome directories(Path before, Path after, Path base, CompileOptions options)
            throws InputException {
        Compiled a = new Compiled(before.toString(), compile(before, new SourceLoader(base), options, false));
        Compiled b = new Compiled(after.toString(), compile(after, new SourceLoader(base), options, false));
        return outcome(a, b);
    }

    /**
     * Compares {@code path} in the working tree with the same path at git revision {@code revision}.
     * The old tree is read with {@code git archive} into a temporary directory, deleted afterwards;
     * paths in diagnostics are shown relative to the repository on both sides.
     */
    public static Outcome git(Path path, String revision, CompileOptions options) throws InputException {
        GitTree repo = GitTree.of(path);
        Path relative = repo.relative(path);
        Path temp = repo.extract(revision);
        try {
            Compiled a = new Compiled(revision, compile(temp.resolve(relative.toString()), new SourceLoader(temp),
                    options, true));
            Compiled b = new Compiled("working tree", compile(path, new SourceLoader(repo.root()), options, false));
            return outcome(a, b);
        } finally {
            GitTree.delete(temp);
        }
    }

    private static Outcome outcome(Compiled a, Compiled b) {
        Optional<DiffReport> report = Optional.empty();
        if (a.result().project().isPresent() && b.result().project().isPresent()) {
            report = Optional.of(ProjectDiff.compare(a.result(), b.result(), a.label(), b.label()));
        }
        return new Outcome(a, b, report);
    }

    /** {@code dir} compiled; without sources (or, at a revision, absent) it is an empty project. */
    private static CompileResult compile(Path dir, SourceLoader loader, CompileOptions options, boolean mayBeAbsent)
            throws InputException {
        if (!Files.exists(dir) && !mayBeAbsent) {
            throw new InputException("No such file or directory: " + dir);
        }
        if (!Files.exists(dir) || loader.expand(List.of(dir), Compiler.EXTENSION).isEmpty()) {
            return Compiler.compile(List.of(), options);
        }
        return new Compiler(loader, options).check(List.of(dir));
    }
}
