package dev.vigil.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.compiler.io.FileOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Commits an {@link OutputManifest} to a directory, all or nothing. Every changed file is first
 * written to a staging directory beside the target; then each file it replaces or removes is moved
 * aside into a backup directory beside the target, the new file moved in, and {@code manifest.json}
 * (every file Vigil wrote, with its sha256, and a sha256 over that list) moved last. If any step
 * fails, every step done is undone in reverse, so the previous output is left byte for byte.
 *
 * <p>Vigil removes only files that the previous manifest lists and that still hold the bytes it
 * wrote: a file edited since is kept, a file a user added is never touched, and a manifest whose
 * integrity hash does not match, or that names a path outside the directory, removes nothing.
 */
public final class OutputDirectory {
    public static final String MANIFEST = "manifest.json";

    /** The manifest's hash over its list of files, which tells a manifest Vigil wrote from one edited by hand. */
    private static final String INTEGRITY = "sha256";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final SecureRandom RANDOM = new SecureRandom();

    private OutputDirectory() {
    }

    /**
     * What a commit did, for the build's summary: files written, left as they were, and removed; stale
     * files kept because they were edited since Vigil wrote them; and why the previous manifest was not
     * trusted for removals, when it was not.
     */
    public record Result(int written, int unchanged, int removed, List<String> kept, Optional<String> untrusted) {
        public Result {
            kept = List.copyOf(kept);
        }

        public Result(int written, int unchanged, int removed) {
            this(written, unchanged, removed, List.of(), Optional.empty());
        }
    }

    /** The files the previous build wrote, with their hashes; empty, with the reason, when its manifest is not trusted. */
    record Previous(Map<String, String> files, Optional<String> untrusted) {
        static Previous distrusted(String why) {
            return new Previous(Map.of(), Optional.of(why));
        }
    }

    /** Commits with the file operations in force ({@link FileOps#current()}). */
    public static Result commit(OutputManifest output, Path directory) throws IOException {
        return commit(output, directory, FileOps.current());
    }

    static Result commit(OutputManifest output, Path directory, FileOps ops) throws IOException {
        if (output.contains(MANIFEST)) {
            // Unreachable: every emitter writes below its own folder, never the top-level manifest.
            throw new IllegalArgumentException(MANIFEST + " is written by the build itself");
        }
        Path target = directory.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new IOException("cannot write the output to " + target + ": it needs a parent directory for staging");
        }
        Previous previous = previous(target, ops);
        // In parallel: a fleet's build writes hundreds of megabytes, and hashing them is most of the commit.
        Map<String, String> hashes = new TreeMap<>(output.files().entrySet().parallelStream()
                .collect(Collectors.toConcurrentMap(Map.Entry::getKey, e -> sha256(e.getValue()))));

        Path manifest = target.resolve(MANIFEST);
        if (Files.exists(manifest, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(manifest + " is not a regular file; nothing was changed");
        }
        List<String> changed = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int unchanged = 0;
        try {
            for (Map.Entry<String, String> e : hashes.entrySet()) {
                Path destination = target.resolve(e.getKey());
                if (Files.isRegularFile(destination, LinkOption.NOFOLLOW_LINKS)) {
                    // Compared byte for byte: the same test as equal hashes, without hashing the old file.
                    byte[] bytes = output.files().get(e.getKey());
                    if (Files.size(destination) == bytes.length && Arrays.equals(bytes, ops.read(destination))) {
                        unchanged++;
                        continue;
                    }
                } else if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                    // A directory or link where an output goes is the user's: moving it aside could lose it.
                    throw new FileSystemException(destination.toString(), null, "in the way of an output file, and not a "
                            + "regular file Vigil could replace");
                }
                changed.add(e.getKey());
            }
            for (Map.Entry<String, String> e : previous.files().entrySet()) {
                Path file = target.resolve(e.getKey());
                if (hashes.containsKey(e.getKey()) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean asWritten = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && e.getValue().equals(sha256(ops.read(file)));
                (asWritten ? stale : kept).add(e.getKey());
            }
        } catch (IOException e) {
            throw new IOException(describe(e) + "; nothing was changed", e);
        }

        Journal journal = new Journal(ops);
        try {
            Path parent = target.getParent();
            journal.createDirectories(parent);
            Path staging = journal.temporary(parent, "." + target.getFileName() + ".staging-");
            for (String path : changed) {
                Path file = staging.resolve(path);
                FileOps.createDirectories(ops, file.getParent(), new ArrayList<>());
                ops.write(file, output.files().get(path));
            }
            ops.write(staging.resolve(MANIFEST), manifestJson(hashes));
            Path backup = journal.temporary(parent, "." + target.getFileName() + ".backup-");
            journal.createDirectories(target);
            for (String path : changed) {
                Path destination = target.resolve(path);
                journal.createDirectories(destination.getParent());
                journal.setAside(destination, backup.resolve(path));
                journal.place(staging.resolve(path), destination);
            }
            for (String path : stale) {
                journal.setAside(target.resolve(path), backup.resolve(path));
            }
            journal.setAside(target.resolve(MANIFEST), backup.resolve(MANIFEST));
            journal.place(staging.resolve(MANIFEST), target.resolve(MANIFEST));
        } catch (IOException e) {
            throw journal.rollBack(e);
        }
        journal.discardTemporaries();
        for (String path : stale) {
            deleteEmptyParents(target.resolve(path).getParent(), target);
        }
        return new Result(changed.size(), unchanged, stale.size(), kept, previous.untrusted());
    }

    /**
     * The steps of one commit, each with its undo. Rolling back undoes them last first: a file moved in
     * is removed, a file moved aside is moved back, a directory created is removed.
     */
    private static final class Journal {
        private final FileOps ops;
        private final Deque<Undo> undo = new ArrayDeque<>();
        private final List<Path> temporaries = new ArrayList<>();
        private Path backup;

        Journal(FileOps ops) {
            this.ops = ops;
        }

        private interface Undo {
            void run() throws IOException;
        }

        Path temporary(Path parent, String prefix) throws IOException {
            Path dir = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
            ops.createDirectory(dir);
            temporaries.add(dir);
            if (prefix.endsWith(".backup-")) {
                backup = dir;
            }
            return dir;
        }

        void createDirectories(Path dir) throws IOException {
            List<Path> created = new ArrayList<>();
            try {
                FileOps.createDirectories(ops, dir, created);
            } finally {
                created.forEach(d -> undo.push(() -> ops.delete(d)));
            }
        }

        /** Moves an existing file into the backup, to be moved back on failure; nothing when there is none. */
        void setAside(Path file, Path saved) throws IOException {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            FileOps.createDirectories(ops, saved.getParent(), new ArrayList<>());
            ops.move(file, saved);
            undo.push(() -> ops.move(saved, file));
        }

        void place(Path staged, Path destination) throws IOException {
            ops.move(staged, destination);
            undo.push(() -> ops.delete(destination));
        }

        /** Undoes every step; the exception to throw names what failed and whether the previous output is back. */
        IOException rollBack(IOException cause) {
            List<IOException> failures = new ArrayList<>();
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (IOException e) {
                    failures.add(e);
                }
            }
            String what = describe(cause);
            IOException thrown;
            if (failures.isEmpty()) {
                discardTemporaries();
                thrown = new IOException(what + "; nothing was changed, the previous output is as it was", cause);
            } else {
                // The backup still holds what could not be moved back: keep it for the user.
                thrown = new IOException(what + "; the previous output could not be fully restored (" + describe(failures.get(0))
                        + "); the files it replaced are kept in " + backup, cause);
            }
            failures.forEach(thrown::addSuppressed);
            return thrown;
        }

        /** Removes the staging and backup directories; what cannot be removed is left, never an error. */
        void discardTemporaries() {
            for (Path dir : temporaries) {
                try {
                    deleteTree(dir);
                } catch (IOException leftBehind) {
                    // Best effort: the commit itself is complete, and a leftover hidden directory harms nothing.
                }
            }
        }
    }

    /** An I/O failure in the user's words: the path and the system's reason, not a Java exception name. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "File exists"
                    : e instanceof java.nio.file.DirectoryNotEmptyException ? "Directory not empty"
                    : "I/O error";
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason;
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }

    /** The files a previous build wrote, by path, with their hashes; empty when there was none. Paths outside are left out. */
    public static Map<String, String> readManifest(Path directory) throws IOException {
        Path file = directory.resolve(MANIFEST);
        Map<String, String> out = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        JsonNode files = JSON.readTree(file.toFile()).path("files");
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                out.put(OutputManifest.checkPath(e.getKey()), e.getValue().asText());
            } catch (IllegalArgumentException unsafe) {
                // A tampered manifest must not make Vigil read or delete outside its directory.
            }
        }
        return out;
    }

    /** The previous manifest, trusted for removals only when Vigil wrote it as it is and it stays inside the directory. */
    static Previous previous(Path directory, FileOps ops) {
        Path file = directory.resolve(MANIFEST);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Previous(Map.of(), Optional.empty());
        }
        JsonNode root;
        try {
            root = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? JSON.readTree(ops.read(file)) : null;
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.path("files").isObject()) {
            return Previous.distrusted("it is not a manifest Vigil can read");
        }
        Map<String, String> files = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                OutputManifest.checkPath(e.getKey());
            } catch (IllegalArgumentException unsafe) {
                return Previous.distrusted("it lists `" + e.getKey() + "`, which is not a path inside the output directory");
            }
            if (!e.getValue().isTextual()) {
                return Previous.distrusted("it is not a manifest Vigil can read");
            }
            files.put(e.getKey(), e.getValue().asText());
        }
        if (!integrity(files).equals(root.path(INTEGRITY).asText(""))) {
            return Previous.distrusted("it was edited since Vigil wrote it");
        }
        return new Previous(files, Optional.empty());
    }

    static byte[] manifestJson(Map<String, String> hashes) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", "vigil");
        ObjectNode files = root.putObject("files");
        hashes.forEach(files::put);
        root.put(INTEGRITY, integrity(hashes));
        return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The sha256 of the list of files in {@code sha256sum}'s format, sorted by path. */
    private static String integrity(Map<String, String> hashes) {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(hashes).forEach((path, hash) -> lines.append(hash).append("  ").append(path).append('\n'));
        return sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Removes the directories a removed file leaves empty; one that cannot be removed is left, never an error. */
    private static void deleteEmptyParents(Path dir, Path stop) {
        Path d = dir;
        while (d != null && d.startsWith(stop) && !d.equals(stop)) {
            try (var entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
                Files.delete(d);
            } catch (IOException leftBehind) {
                return;
            }
            d = d.getParent();
        }
    }

    /** Deletes {@code root} and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
