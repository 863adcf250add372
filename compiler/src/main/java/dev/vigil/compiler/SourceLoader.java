package dev.vigil.compiler;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Finds and reads input files. Paths are reported relative to the working directory when they lie below it. */
public final class SourceLoader {
    /** Directories never searched for sources: build output, VCS metadata. */
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "build", "node_modules");

    private final Path base;
    /** Texts that stand in for files, by absolute normalized path: an editor's unsaved documents. */
    private final Map<Path, String> overlay;

    public SourceLoader(Path base) {
        this(base, Map.of());
    }

    private SourceLoader(Path base, Map<Path, String> overlay) {
        this.base = base.toAbsolutePath().normalize();
        this.overlay = overlay;
    }

    /**
     * This loader with {@code texts} read in place of the files at those paths, whether the files
     * exist or not: an editor's open documents over the disk, found, imported and read as files are.
     */
    public SourceLoader withOverlay(Map<Path, String> texts) {
        Map<Path, String> normalized = new java.util.HashMap<>();
        texts.forEach((path, text) -> normalized.put(path.toAbsolutePath().normalize(), text));
        return new SourceLoader(base, Map.copyOf(normalized));
    }

    /** Whether {@code file} is there to read: a regular file, or a text standing in for one. */
    public boolean exists(Path file) {
        return overlay.containsKey(file.toAbsolutePath().normalize()) || Files.isRegularFile(file);
    }

    public static SourceLoader fromWorkingDirectory() {
        return new SourceLoader(Path.of("").toAbsolutePath());
    }

    /** Expands files and directories into a sorted, de-duplicated list of files with {@code extension}. */
    public List<Path> expand(List<Path> inputs, String extension) throws InputException {
        TreeSet<Path> files = new TreeSet<>();
        for (Path input : inputs) {
            Path p = input.toAbsolutePath().normalize();
            if (exists(p)) {
                files.add(p);
            } else if (Files.isDirectory(p)) {
                files.addAll(walk(p, extension));
                for (Path open : overlay.keySet()) {
                    if (open.startsWith(p) && open.getFileName().toString().endsWith(extension) && !skipped(p, open)) {
                        files.add(open);
                    }
                }
            } else {
                throw new InputException("No such file or directory: " + input);
            }
        }
        return new ArrayList<>(files);
    }

    private static List<Path> walk(Path dir, String extension) throws InputException {
        List<Path> found = new ArrayList<>();
        try {
            // Links are followed, so a project may link in shared sources; the walk itself notices a link
            // back to a directory it is inside, which is reported, not followed for ever.
            Files.walkFileTree(dir, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    boolean skip = !d.equals(dir) && (SKIPPED_DIRS.contains(name) || name.startsWith("."));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && f.getFileName().toString().endsWith(extension)) {
                        found.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (e instanceof java.nio.file.FileSystemLoopException) {
                        throw e;
                    }
                    // A dangling link or an entry that vanished: not a source, unless it is named like one.
                    if (f.getFileName().toString().endsWith(extension)) {
                        throw e;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (java.nio.file.FileSystemLoopException e) {
            throw new InputException("Symbolic link loop: " + e.getFile() + " leads back to a directory that contains it.");
        } catch (java.nio.file.FileSystemException e) {
            throw new InputException("Cannot read " + e.getFile() + ": " + (e.getReason() != null ? e.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory" : "I/O error") + ".");
        } catch (IOException e) {
            throw new InputException("Cannot read directory " + dir + ": " + e.getMessage());
        }
        return found;
    }

    /** The path shown to users: relative to the base when below it, with forward slashes. */
    public String displayPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    /** Whether the walk of {@code dir} would skip {@code file}: below build output or a hidden directory. */
    private static boolean skipped(Path dir, Path file) {
        for (Path part : dir.relativize(file.getParent() == null ? file : file.getParent())) {
            String name = part.toString();
            if (SKIPPED_DIRS.contains(name) || (name.startsWith(".") && !name.equals("."))) {
                return true;
            }
        }
        return false;
    }

    /** Reads a UTF-8 file; an unreadable or wrongly encoded file becomes a diagnostic, not an exception. */
    public Optional<SourceFile> read(Path file, DiagnosticSink sink) {
        String open = overlay.get(file.toAbsolutePath().normalize());
        if (open != null) {
            byte[] bytes = open.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return read(displayPath(file), new Content() {
                @Override
                public long size() {
                    return bytes.length;
                }

                @Override
                public byte[] bytes() {
                    return bytes;
                }
            }, sink);
        }
        return read(displayPath(file), new Content() {
            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public byte[] bytes() throws IOException {
                return dev.vigil.compiler.io.FileOps.current().read(file);
            }
        }, sink);
    }

    /** A source's bytes wherever they are kept: in a file, or in a library's jar. */
    public interface Content {
        /** The size the source claims, checked against {@link #MAX_BYTES} before anything is read. */
        long size() throws IOException;

        /** The bytes; more than {@link #MAX_BYTES} of them need not be read, since the source is refused then. */
        byte[] bytes() throws IOException;
    }

    /**
     * Reads a source shown as {@code shown} with the limits every input has: its size, UTF-8, a byte order mark
     * dropped. Whatever is wrong becomes a diagnostic, not an exception.
     */
    public static Optional<SourceFile> read(String shown, Content content, DiagnosticSink sink) {
        Span where = new Span(shown, 1, 1, 1, 1);
        try {
            long size = content.size();
            if (size > MAX_BYTES) {
                tooLarge(where, size + " bytes", sink);
                return Optional.empty();
            }
            byte[] bytes = content.bytes();
            if (bytes.length > MAX_BYTES) {
                // A jar entry can hold more than it claims.
                tooLarge(where, "more than " + MAX_BYTES + " bytes", sink);
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return Optional.of(new SourceFile(shown, text));
        } catch (CharacterCodingException e) {
            sink.error(Ids.INPUT_INVALID_ENCODING, where, "The file is not valid UTF-8.", "Save it as UTF-8.");
        } catch (java.nio.file.AccessDeniedException e) {
            sink.error(Ids.INPUT_UNREADABLE, where, "The file cannot be read: permission denied.",
                    "Give the user running Vigil read permission on it.");
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file" : "an I/O error";
            sink.error(Ids.INPUT_UNREADABLE, where, "The file cannot be read: " + reason + ".", null);
        }
        return Optional.empty();
    }

    private static void tooLarge(Span where, String size, DiagnosticSink sink) {
        sink.error(Ids.INPUT_TOO_LARGE, where, "The file is " + size + "; Vigil reads files of up to " + MAX_BYTES
                + " bytes.", "Split it into several files.");
    }

    /** Large enough for any real rules file, small enough that a mistaken path cannot exhaust memory. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;
}
