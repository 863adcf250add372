package dev.vigil.targets.tools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * An external tool the tests run (amtool, promtool). A missing tool fails the test on CI
 * ({@code CI=true}), where it must be installed; on a developer's machine the test is skipped with
 * a warning on standard error, so a green local build never hides that the check did not run.
 */
public record Tool(String name, Path executable) {
    /** The tool from {@code -Dvigil.tool.NAME=/path} or the {@code PATH}, or a failure/skip as above. */
    public static Tool require(String name) {
        Optional<Path> found = find(name);
        if (found.isEmpty()) {
            String missing = "`" + name + "` was not found on the PATH (or -Dvigil.tool." + name + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(missing + ". On CI (CI=true) the tool is required.");
            }
            String message = missing + "; the tests that need it are SKIPPED.";
            System.err.println("WARNING: " + message);
            Assumptions.abort(message);
        }
        return new Tool(name, found.get());
    }

    public static Optional<Path> find(String name) {
        String configured = System.getProperty("vigil.tool." + name);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** What one run printed and how it ended. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** Everything needed to understand a failure, for assertion messages. */
        public String report() {
            return String.join(" ", command) + "\nexit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Runs the tool with these arguments; a run that takes over a minute is killed and fails. */
    public Result run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        try {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
            // Both streams are drained concurrently, so a chatty tool cannot block on a full pipe.
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Assertions.fail(name + " did not finish within 60s: " + command);
            }
            return new Result(command, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read: " + e.getMessage() + ")";
        }
    }
}
