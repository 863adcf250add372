package dev.vigil.compiler.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * Every file-system operation by which Vigil reads a source or changes a file on disk: the one place
 * where a test can make the disk fail (full, read-only, unreadable) and check that nothing is lost.
 * {@link #current()} is the real file system unless a test has installed another one for the running
 * thread with {@link #using}.
 */
public interface FileOps {
    /** The file's bytes. */
    byte[] read(Path file) throws IOException;

    /** Creates or replaces {@code file} with {@code bytes}. */
    void write(Path file, byte[] bytes) throws IOException;

    /** Creates one directory, whose parent exists. */
    void createDirectory(Path dir) throws IOException;

    /** Moves a file or directory onto {@code to}, replacing a file there; atomically where the file system can. */
    void move(Path from, Path to) throws IOException;

    /** Deletes a file or an empty directory. */
    void delete(Path path) throws IOException;

    /** The real file system. */
    FileOps REAL = new FileOps() {
        @Override
        public byte[] read(Path file) throws IOException {
            return Files.readAllBytes(file);
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            Files.write(file, bytes);
        }

        @Override
        public void createDirectory(Path dir) throws IOException {
            Files.createDirectory(dir);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public void delete(Path path) throws IOException {
            Files.delete(path);
        }
    };

    /** The operations in force on this thread: {@link #REAL} unless a test installed others. */
    static FileOps current() {
        FileOps installed = InstalledFileOps.OPS.get();
        return installed == null ? REAL : installed;
    }

    /** Runs {@code action} with {@code ops} in force on this thread: a test seam for faults. */
    static <T> T using(FileOps ops, Callable<T> action) throws Exception {
        FileOps before = InstalledFileOps.OPS.get();
        InstalledFileOps.OPS.set(ops);
        try {
            return action.call();
        } finally {
            InstalledFileOps.OPS.set(before);
        }
    }

    /**
     * Creates {@code dir} and any missing parents, one at a time, adding each it creates to {@code created}
     * (outermost first) as it goes, so that a commit failing halfway can remove exactly those.
     */
    static void createDirectories(FileOps ops, Path dir, java.util.List<Path> created) throws IOException {
        java.util.ArrayDeque<Path> missing = new java.util.ArrayDeque<>();
        for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
            if (Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
                throw new java.nio.file.FileSystemException(d.toString(), null, "exists and is not a directory");
            }
            missing.push(d);
        }
        for (Path d : missing) {
            ops.createDirectory(d);
            created.add(d);
        }
    }
}
