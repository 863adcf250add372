package dev.vigil.lsp.workspace;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.lsp.text.TextDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace at one moment, immutable: its folders, the open documents' text and the settings. Every
 * change to the workspace makes a new snapshot with a higher {@code generation}; a compilation says which
 * generation it compiled. Features read texts and syntax trees here, and compiler results from the
 * {@link Compilation}.
 */
public final class Snapshot {
    private final long generation;
    private final List<Path> folders;
    private final Map<Path, TextDocument> open;
    private final ServerSettings settings;
    private final ParseCache parses;

    Snapshot(long generation, List<Path> folders, Map<Path, TextDocument> open, ServerSettings settings, ParseCache parses) {
        this.generation = generation;
        this.folders = List.copyOf(folders);
        this.open = Map.copyOf(open);
        this.settings = settings;
        this.parses = parses;
    }

    public long generation() {
        return generation;
    }

    public List<Path> folders() {
        return folders;
    }

    public ServerSettings settings() {
        return settings;
    }

    /** The open documents by file. */
    public Map<Path, TextDocument> open() {
        return open;
    }

    public Optional<TextDocument> document(Path file) {
        return Optional.ofNullable(open.get(file));
    }

    /** The projects to compile: each workspace folder, and each open file outside all of them. */
    public List<Project> projects() {
        Map<Path, Project> out = new LinkedHashMap<>();
        folders.forEach(f -> out.put(f, Project.folder(f)));
        List<Path> files = new ArrayList<>(open.keySet());
        files.sort(Comparator.naturalOrder());
        for (Path file : files) {
            if (folders.stream().noneMatch(file::startsWith)) {
                out.put(file, Project.file(file));
            }
        }
        return List.copyOf(out.values());
    }

    /** The project whose inputs hold {@code file}: the innermost folder, or the file's own. */
    public Optional<Project> projectOf(Path file) {
        return projects().stream().filter(p -> p.holds(file))
                .max(Comparator.comparingInt(p -> p.input().getNameCount()));
    }

    /** The text of a file: the open document's, else the disk's (empty when it cannot be read). */
    public Optional<String> text(Path file) {
        TextDocument doc = open.get(file);
        if (doc != null) {
            return Optional.of(doc.text());
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The compiler's syntax tree of a file's current text (cached while the text stays the same). */
    public Optional<VigilFile> parsed(Path file) {
        return text(file).flatMap(t -> parsed(file, t));
    }

    /** The syntax tree of {@code text} as the text of {@code file}. */
    public Optional<VigilFile> parsed(Path file, String text) {
        return parses.parse(file.toString(), text);
    }
}
