package dev.vigil.lsp.workspace;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiler's parse of each file's latest text, kept until the text changes: symbols, folding and
 * later features read the syntax tree of a file without parsing it again for every request.
 */
public final class ParseCache {
    private record Entry(String text, Optional<VigilFile> file) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The syntax tree of {@code text}, reported under {@code path}: what is complete of it, after syntax errors too. */
    public Optional<VigilFile> parse(String path, String text) {
        Entry e = entries.get(path);
        if (e != null && e.text().equals(text)) {
            return e.file();
        }
        // Tolerant: a file being typed keeps every complete declaration in its outline.
        Optional<VigilFile> file = Optional.of(VigilSourceParser.parseTolerant(new SourceFile(path, text),
                new DiagnosticSink()).file());
        entries.put(path, new Entry(text, file));
        return file;
    }

    public void forget(String path) {
        entries.remove(path);
    }
}
