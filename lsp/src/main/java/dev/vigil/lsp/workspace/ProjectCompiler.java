package dev.vigil.lsp.workspace;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.lsp.text.TextDocument;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles a project exactly as {@code vigil check <input>} does, through {@link Compiler#check}: the same
 * file discovery and import graph (relative and {@code lib:} imports), with the open documents' text in
 * place of the disk's ({@link SourceLoader#withOverlay}), found and imported even before they are saved.
 * Each project keeps its parses between compiles ({@link dev.vigil.compiler.ParseCache}): a key typed
 * in one file parses that file again, not the project.
 */
public final class ProjectCompiler {
    private static final Map<Path, dev.vigil.compiler.ParseCache> CACHES = new java.util.concurrent.ConcurrentHashMap<>();

    private ProjectCompiler() {
    }

    public static ProjectResult compile(Project project, Map<Path, TextDocument> open, CompileOptions options) {
        Map<Path, String> overlay = new HashMap<>();
        Map<Path, Integer> versions = new HashMap<>();
        open.forEach((path, doc) -> {
            overlay.put(path, doc.text());
            versions.put(path, doc.version());
        });
        dev.vigil.compiler.ParseCache cache = CACHES.computeIfAbsent(project.input(),
                p -> new dev.vigil.compiler.ParseCache());
        Compiler compiler = new Compiler(new SourceLoader(project.base()).withOverlay(overlay), options)
                .withParseCache(cache);
        try {
            CompileResult result = compiler.check(List.of(project.input()));
            cache.retain(result.sources().keySet());
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
        }
    }

    /** A project that could not be read: no sources, no findings, and why. */
    public static ProjectResult failed(Project project, String why) {
        return new ProjectResult(project, new CompileResult(Optional.empty(), List.of(), Map.of()), Map.of(),
                Optional.of(why));
    }
}
