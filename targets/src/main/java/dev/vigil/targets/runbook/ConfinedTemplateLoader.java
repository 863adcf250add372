package dev.vigil.targets.runbook;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads the project's runbook templates from one directory and nothing outside it: a name that
 * climbs out ({@code ../}), or a file or folder in it that is a symbolic link to elsewhere, is
 * refused, as is anything but a regular file of reasonable size (a FIFO or a device would never end).
 */
final class ConfinedTemplateLoader implements TemplateLoader {
    /** Far above any runbook template; a larger file is no template. */
    static final long MAX_TEMPLATE_BYTES = 1 << 20;

    private final Path root;

    /** {@code dir} must exist; it is resolved once, so a link swapped in later cannot move it. */
    ConfinedTemplateLoader(Path dir) throws IOException {
        this.root = dir.toRealPath();
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("`" + name + "` is outside the templates directory");
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!real.startsWith(root)) {
            throw new IOException("`" + name + "` links outside the templates directory");
        }
        if (!Files.isRegularFile(real)) {
            throw new IOException("`" + name + "` is not a regular file");
        }
        if (Files.size(real) > MAX_TEMPLATE_BYTES) {
            throw new IOException("`" + name + "` is larger than " + (MAX_TEMPLATE_BYTES >> 20) + " MiB");
        }
        return real;
    }

    @Override
    public long getLastModified(Object templateSource) {
        try {
            return Files.getLastModifiedTime((Path) templateSource).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        // Malformed UTF-8 is an error at the template, not a replacement character in a runbook.
        return new java.io.InputStreamReader(Files.newInputStream((Path) templateSource), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    @Override
    public void closeTemplateSource(Object templateSource) {
        // Nothing is held open between findTemplateSource and getReader.
    }
}
