package dev.vigil.targets;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.targets.build.Build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildTest {
    private static final Path SAMPLE = Repo.root().resolve("samples/crm-events/src/main/vigil");

    /** Copies the sample's files under new names, so they are found and read in a different order. */
    private static Path copySample(Path dir, boolean reverseNames) throws IOException {
        Files.createDirectories(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(SAMPLE)) {
            // The catalogue names each alert's source file, which this copy renames: it is built by the build options.
            files = s.filter(p -> !p.getFileName().toString().equals("catalogue.vigil")).sorted().toList();
        }
        for (int i = 0; i < files.size(); i++) {
            String prefix = reverseNames ? String.valueOf((char) ('z' - i)) : String.valueOf((char) ('a' + i));
            Files.copy(files.get(i), dir.resolve(prefix + "-" + files.get(i).getFileName()));
        }
        return dir;
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static void assertSameTree(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, b.get(k)), k + " differs"));
    }

    @Test
    void buildsAreByteIdenticalWhateverTheFileOrder(@TempDir Path tmp) throws Exception {
        Path one = copySample(tmp.resolve("one"), false);
        Path two = copySample(tmp.resolve("two"), true);
        assertTrue(Build.run(one, tmp.resolve("out1"), EmitSettings.DEFAULT).succeeded());
        assertTrue(Build.run(two, tmp.resolve("out2"), EmitSettings.DEFAULT).succeeded());
        assertTrue(Build.run(one, tmp.resolve("out3"), EmitSettings.DEFAULT).succeeded());
        assertSameTree(tree(tmp.resolve("out1")), tree(tmp.resolve("out2")));
        assertSameTree(tree(tmp.resolve("out1")), tree(tmp.resolve("out3")));
        assertTrue(tree(tmp.resolve("out1")).containsKey("prometheus/rules/crm_events.rules.yml"));
    }

    /** The catalogue's pages too, but for the source file names they show, which the copies change. */
    @Test
    void catalogueIsTheSameWhateverTheFileOrder(@TempDir Path tmp) throws Exception {
        Path one = copySample(tmp.resolve("one"), false);
        Path two = copySample(tmp.resolve("two"), true);
        CompileOptions options = CompileOptions.DEFAULT.withCatalogue("https://monitoring.example.com/");
        assertTrue(Build.run(one, tmp.resolve("out1"), EmitSettings.DEFAULT, options).succeeded());
        assertTrue(Build.run(two, tmp.resolve("out2"), EmitSettings.DEFAULT, options).succeeded());
        Map<String, byte[]> a = tree(tmp.resolve("out1"));
        Map<String, byte[]> b = tree(tmp.resolve("out2"));
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.keySet().stream().anyMatch(k -> k.startsWith("site")), a.keySet().toString());
        for (String k : a.keySet()) {
            if (k.startsWith("site") || k.startsWith("mkdocs")) {
                assertEquals(unprefixed(a.get(k)), unprefixed(b.get(k)), k + " differs");
            }
        }
    }

    /** The page's text with the copies' `a-`/`z-` file name prefixes taken off (`a\\-` where Markdown escapes it). */
    private static String unprefixed(byte[] page) {
        return new String(page, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\b[a-z]\\\\?-([A-Za-z_\\\\]+\\\\?\\.vigil)", "$1");
    }

    @Test
    void aBuildWithErrorsLeavesThePreviousOutputUntouched(@TempDir Path tmp) throws Exception {
        Path project = copySample(tmp.resolve("p"), false);
        Path out = tmp.resolve("out");
        assertTrue(Build.run(project, out, EmitSettings.DEFAULT).succeeded());
        Map<String, byte[]> before = tree(out);
        Files.writeString(project.resolve("broken.vigil"), "service crm_events {\n  team 5\n}\n");
        Build.Result failed = Build.run(project, out, EmitSettings.DEFAULT);
        assertFalse(failed.succeeded());
        assertTrue(failed.compilation().hasErrors());
        assertSameTree(before, tree(out));
    }
}
