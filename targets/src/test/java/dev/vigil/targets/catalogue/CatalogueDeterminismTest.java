package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.Repo;
import dev.vigil.targets.build.Build;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each seed sample's {@code site/} and {@code mkdocs/} are the same bytes from build to build, also when the
 * JVM's default locale and time zone are others (Turkish lower-cases {@code I} to a dotless {@code ı}; Chatham
 * is 12:45 ahead of UTC), and every file of both is listed in {@code manifest.json}.
 */
class CatalogueDeterminismTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> siteAndMkdocsAreTheSameBytesWhateverTheLocaleAndListedInTheManifest() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Repo.root().resolve("samples"))) {
            samples = s.filter(p -> Files.isRegularFile(p.resolve("src/main/vigil/catalogue.vigil"))).sorted().toList();
        }
        assertFalse(samples.isEmpty(), "no sample declares a catalogue");
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> check(s)));
    }

    private void check(Path sample) throws Exception {
        String name = sample.getFileName().toString();
        Path first = build(sample, tmp.resolve(name + "-1"));
        Path second = build(sample, tmp.resolve(name + "-2"));
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        Path other;
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            other = build(sample, tmp.resolve(name + "-tr"));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        Map<String, byte[]> expected = tree(first);
        assertSame(expected, tree(second), "a second build");
        assertSame(expected, tree(other), "a build in tr-TR, Pacific/Chatham");

        TreeSet<String> listed = new TreeSet<>(OutputDirectory.readManifest(first).keySet().stream()
                .filter(p -> p.startsWith(CatalogueEmitter.SITE) || p.startsWith(CatalogueEmitter.MKDOCS)).toList());
        assertEquals(expected.keySet(), listed, "manifest.json against the files of site/ and mkdocs/");
    }

    private static Path build(Path sample, Path out) throws Exception {
        Build.Result r = Build.run(sample.resolve("src/main/vigil"), out, EmitSettings.DEFAULT);
        assertTrue(r.succeeded(), () -> r.compilation().diagnostics().toString());
        return out;
    }

    private static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": other files");
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), what + ": " + path + " differs"));
    }

    /** The files of {@code site/} and {@code mkdocs/} below {@code out}, by path. */
    private static Map<String, byte[]> tree(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String path : CatalogueEmitterTest.files(out, CatalogueEmitter.SITE, CatalogueEmitter.MKDOCS)) {
            files.put(path, Files.readAllBytes(out.resolve(path)));
        }
        return files;
    }
}
