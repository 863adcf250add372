package dev.vigil.lsp.diagnostics;

import dev.vigil.compiler.validate.Explanations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page that explains a diagnostic id, for LSP's {@code codeDescription}: {@code checks/ID.md} for
 * an id with a page (every check), else its family's section of {@code diagnostics.md}
 * ({@code diagnostics.md#syntax}), as {@code vigil --explain} finds them. Below a configured base URL
 * (the setting {@code docsBaseUrl}, such as a published copy of the repository's {@code docs/}), or by
 * default below a local copy of the pages packaged in the jar, written on first use to
 * {@code $XDG_CACHE_HOME/vigil/docs} (else {@code ~/.cache/vigil/docs}), so a link works offline and
 * shows the pages of the version that reported the finding.
 */
public final class DocLinks {
    private static final String DIAGNOSTICS = "/dev/vigil/compiler/diagnostics.md";

    private final Optional<String> base;
    private final Path cache;
    private final Map<String, Optional<String>> links = new ConcurrentHashMap<>();

    /** Links below {@code base} when given, else below local copies written into {@code cache}. */
    public DocLinks(Optional<String> base, Path cache) {
        this.base = base.map(b -> b.endsWith("/") ? b : b + "/");
        this.cache = cache;
    }

    /** The default cache directory. */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("vigil").resolve("docs");
    }

    /** The page's address relative to the docs' root: {@code checks/Rate.OnGauge.md} or {@code diagnostics.md#syntax}. */
    public static String relative(String id) {
        if (Explanations.page(id).isPresent()) {
            return "checks/" + id + ".md";
        }
        int dot = id.indexOf('.');
        String family = dot < 0 ? id : id.substring(0, dot);
        return "diagnostics.md" + (family.matches("[A-Za-z]+") ? "#" + family.toLowerCase(Locale.ROOT) : "");
    }

    /** The full link, or empty when the local copy cannot be written. */
    public Optional<String> link(String id) {
        return links.computeIfAbsent(id, this::compute);
    }

    private Optional<String> compute(String id) {
        String rel = relative(id);
        if (base.isPresent()) {
            return Optional.of(base.get() + rel);
        }
        int hash = rel.indexOf('#');
        String file = hash < 0 ? rel : rel.substring(0, hash);
        Optional<String> text = file.startsWith("checks/") ? Explanations.page(id) : resource(DIAGNOSTICS);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path target = cache.resolve(file);
            Files.createDirectories(target.getParent());
            byte[] bytes = text.get().getBytes(StandardCharsets.UTF_8);
            if (!Files.isRegularFile(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                Files.write(target, bytes);
            }
            return Optional.of(target.toUri() + (hash < 0 ? "" : rel.substring(hash)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = DocLinks.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
