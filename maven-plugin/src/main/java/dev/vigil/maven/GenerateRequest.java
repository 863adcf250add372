package dev.vigil.maven;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code vigil:generate} does, copied from its parameters.
 *
 * @param compile           the sources and how to check them
 * @param outputDirectory   where the output of {@code vigil build} is committed
 * @param runbookTemplates  templates that override the built-in runbook templates
 * @param pluginFingerprint the plugin's version, and for snapshots the digest of its code
 * @param stateFile         the incremental state, under {@code target/}
 */
public record GenerateRequest(CompileRequest compile, Path outputDirectory, Optional<Path> runbookTemplates,
        String pluginFingerprint, Path stateFile) {
    public GenerateRequest {
        outputDirectory = outputDirectory.toAbsolutePath().normalize();
        runbookTemplates = runbookTemplates.map(p -> p.toAbsolutePath().normalize());
        stateFile = stateFile.toAbsolutePath().normalize();
    }

    /** Everything besides the input files that decides the output. */
    String configuration() {
        return compile.describe() + "output=" + outputDirectory + "\ntemplates=" + runbookTemplates.map(Path::toString).orElse("")
                + "\nplugin=" + pluginFingerprint + "\n";
    }
}
