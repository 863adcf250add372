package dev.vigil.compiler.tolerance;

import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The sample projects' sources and the golden inputs, read once, for the error-tolerance tests. */
final class TolerantProjects {
    private TolerantProjects() {
    }

    static Path repo() {
        return Path.of(System.getProperty("vigil.repo", "..")).toAbsolutePath().normalize();
    }

    /** Each sample project's `.vigil` files under `src/main/vigil`, by sample name, in name order. */
    static List<List<SourceFile>> samples() {
        List<List<SourceFile>> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(repo().resolve("samples"))) {
            for (Path sample : dirs.filter(d -> Files.isDirectory(d.resolve("src/main/vigil"))).sorted().toList()) {
                out.add(read(sample.resolve("src/main/vigil"), sample.getFileName() + "/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every `.vigil` file under the compiler's test resources (golden inputs, each a project of its own). */
    static List<SourceFile> goldenInputs() {
        return read(repo().resolve("compiler/src/test/resources"), "golden/");
    }

    private static List<SourceFile> read(Path root, String prefix) {
        try (Stream<Path> files = Files.walk(root)) {
            List<SourceFile> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".vigil")).sorted().toList()) {
                out.add(new SourceFile(prefix + root.relativize(f).toString().replace('\\', '/'), Files.readString(f)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
