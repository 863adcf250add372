package dev.vigil.targets.tools;

import dev.vigil.targets.verify.ToolRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
        return dev.vigil.targets.verify.ToolRunner.locate(configured != null && !configured.isBlank() ? configured : name);
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
        try {
            ToolRunner.Run r = new ToolRunner(executable, Duration.ofSeconds(60)).run(arguments, Path.of(".").toAbsolutePath());
            if (r.timedOut()) {
                Assertions.fail(name + " did not finish within 60s: " + r.command());
            }
            return new Result(r.command(), r.exitCode(), r.stdout(), r.stderr());
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + name + " " + arguments, e);
        }
    }


}
