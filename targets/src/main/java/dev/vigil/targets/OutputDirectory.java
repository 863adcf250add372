package dev.vigil.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Commits an {@link OutputManifest} to a directory. Everything is first written to a staging
 * directory beside the target, then moved into place file by file, and {@code manifest.json}
 * (every file Vigil wrote, with its sha256) is moved last. Files listed in the previous manifest but
 * no longer produced are removed; any other file in the directory is never touched.
 */
public final class OutputDirectory {
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private OutputDirectory() {
    }

    /** What a commit did, for the build's summary line. */
    public record Result(int written, int unchanged, int removed) {
    }

    public static Result commit(OutputManifest output, Path directory) throws IOException {
        if (output.contains(MANIFEST)) {
            // Unreachable: every emitter writes below its own folder, never the top-level manifest.
            throw new IllegalArgumentException(MANIFEST + " is written by the build itself");
        }
        Path target = directory.toAbsolutePath().normalize();
        Map<String, String> previous = readManifest(target);
        Map<String, String> hashes = new TreeMap<>();
        output.files().forEach((path, bytes) -> hashes.put(path, sha256(bytes)));

        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".staging-");
        try {
            for (Map.Entry<String, byte[]> e : output.files().entrySet()) {
                Path file = staging.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            Files.write(staging.resolve(MANIFEST), manifestJson(hashes));
            Files.createDirectories(target);
            int written = 0;
            int unchanged = 0;
            for (Map.Entry<String, String> e : hashes.entrySet()) {
                Path destination = target.resolve(e.getKey());
                if (Files.isRegularFile(destination) && e.getValue().equals(previous.get(e.getKey()))
                        && e.getValue().equals(sha256(Files.readAllBytes(destination)))) {
                    unchanged++;
                    continue;
                }
                Files.createDirectories(destination.getParent());
                move(staging.resolve(e.getKey()), destination);
                written++;
            }
            int removed = 0;
            for (String stale : previous.keySet()) {
                if (!hashes.containsKey(stale)) {
                    Path file = target.resolve(OutputManifest.checkPath(stale));
                    if (Files.deleteIfExists(file)) {
                        removed++;
                    }
                    deleteEmptyParents(file.getParent(), target);
                }
            }
            move(staging.resolve(MANIFEST), target.resolve(MANIFEST));
            return new Result(written, unchanged, removed);
        } finally {
            deleteTree(staging);
        }
    }

    /** The files a previous build wrote, by path, with their hashes; empty when there was none. */
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
                // A tampered manifest must not make Vigil delete outside its directory.
            }
        }
        return out;
    }

    static byte[] manifestJson(Map<String, String> hashes) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", "vigil");
        ObjectNode files = root.putObject("files");
        hashes.forEach(files::put);
        return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteEmptyParents(Path dir, Path stop) throws IOException {
        Path d = dir;
        while (d != null && d.startsWith(stop) && !d.equals(stop)) {
            try (var entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
            d = d.getParent();
        }
    }

    /** Deletes {@code root} and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
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
