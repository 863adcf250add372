package dev.vigil.targets.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.build.Build;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A build's bytes depend on the sources (and the order of their file names) only. Each sample is built
 * once as the reference (from the repository root, in this JVM's locale and time zone), then again with
 * its files copied under other names into another directory, created in another order, with another
 * directory as the "working directory" that paths are shown relative to, under another default locale
 * (Turkish, whose `I` lower-cases to a dotless `ı`; Arabic, Thai and Hindi with their own digits; German
 * with its decimal comma) and another default time zone (UTC+14, UTC-11, UTC+5:45, UTC-3:30): every
 * output file and the manifest must be
 * byte-identical to the reference. The same holds for the sources handed over in memory in a shuffled
 * order. {@link AnotherProcessDeterminismTest} does the same in a separate JVM.
 */
class DeterminismPropertiesTest {
    private static final SortedMap<String, Path> SAMPLES = Samples.all();
    private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("ar-EG"),
            Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.GERMANY, Locale.forLanguageTag("hi-IN"));
    private static final List<String> ZONES = List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu",
            "America/St_Johns");

    private static Path scratch;
    /** Each sample's reference output: every file of the output directory, manifest.json included. */
    private static final Map<String, SortedMap<String, byte[]>> REFERENCE = new TreeMap<>();

    record Variant(String sample, Locale locale, String zone, long shuffle) {
    }

    @BeforeContainer
    static void reference() throws Exception {
        scratch = Files.createTempDirectory("vigil-determinism");
        for (Map.Entry<String, Path> s : SAMPLES.entrySet()) {
            REFERENCE.put(s.getKey(), reference(s.getKey()));
        }
    }

    /** The sample built as `vigil build` would from the repository root; shared with the other-process test. */
    static SortedMap<String, byte[]> reference(String sample) throws IOException, InputException {
        Path out = Files.createTempDirectory("vigil-reference");
        try {
            Build.Result r = Build.write(new Compiler(new SourceLoader(Samples.REPO)).check(List.of(SAMPLES.get(sample))),
                    out, EmitSettings.DEFAULT);
            assertTrue(r.succeeded(), () -> sample + ": " + r.compilation().diagnostics());
            return Samples.tree(out);
        } finally {
            OutputDirectory.deleteTree(out);
        }
    }

    @AfterContainer
    static void clean() throws IOException {
        OutputDirectory.deleteTree(scratch);
    }

    @Property(tries = 3, seed = Samples.FIXED_SEED)
    void buildsAreByteIdenticalWithTheFixedSeed(@ForAll("variants") Variant v) throws Exception {
        exercise(v);
    }

    @Property(tries = 3)
    void buildsAreByteIdenticalWithARandomSeed(@ForAll("variants") Variant v) throws Exception {
        exercise(v);
    }

    @Provide
    Arbitrary<Variant> variants() {
        return Combinators.combine(Arbitraries.of(List.copyOf(SAMPLES.keySet())), Arbitraries.of(LOCALES),
                Arbitraries.of(ZONES), Arbitraries.longs()).as(Variant::new);
    }

    private static void exercise(Variant v) throws Exception {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        Path here = Files.createTempDirectory(scratch, "run");
        try {
            Locale.setDefault(v.locale());
            TimeZone.setDefault(TimeZone.getTimeZone(v.zone()));
            Map<String, String> renamed = new java.util.HashMap<>();
            Path sources = copy(SAMPLES.get(v.sample()), here.resolve("elsewhere/monitoring"), new Random(v.shuffle()),
                    renamed);
            Path out = here.resolve("out");
            // The loader's base stands for the working directory: the paths it shows are relative to it.
            CompileResult compiled = new Compiler(new SourceLoader(here.resolve("elsewhere"))).check(List.of(sources));
            Build.Result r = Build.write(compiled, out, EmitSettings.DEFAULT);
            assertTrue(r.succeeded(), () -> v + ": " + r.compilation().diagnostics());
            Samples.assertSameFiles(Samples.withSourceNames(REFERENCE.get(v.sample()), Map.of()),
                    Samples.withSourceNames(Samples.tree(out), renamed), v + ", copied and built");

            List<SourceFile> shuffled = new ArrayList<>(Samples.sources(SAMPLES.get(v.sample())));
            Collections.shuffle(shuffled, new Random(v.shuffle()));
            CompileResult inMemory = Compiler.compile(shuffled, CompileOptions.DEFAULT);
            SortedMap<String, byte[]> expected = new TreeMap<>(REFERENCE.get(v.sample()));
            expected.remove(OutputDirectory.MANIFEST);
            Samples.assertSameFiles(expected, Build.emit(inMemory.project().orElseThrow(), EmitSettings.DEFAULT).files(),
                    v + ", shuffled in memory");
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
            OutputDirectory.deleteTree(here);
        }
    }

    /**
     * The sample's files under new names, created in a shuffled order (so the directory lists them in
     * another order). The new names sort as the old ones did: where declarations of several files merge
     * (the groups of an extended service, its tests), their order is the order of the file names, so a
     * renaming that reorders them is another project, not another build of the same one.
     */
    /** Copies the sources under shuffled names; {@code renamed} gets each new file name and the original's. */
    private static Path copy(Path from, Path to, Random r, Map<String, String> renamed) throws IOException {
        List<Path> files;
        try (var list = Files.list(from)) {
            files = list.filter(p -> p.toString().endsWith(".vigil")).sorted().toList();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, r);
        Files.createDirectories(to);
        for (int i : order) {
            String name = String.format(Locale.ROOT, "%02d_%s", i, Integer.toHexString(r.nextInt()));
            Files.copy(files.get(i), to.resolve(name + Compiler.EXTENSION));
            renamed.put(name + Compiler.EXTENSION, files.get(i).getFileName().toString());
        }
        return to;
    }
}
