package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Layout never reaches the output. Each sample is laid out badly (random indentation, spacing and
 * more blank lines where there is one, keeping every line break, so comments keep what they cover); `vigil fmt` turns it back
 * into the sample exactly, and both build to byte-identical files.
 */
class FmtSamplesTest {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", ".."));

    @Test
    void theSamplesPassFmtCheck() {
        LintCommandTest.Run r = LintCommandTest.run("fmt", "--check", REPO.resolve("samples").toString());
        assertEquals(0, r.status(), r.out() + r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aetherlink", "aurigraph", "crm-events", "dwcp", "fleet", "vaultmesh"})
    void aBadlyLaidOutSampleFormatsBackAndBuildsTheSameBytes(String sample, @TempDir Path tmp) throws IOException {
        Path sources = REPO.resolve("samples").resolve(sample).resolve("src/main/vigil");
        Path messy = tmp.resolve("messy/src/main/vigil");
        Files.createDirectories(messy);
        Random random = new Random(sample.hashCode());
        List<Path> files;
        try (Stream<Path> list = Files.list(sources)) {
            files = list.filter(f -> f.toString().endsWith(".vigil")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f);
            String bad = scramble(text, random);
            assertNotEquals(text, bad);
            Files.writeString(messy.resolve(f.getFileName()), bad);
        }
        assertEquals(0, LintCommandTest.run("build", tmp.resolve("messy").toString(), "--out", tmp.resolve("out-messy")
                .toString()).status());
        assertEquals(0, LintCommandTest.run("build", REPO.resolve("samples").resolve(sample).toString(), "--out",
                tmp.resolve("out-sample").toString()).status());
        assertEquals(withoutLines(tree(tmp.resolve("out-sample"))), withoutLines(tree(tmp.resolve("out-messy"))));

        assertEquals(0, LintCommandTest.run("fmt", messy.toString()).status());
        for (Path f : files) {
            assertEquals(Files.readString(f), Files.readString(messy.resolve(f.getFileName())), f.toString());
        }
    }

    /**
     * The output with the line numbers the catalogue's pages show (`alerts.vigil:42`) taken out, since the
     * messy copy has more blank lines; the pages' digests in manifest.json, and the manifest's own, go with them.
     */
    private static TreeMap<String, String> withoutLines(TreeMap<String, String> tree) {
        TreeMap<String, String> out = new TreeMap<>();
        tree.forEach((path, text) -> {
            String p = path.replace('\\', '/');
            if (p.startsWith("site/") || p.startsWith("mkdocs/")) {
                out.put(path, text.replaceAll("vigil:[0-9]+", "vigil:N"));
            } else if (p.equals("manifest.json")) {
                out.put(path, text.lines().filter(l -> !l.contains("\"site/") && !l.contains("\"mkdocs/")
                        && !l.startsWith("  \"sha256\"")).collect(java.util.stream.Collectors.joining("\n")));
            } else {
                out.put(path, text);
            }
        });
        return out;
    }

    /** Every file below {@code dir}, by relative path, with its bytes as text. */
    private static TreeMap<String, String> tree(Path dir) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertNotEquals(0, out.size());
        return out;
    }

    /**
     * The text with other indentation, other runs of spaces between tokens, spaces inside brackets and
     * more blank lines where there is one. Strings and comments are left as they are, and so is every line break.
     */
    static String scramble(String text, Random random) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        boolean blockComment = false;
        boolean lineComment = false;
        boolean lineStart = true;
        List<Character> opening = new ArrayList<>(List.of('(', '[', '{', ','));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            boolean code = quote == 0 && !blockComment && !lineComment;
            if (c == '\n') {
                lineComment = false;
                lineStart = code || quote == 0 && !blockComment;
                // A blank line is the author's, and stays (one at most): only an existing one may grow.
                boolean blank = out.length() > 0 && out.charAt(out.length() - 1) == '\n';
                out.append(c);
                if (lineStart && blank && random.nextBoolean()) {
                    out.append("\n   \n");
                }
                continue;
            }
            if (code && c == ' ') {
                if (!lineStart) {
                    out.append(" ".repeat(1 + random.nextInt(3)));
                }
                while (i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                    i++;
                }
                continue;
            }
            if (lineStart && code) {
                out.append(" ".repeat(random.nextInt(7)));
            }
            lineStart = false;
            out.append(c);
            if (code) {
                if (c == '"' || c == '\'' || c == '`') {
                    quote = c;
                } else if (c == '/' && next == '*') {
                    blockComment = true;
                    out.append(next);
                    i++;
                } else if (c == '/' && next == '/' || c == '#') {
                    lineComment = true;
                } else if (opening.contains(c) && next != ' ' && next != '\n' && random.nextBoolean()) {
                    out.append(' ');
                }
            } else if (quote != 0 && c == '\\' && quote != '`') {
                out.append(next);
                i++;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (blockComment && c == '*' && next == '/') {
                out.append(next);
                i++;
                blockComment = false;
            }
        }
        return out.toString();
    }
}
