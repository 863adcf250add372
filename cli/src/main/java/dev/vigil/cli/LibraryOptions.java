package dev.vigil.cli;

import dev.vigil.compiler.CompileOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The library path, an option of every command that compiles {@code .vigil} files: the jars and
 * directories {@code import "lib:<library>"} reads from, in order of precedence.
 */
final class LibraryOptions {
    @Option(names = "--library", paramLabel = "JAR_OR_DIR",
            description = "A jar or directory whose META-INF/vigil/<library>/ folders hold libraries for "
                    + "`import \"lib:<library>\"`; repeat for several, the first that holds a library wins.")
    List<Path> libraries = List.of();

    /** {@code options} with the library path; an entry that does not exist is a usage error. */
    CompileOptions addTo(CompileOptions options, CommandLine commandLine) {
        for (Path library : libraries) {
            if (!Files.exists(library)) {
                throw new CommandLine.ParameterException(commandLine, "--library: no such jar or directory: " + library);
            }
        }
        return options.withLibraryPath(libraries);
    }
}
