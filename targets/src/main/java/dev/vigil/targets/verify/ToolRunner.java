package dev.vigil.targets.verify;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external executable (promtool, amtool) with a time limit. Both output streams are read
 * concurrently, so a chatty tool cannot block on a full pipe, and standard input is empty, so a tool
 * that asks a question cannot hang the build.
 */
public final class ToolRunner {
    private final Path executable;
    private final Duration timeout;

    public ToolRunner(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /**
     * What one run printed and how it ended, and how long it took; a run that hit the time limit was
     * killed and failed.
     */
    public record Run(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut, long millis) {
        public Run {
            command = List.copyOf(command);
        }

        public Run(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut) {
            this(command, exitCode, stdout, stderr, timedOut, 0);
        }

        public boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** The command and everything it printed, for a failure message. */
        public String report() {
            String end = timedOut ? "killed after the time limit" : "exit " + exitCode;
            return String.join(" ", command) + "\n" + end + "\n" + stdout + (stdout.endsWith("\n") || stdout.isEmpty() ? "" : "\n")
                    + stderr;
        }
    }

    /**
     * Finds a tool: a value with a path separator is taken as a path to an executable; a bare name
     * is looked up on the {@code PATH}. Empty when there is no such executable.
     */
    public static Optional<Path> locate(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            return Optional.empty();
        }
        if (nameOrPath.contains("/") || nameOrPath.contains(File.separator)) {
            Path p = Path.of(nameOrPath);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, nameOrPath);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs the tool with these arguments in {@code workingDirectory}. */
    public Run run(List<String> arguments, Path workingDirectory) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                .start();
        // A thread of its own per stream: readers queued on a shared pool behind other runs' readers could
        // leave a tool blocked on a full pipe while several run in parallel.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()), ToolRunner::reader);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()), ToolRunner::reader);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new Run(command, -1, out.getNow(""), err.getNow(""), true, elapsed(start));
            }
            return new Run(command, p.exitValue(), out.join(), err.join(), false, elapsed(start));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command, e);
        }
    }

    private static void reader(Runnable task) {
        Thread t = new Thread(task, "vigil-tool-output");
        t.setDaemon(true);
        t.start();
    }

    private static long elapsed(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read the output: " + e.getMessage() + ")";
        }
    }
}
