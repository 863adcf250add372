package dev.vigil.compiler.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@link FileOps} that fail on purpose, for the tests that prove nothing is lost: the n-th change to
 * the disk (a write, a new directory, a move or a delete) throws once, or every read of some files
 * throws. Everything else goes to the real file system, and every change is logged.
 */
public final class FaultyFileOps implements FileOps {
    private final int failAt;
    private final String reason;
    private final Predicate<Path> unreadable;
    private final List<String> changes = new ArrayList<>();

    private FaultyFileOps(int failAt, String reason, Predicate<Path> unreadable) {
        this.failAt = failAt;
        this.reason = reason;
        this.unreadable = unreadable;
    }

    /** Fails nothing; counts and logs the changes. */
    public static FaultyFileOps counting() {
        return new FaultyFileOps(0, "", p -> false);
    }

    /** The {@code n}-th change (from 1) throws an I/O error with {@code reason}, such as "No space left on device". */
    public static FaultyFileOps failingChange(int n, String reason) {
        return new FaultyFileOps(n, reason, p -> false);
    }

    /** Every change throws: a read-only file system. */
    public static FaultyFileOps readOnly() {
        return new FaultyFileOps(-1, "Read-only file system", p -> false);
    }

    /** Reading a file that {@code which} accepts throws "Permission denied", as a file without read permission would. */
    public static FaultyFileOps unreadable(Predicate<Path> which) {
        return new FaultyFileOps(0, "", which);
    }

    /** The changes made or attempted so far, as "operation path". */
    public List<String> changes() {
        return Collections.unmodifiableList(changes);
    }

    @Override
    public byte[] read(Path file) throws IOException {
        if (unreadable.test(file)) {
            throw new java.nio.file.AccessDeniedException(file.toString(), null, "Permission denied");
        }
        return REAL.read(file);
    }

    @Override
    public void write(Path file, byte[] bytes) throws IOException {
        change("write", file);
        REAL.write(file, bytes);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        change("mkdir", dir);
        REAL.createDirectory(dir);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        change("move " + from + " ->", to);
        REAL.move(from, to);
    }

    @Override
    public void delete(Path path) throws IOException {
        change("delete", path);
        REAL.delete(path);
    }

    private void change(String what, Path path) throws IOException {
        changes.add(what + " " + path);
        if (failAt == -1 || changes.size() == failAt) {
            throw new FileSystemException(path.toString(), null, reason);
        }
    }
}
