package dev.vigil.targets.properties;

import dev.vigil.targets.Repo;
import dev.vigil.targets.runbook.Markdown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The samples the properties start from, and the comparison of two output trees byte for byte. */
final class Samples {
    /** The seed of the properties' fixed-seed runs; the other run of each property takes a random seed, which jqwik prints. */
    static final String FIXED_SEED = "1402";

    static final Path REPO = Repo.root();

    private Samples() {
    }

    /** Each sample's name and its source directory, sorted by name. */
    static SortedMap<String, Path> all() {
        SortedMap<String, Path> out = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(REPO.resolve("samples"))) {
            dirs.filter(d -> Files.isDirectory(d.resolve("src/main/vigil")))
                    .forEach(d -> out.put(d.getFileName().toString(), d.resolve("src/main/vigil")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(out.size() >= 5, () -> "samples missing below " + REPO + ": " + out.keySet());
        return out;
    }

    /** A sample's sources, named as `vigil check` run from the repository root shows them, in file-name order. */
    static List<SourceFile> sources(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<SourceFile> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".vigil")).sorted().toList()) {
                out.add(new SourceFile(REPO.relativize(f).toString().replace('\\', '/'), Files.readString(f)));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code root}, by its relative path with forward slashes. */
    static SortedMap<String, byte[]> tree(Path root) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The output with the catalogue's pages as if the sources kept their own names: a page shows its alert's
     * source {@code file:line}, which a copy under other names changes. The pages' lines in {@code manifest.json}
     * (their digests) and the manifest's own digest are left out; the pages themselves are compared.
     */
    static SortedMap<String, byte[]> withSourceNames(Map<String, byte[]> output, Map<String, String> renamed) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        output.forEach((path, bytes) -> {
            if (path.startsWith("site/") || path.startsWith("mkdocs/")) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> r : renamed.entrySet()) {
                    // As written in text, and as the Markdown for MkDocs escapes it there.
                    text = text.replace(r.getKey(), r.getValue())
                            .replace(Markdown.text(r.getKey()), Markdown.text(r.getValue()));
                }
                out.put(path, text.getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("manifest.json")) {
                String kept = new String(bytes, StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.contains("\"site/") && !l.contains("\"mkdocs/") && !l.startsWith("  \"sha256\""))
                        .collect(java.util.stream.Collectors.joining("\n"));
                out.put(path, kept.getBytes(StandardCharsets.UTF_8));
            } else {
                out.put(path, bytes);
            }
        });
        return out;
    }

    /** The same files with the same bytes; on a difference, the first differing line of the first differing file. */
    static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the files differ");
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            byte[] got = actual.get(e.getKey());
            if (!Arrays.equals(e.getValue(), got)) {
                String[] a = new String(e.getValue(), StandardCharsets.UTF_8).split("\n", -1);
                String[] b = new String(got, StandardCharsets.UTF_8).split("\n", -1);
                int line = 0;
                while (line < Math.min(a.length, b.length) && a[line].equals(b[line])) {
                    line++;
                }
                int at = line;
                assertEquals(at < a.length ? a[at] : "<end>", at < b.length ? b[at] : "<end>",
                        what + ": " + e.getKey() + " differs at line " + (at + 1));
                fail(what + ": " + e.getKey() + " differs in its bytes");
            }
        }
    }
}
