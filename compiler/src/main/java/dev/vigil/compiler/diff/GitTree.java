package dev.vigil.compiler.diff;

import dev.vigil.compiler.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The git repository a path lies in, read with the {@code git} binary (an argument list, never a
 * shell). Only {@code .vigil} files are taken from a revision, into a fresh temporary directory.
 */
record GitTree(Path root) {
    /** Past this a git command is taken to hang. */
    private static final long TIMEOUT_SECONDS = 120;

    static GitTree of(Path path) throws InputException {
        Path abs = path.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new InputException("No such file or directory: " + path);
        }
        Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
        String top = new String(run(dir, List.of("rev-parse", "--show-toplevel"), "find the git repository of " + path),
                StandardCharsets.UTF_8).strip();
        try {
            return new GitTree(Path.of(top).toRealPath());
        } catch (IOException e) {
            throw new InputException("Cannot read the git repository " + top + ": " + e.getMessage());
        }
    }

    /** {@code path} relative to the repository's top directory. */
    Path relative(Path path) throws InputException {
        try {
            return root.relativize(path.toRealPath());
        } catch (IOException e) {
            throw new InputException("Cannot read " + path + ": " + e.getMessage());
        }
    }

    /** The {@code .vigil} files of {@code revision}, written below a new temporary directory. */
    Path extract(String revision) throws InputException {
        if (revision.isBlank() || revision.startsWith("-")) {
            throw new InputException("`" + revision + "` is not a git revision.");
        }
        String commit = new String(run(root, List.of("rev-parse", "--verify", "--quiet", revision + "^{commit}"),
                "find the revision `" + revision + "`"), StandardCharsets.UTF_8).strip();
        byte[] zip = hasVigilFiles(commit)
                ? run(root, List.of("archive", "--format=zip", commit, "--", ":(glob)**/*.vigil"), "read " + revision)
                : new byte[0];
        Path temp;
        try {
            temp = Files.createTempDirectory("vigil-diff-");
        } catch (IOException e) {
            throw new InputException("Cannot create a temporary directory: " + e.getMessage());
        }
        try {
            unzip(zip, temp);
        } catch (IOException | RuntimeException e) {
            delete(temp);
            throw new InputException("Cannot unpack " + revision + ": " + e.getMessage());
        }
        return temp;
    }

    private boolean hasVigilFiles(String commit) throws InputException {
        // `git archive` fails when a pathspec matches nothing, so an empty revision is told apart first.
        byte[] listed = run(root, List.of("ls-tree", "-r", "-z", "--name-only", commit), "list " + commit);
        return java.util.Arrays.stream(new String(listed, StandardCharsets.UTF_8).split("\0"))
                .anyMatch(name -> name.endsWith(".vigil"));
    }

    private static void unzip(byte[] zip, Path into) throws IOException {
        if (zip.length == 0) {
            return;
        }
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                // A name that climbs out of the directory is not git's; it is never written.
                if (e.isDirectory() || !target.startsWith(into) || !e.getName().endsWith(".vigil")) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
    }

    /** Deletes {@code dir} and everything below it; what cannot be deleted is left to the system's cleanup. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            dir.toFile().deleteOnExit();
        }
    }

    /** Runs {@code git} in {@code dir}; its standard output, or the failure with git's message. */
    private static byte[] run(Path dir, List<String> args, String doing) throws InputException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new InputException("Cannot run git to " + doing + ": " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = readAll(p.getInputStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InputException("git took longer than " + TIMEOUT_SECONDS + "s to " + doing + ".");
            }
            if (p.exitValue() != 0) {
                String message = new String(err.join(), StandardCharsets.UTF_8).strip();
                throw new InputException("git could not " + doing + (message.isEmpty() ? "." : ": " + message));
            }
            return out;
        } catch (IOException e) {
            throw new InputException("Cannot run git to " + doing + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new InputException("Interrupted while running git to " + doing + ".");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (InputStream s = in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            s.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
