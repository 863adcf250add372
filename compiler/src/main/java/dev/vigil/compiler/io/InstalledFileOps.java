package dev.vigil.compiler.io;

/** The holder of {@link FileOps#using}'s per-thread override: an interface cannot keep private state. */
final class InstalledFileOps {
    static final ThreadLocal<FileOps> OPS = new ThreadLocal<>();

    private InstalledFileOps() {
    }
}
