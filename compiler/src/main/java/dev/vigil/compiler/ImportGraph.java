package dev.vigil.compiler;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.concurrent.Workers;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.library.LibraryFile;
import dev.vigil.compiler.library.LibraryPath;
import dev.vigil.compiler.library.Resolution;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.Set;

/**
 * The input files and every file they import, read and parsed once each: by a path relative to the
 * importing file, or from a library of the library path ({@code lib:<library>}).
 */
final class ImportGraph {
    private final SourceLoader loader;
    private final CompileOptions options;
    private final Deque<Unit> todo = new ArrayDeque<>();
    private final Set<String> warnedLibraries = new HashSet<>();
    /** Opened at the first `lib:` import only: a project without one never reads the library path. */
    private LibraryPath libraries;

    /** Null: every file is parsed. */
    private final ParseCache cache;

    ImportGraph(SourceLoader loader, CompileOptions options, ParseCache cache) {
        this.loader = loader;
        this.options = options;
        this.cache = cache;
    }

    private VigilFile parse(SourceFile source, DiagnosticSink sink) {
        return (cache != null ? cache.parse(source, sink) : VigilSourceParser.parseTolerant(source, sink)).file();
    }

    /** The parsed files by path, and every source read (parsed or not), by path. */
    record Loaded(Map<String, VigilFile> parsed, Map<String, SourceFile> sources) {
    }

    /** Reads {@code files} and what they import; one graph loads once. */
    Loaded load(List<Path> files, DiagnosticSink sink) throws InputException {
        Map<String, SourceFile> sources = new HashMap<>();
        Map<String, VigilFile> parsed = new HashMap<>();
        Set<Object> seen = new HashSet<>();
        files.forEach(f -> todo.addLast(new Unit(f.toAbsolutePath().normalize(), null, null)));
        Map<Path, Prepared> prepared = prepare(todo);
        try {
            while (!todo.isEmpty()) {
                Unit unit = todo.removeFirst();
                if (!seen.add(unit.key())) {
                    continue;
                }
                if (unit.file() != null && unit.importedAt() != null && !loader.exists(unit.file())) {
                    sink.error(Ids.INPUT_IMPORT_NOT_FOUND, unit.importedAt(), "The imported file `"
                            + loader.displayPath(unit.file()) + "` does not exist.",
                            "Import paths are relative to the importing file.");
                    continue;
                }
                Prepared ready = unit.file() != null ? prepared.get(unit.file()) : null;
                Optional<SourceFile> source;
                Optional<VigilFile> ast;
                if (ready != null) {
                    source = ready.source();
                    ast = ready.parsed(sink);
                } else {
                    source = unit.file() != null ? loader.read(unit.file(), sink)
                            : readLibraryFile(libraries, unit.libraryFile(), sink);
                    ast = source.map(s -> parse(s, sink));
                }
                source.ifPresent(s -> sources.put(s.path(), s));
                if (ast.isEmpty()) {
                    continue;
                }
                parsed.put(source.get().path(), ast.get());
                for (VigilFile.Import imp : ast.get().imports()) {
                    follow(unit, imp, sink);
                }
            }
        } finally {
            if (libraries != null) {
                libraries.close();
            }
        }
        return new Loaded(parsed, sources);
    }

    /**
     * The input files read (on this thread, with the file operations in force) and parsed on the
     * available cores: parsing is most of a large project's loading. Each keeps its own diagnostics,
     * which the load reports in its usual order.
     */
    private Map<Path, Prepared> prepare(Deque<Unit> inputs) {
        int threads = Math.min(inputs.size(), Workers.cores());
        Map<Path, Prepared> out = new HashMap<>();
        if (threads < 2) {
            return out;
        }
        ExecutorService pool = Workers.pool("vigil-parser", threads);
        try {
            for (Unit unit : inputs) {
                if (out.containsKey(unit.file())) {
                    continue;
                }
                DiagnosticSink own = new DiagnosticSink();
                Optional<SourceFile> source = loader.read(unit.file(), own);
                Future<Optional<VigilFile>> ast = pool.submit(() -> source.map(s -> parse(s, own)));
                out.put(unit.file(), new Prepared(source, own, ast));
            }
        } finally {
            pool.shutdown();
        }
        return out;
    }

    /** An input file read and being parsed, with the diagnostics of both. */
    private record Prepared(Optional<SourceFile> source, DiagnosticSink diagnostics, Future<Optional<VigilFile>> ast) {
        Optional<VigilFile> parsed(DiagnosticSink sink) {
            Optional<VigilFile> result = Workers.join(ast);
            sink.addAll(diagnostics.all());
            return result;
        }
    }

    /** Queues what {@code imp} names, or reports why it cannot be read. */
    private void follow(Unit unit, VigilFile.Import imp, DiagnosticSink sink) throws InputException {
        if (unit.file() != null && !LibraryPath.isLibraryImport(imp.path())) {
            todo.addLast(new Unit(unit.file().resolveSibling(imp.path()).normalize(), null, imp.span()));
            return;
        }
        if (libraries == null) {
            libraries = openLibraries();
        }
        Resolution to = LibraryPath.isLibraryImport(imp.path()) ? libraries.resolve(imp.path())
                : libraries.resolveRelative(unit.libraryFile(), imp.path());
        if (to instanceof Resolution.Found found) {
            warnWhenShadowed(libraries, found.library(), imp.span(), warnedLibraries, sink);
            found.files().forEach(f -> todo.addLast(new Unit(null, f, imp.span())));
        } else if (to instanceof Resolution.NotFound missing) {
            sink.error(Ids.INPUT_IMPORT_NOT_FOUND, imp.span(), missing.message(), missing.hint());
        } else if (to instanceof Resolution.Refused refused) {
            sink.error(Ids.INPUT_IMPORT_REFUSED, imp.span(), refused.message(), refused.hint());
        }
    }

    /** A source to read: a file on disk or a library's file, and the import that names it (none for an input). */
    private record Unit(Path file, LibraryFile libraryFile, Span importedAt) {
        Object key() {
            return file != null ? file : libraryFile;
        }
    }

    private LibraryPath openLibraries() throws InputException {
        try {
            return LibraryPath.withStandard(options.libraryPath());
        } catch (LibraryPath.Unusable e) {
            throw new InputException(e.getMessage());
        }
    }

    /** A library's file, read with the limits of any source and shown as {@code lib:<library>/<path>}. */
    static Optional<SourceFile> readLibraryFile(LibraryPath libraries, LibraryFile file, DiagnosticSink sink) {
        return SourceLoader.read(file.display(), new SourceLoader.Content() {
            @Override
            public long size() throws java.io.IOException {
                return libraries.size(file);
            }

            @Override
            public byte[] bytes() throws java.io.IOException {
                return libraries.read(file, SourceLoader.MAX_BYTES);
            }
        }, sink);
    }

    /** Warns once per library, at its first import, when more than one entry of the library path holds it. */
    private void warnWhenShadowed(LibraryPath libraries, String library, Span at, Set<String> warned,
            DiagnosticSink sink) {
        List<Path> carriers = libraries.carriers(library);
        if (carriers.size() < 2 || !warned.add(library)) {
            return;
        }
        List<String> shown = carriers.stream().map(p -> "`" + loader.displayPath(p) + "`").toList();
        String all = (shown.size() == 2 ? "both " : "") + String.join(", ", shown.subList(0, shown.size() - 1))
                + " and " + shown.get(shown.size() - 1);
        sink.warning(Ids.INPUT_DUPLICATE_LIBRARY, at, "The library `" + library + "` is in " + all + "; the files of "
                + shown.get(0) + ", first on the library path, are used.",
                "Keep one copy of the library on the library path, such as one version of its Maven dependency.");
    }
}
