package dev.vigil.lsp.workspace;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.io.FileOps;
import dev.vigil.lsp.text.TextDocument;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles a project exactly as {@code vigil check <input>} does, through {@link Compiler#check}: the same
 * file discovery and import graph (relative and {@code lib:} imports), with the open documents' text in
 * place of the disk's. The compiler reads every source through {@link FileOps#current()}, on the calling
 * thread, so the overlay is installed there for the one call ({@link FileOps#using}); nothing in the
 * compiler changes. What this cannot do: a document open in the editor but not (or no longer) on disk is
 * not found by the walk of the folder, nor by an import, since both look at the disk.
 */
public final class ProjectCompiler {
    private ProjectCompiler() {
    }

    public static ProjectResult compile(Project project, Map<Path, TextDocument> open, CompileOptions options) {
        Map<Path, String> overlay = new HashMap<>();
        Map<Path, Integer> versions = new HashMap<>();
        open.forEach((path, doc) -> {
            overlay.put(path, doc.text());
            versions.put(path, doc.version());
        });
        Compiler compiler = new Compiler(new SourceLoader(project.base()), options);
        try {
            CompileResult result = FileOps.using(new OverlayFileOps(overlay), () -> compiler.check(List.of(project.input())));
            Map<Path, Integer> read = new HashMap<>();
            ProjectResult draft = new ProjectResult(project, result, Map.of(), Optional.empty());
            for (Path p : draft.files()) {
                Integer v = versions.get(p);
                if (v != null) {
                    read.put(p, v);
                }
            }
            return new ProjectResult(project, result, read, Optional.empty());
        } catch (InputException e) {
            return failed(project, e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("compiling " + project.input() + " failed", e);
        }
    }

    /** A project that could not be read: no sources, no findings, and why. */
    public static ProjectResult failed(Project project, String why) {
        return new ProjectResult(project, new CompileResult(Optional.empty(), List.of(), Map.of()), Map.of(),
                Optional.of(why));
    }
}
