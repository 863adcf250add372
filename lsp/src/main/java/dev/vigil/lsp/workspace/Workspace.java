package dev.vigil.lsp.workspace;

import dev.vigil.lsp.text.TextDocument;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The mutable state the client's notifications change: the folders, the open documents and the
 * settings. Each change returns the new {@link Snapshot}; everything else reads snapshots.
 */
public final class Workspace {
    private final ParseCache parses = new ParseCache();
    private final Map<Path, TextDocument> open = new HashMap<>();
    private List<Path> folders = List.of();
    private ServerSettings settings = ServerSettings.DEFAULT;
    private long generation;
    private Snapshot current = new Snapshot(0, List.of(), Map.of(), ServerSettings.DEFAULT, parses);

    public synchronized Snapshot current() {
        return current;
    }

    public synchronized Snapshot setFolders(List<Path> roots) {
        folders = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        return next();
    }

    public synchronized Snapshot setSettings(ServerSettings newSettings) {
        settings = newSettings;
        return next();
    }

    public synchronized Snapshot open(Path file, String uri, int version, String text) {
        open.put(file, new TextDocument(uri, version, text));
        return next();
    }

    /** Applies incremental (or full) changes; empty when the document is not open. */
    public synchronized Optional<Snapshot> change(Path file, int version, List<TextDocumentContentChangeEvent> changes) {
        TextDocument doc = open.get(file);
        if (doc == null) {
            return Optional.empty();
        }
        open.put(file, doc.edited(version, changes));
        return Optional.of(next());
    }

    public synchronized Snapshot close(Path file) {
        open.remove(file);
        parses.forget(file.toString());
        return next();
    }

    /** A new generation with nothing changed but the disk, which compilations read again. */
    public synchronized Snapshot touch() {
        return next();
    }

    private Snapshot next() {
        current = new Snapshot(++generation, folders, open, settings, parses);
        return current;
    }
}
