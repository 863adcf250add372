package dev.vigil.targets;

import java.nio.file.Path;
import java.util.Optional;

/** Settings that shape the output but are not part of the monitoring itself. */
public record EmitSettings(Optional<Path> runbookTemplates) {
    public static final EmitSettings DEFAULT = new EmitSettings(Optional.empty());
}
