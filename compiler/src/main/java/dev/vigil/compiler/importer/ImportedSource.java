package dev.vigil.compiler.importer;

import java.util.Objects;

/**
 * Vigil source produced by an importer: {@code service} is the service it declares or extends (the
 * file it is written to is named after it), {@code text} the source, formatted later by {@code vigil fmt}.
 */
public record ImportedSource(String service, String text) {
    public ImportedSource {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(text, "text");
    }
}
