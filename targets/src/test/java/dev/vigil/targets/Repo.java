package dev.vigil.targets;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root the target tests read samples and test data from. */
public final class Repo {
    private Repo() {
    }

    /**
     * The system property {@code vigil.repo} (the pom sets it), else the module's parent directory;
     * absolute and normalised. Fails when it holds no {@code samples/}, so that a test run from
     * elsewhere says why instead of finding nothing.
     */
    public static Path root() {
        Path root = Path.of(System.getProperty("vigil.repo", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("samples"))) {
            throw new IllegalStateException("no samples/ below " + root + "; set -Dvigil.repo");
        }
        return root;
    }

    /**
     * The directory of third-party test data holding {@code marker}: the system property
     * {@code vigil.shared} (the pom sets the repository's {@code testdata}), else {@code ../testdata}.
     */
    public static java.util.Optional<Path> testdata(String marker) {
        java.util.List<Path> candidates = new java.util.ArrayList<>();
        String prop = System.getProperty("vigil.shared");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("..", "testdata"));
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve(marker)))
                .map(p -> p.toAbsolutePath().normalize()).findFirst();
    }
}
