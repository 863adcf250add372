package dev.vigil.compiler;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed files kept between compilations of one project, by path and text: an editor compiles on
 * every key, and all files but the one being typed in are as they were. A parse is a pure function
 * of the text, so a file whose text is unchanged is not parsed again; its diagnostics are replayed.
 */
public final class ParseCache {
    private record Entry(String text, VigilSourceParser.Result result, List<Diagnostic> diagnostics) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The parse of {@code source}, from the cache when its text is the one parsed before. */
    public VigilSourceParser.Result parse(SourceFile source, DiagnosticSink sink) {
        Entry e = entries.get(source.path());
        if (e == null || !e.text().equals(source.text())) {
            DiagnosticSink own = new DiagnosticSink();
            e = new Entry(source.text(), VigilSourceParser.parseTolerant(source, own), own.all());
            entries.put(source.path(), e);
        }
        sink.addAll(e.diagnostics());
        return e.result();
    }

    /** Forgets every file but {@code paths}: the files a project no longer has. */
    public void retain(Set<String> paths) {
        entries.keySet().retainAll(paths);
    }

    public int size() {
        return entries.size();
    }
}
