package dev.vigil.lsp.workspace;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Optional;

/** {@code file:} URIs and the paths they name; other schemes (an untitled buffer) have no path. */
public final class Uris {
    private Uris() {
    }

    public static Optional<Path> toPath(String uri) {
        try {
            URI u = new URI(uri);
            if (!"file".equalsIgnoreCase(u.getScheme())) {
                return Optional.empty();
            }
            return Optional.of(Path.of(u).toAbsolutePath().normalize());
        } catch (java.net.URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    public static String toUri(Path path) {
        return path.toAbsolutePath().normalize().toUri().toString();
    }
}
