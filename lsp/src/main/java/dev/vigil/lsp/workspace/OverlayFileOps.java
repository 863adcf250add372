package dev.vigil.lsp.workspace;

import dev.vigil.compiler.io.FileOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The file system as the compiler reads sources, with the open documents' unsaved text in place of
 * what is on disk. Only reads are overlaid: the server's compilations never write.
 */
final class OverlayFileOps implements FileOps {
    private final Map<Path, String> overlay;

    OverlayFileOps(Map<Path, String> overlay) {
        this.overlay = Map.copyOf(overlay);
    }

    @Override
    public byte[] read(Path file) throws IOException {
        String text = overlay.get(file.toAbsolutePath().normalize());
        return text != null ? text.getBytes(StandardCharsets.UTF_8) : FileOps.REAL.read(file);
    }

    @Override
    public void write(Path file, byte[] bytes) throws IOException {
        FileOps.REAL.write(file, bytes);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        FileOps.REAL.createDirectory(dir);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        FileOps.REAL.move(from, to);
    }

    @Override
    public void delete(Path path) throws IOException {
        FileOps.REAL.delete(path);
    }
}
