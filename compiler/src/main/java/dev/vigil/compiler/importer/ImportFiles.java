package dev.vigil.compiler.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes an import's files into a directory, all or none: existing files are refused unless
 * {@code force}, every file is staged beside its target first, and only when all are staged are they
 * moved into place, each atomically.
 */
public final class ImportFiles {
    private ImportFiles() {
    }

    /** The files of {@code files} that already exist in {@code dir}, which a write without force refuses. */
    public static List<Path> existing(Path dir, SortedMap<String, String> files) {
        List<Path> out = new ArrayList<>();
        for (String name : files.keySet()) {
            Path target = dir.resolve(name);
            if (Files.exists(target)) {
                out.add(target);
            }
        }
        return out;
    }

    /** Writes every file; on failure removes what it staged and throws, leaving existing files untouched. */
    public static List<Path> write(Path dir, SortedMap<String, String> files) throws IOException {
        Files.createDirectories(dir);
        List<Path[]> staged = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = dir.resolve(f.getKey());
                Path temp = Files.createTempFile(dir, "." + f.getKey() + ".", ".tmp");
                staged.add(new Path[] {temp, target});
                Files.writeString(temp, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            for (Path[] s : staged) {
                Files.deleteIfExists(s[0]);
            }
            throw e;
        }
        List<Path> written = new ArrayList<>();
        for (Path[] s : staged) {
            move(s[0], s[1]);
            written.add(s[1]);
        }
        return written;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
