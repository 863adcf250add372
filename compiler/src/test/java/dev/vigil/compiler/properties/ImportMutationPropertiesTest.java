package dev.vigil.compiler.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.importer.ImportRun;
import dev.vigil.compiler.importer.registry.Importers;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated import inputs never make an importer throw: every YAML and JSON input of the import tests
 * (Prometheus rule files, Alertmanager configurations, Sloth, Pyrra and OpenSLO specifications, Grafana
 * dashboards) with lines deleted, repeated, swapped or re-indented, tokens deleted, repeated, swapped or
 * replaced by YAML's own punctuation, or cut short, goes through {@link ImportRun} (the readers, every
 * importer, the formatter of the written sources and their compilation) and comes out as diagnostics.
 * Fixed and random seed as in {@link TokenStreamPropertiesTest}.
 */
class ImportMutationPropertiesTest {
    private static final Path INPUTS = Path.of("src/test/resources/import");
    private static final List<SourceFile> ORIGINALS = originals();

    /** Quoted scalars whole, then words (names, numbers, durations, URLs), then single characters. */
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*'|[A-Za-z0-9_.$/@-]+|\\S");

    /** What a mutation inserts: YAML's and JSON's structure, its tags, anchors and aliases, and awkward scalars. */
    private static final List<String> INSERTS = List.of("- ", ": ", "{", "}", "[", "]", ",", "---", "...", "#", "&a ", "*a",
            "!!str ", "!!java.lang.Object ", "!custom ", "|", ">-", "?", "~", "null", "true", "\"", "'", "\t", "\n", "  ",
            "1e309", "-0", "0x1F", "9999999999999999999999", "\"\\u0000\"", "{{ $value }}", "{{", "rate(", ")", "5m", "-5m",
            "expr", "alert", "record", "labels", "annotations", "for", "groups", "rules", "route", "receivers", "matchers",
            "panels", "targets", "spec", "slos", "objective", "\"}", "[]", "{}", "\u00e9", "\uFEFF");

    private static List<SourceFile> originals() {
        try (Stream<Path> files = Files.walk(INPUTS)) {
            List<SourceFile> out = new ArrayList<>();
            for (Path f : files.filter(p -> ImportRun.EXTENSIONS.stream().anyMatch(e -> p.toString().endsWith(e))).sorted().toList()) {
                out.add(new SourceFile(INPUTS.relativize(f).toString().replace('\\', '/'), Files.readString(f)));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 100, seed = OnlyDiagnostics.FIXED_SEED)
    void mutatedInputsGiveDiagnosticsOnlyWithTheFixedSeed(@ForAll("mutated") SourceFile input, @ForAll boolean baseline) {
        exercise(input, baseline);
    }

    @Property(tries = 100)
    void mutatedInputsGiveDiagnosticsOnlyWithARandomSeed(@ForAll("mutated") SourceFile input, @ForAll boolean baseline) {
        exercise(input, baseline);
    }

    /** Every kind of importer has inputs to mutate, and the unmutated ones import as their own tests expect: without a crash. */
    @Example
    void everyImporterHasInputs() {
        List<String> names = ORIGINALS.stream().map(SourceFile::path).toList();
        for (String kind : List.of("rules.yaml", "alertmanager.yaml", "sloth/", "pyrra/", "openslo/", "grafana/")) {
            assertTrue(names.stream().anyMatch(n -> n.contains(kind)), () -> kind + " missing from " + names);
        }
        ORIGINALS.forEach(input -> exercise(input, false));
    }

    @Provide
    Arbitrary<SourceFile> mutated() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            SourceFile original = ORIGINALS.get(r.nextInt(ORIGINALS.size()));
            String text = original.text();
            int mutations = 1 + r.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                text = mutate(text, r);
            }
            return new SourceFile(original.path(), text);
        });
    }

    private static String mutate(String text, Random r) {
        if (text.isEmpty()) {
            return INSERTS.get(r.nextInt(INSERTS.size()));
        }
        return switch (r.nextInt(6)) {
            case 0 -> text.substring(0, r.nextInt(text.length()));
            case 1, 2 -> mutateLines(text, r);
            default -> mutateTokens(text, r);
        };
    }

    private static String mutateLines(String text, Random r) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = r.nextInt(lines.size());
        int other = r.nextInt(lines.size());
        switch (r.nextInt(5)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(other));
            case 2 -> {
                String l = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, l);
            }
            case 3 -> lines.set(at, "  " + lines.get(at));
            default -> lines.set(at, lines.get(at).replaceFirst("^  ", ""));
        }
        return String.join("\n", lines);
    }

    private static String mutateTokens(String text, Random r) {
        List<int[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        if (tokens.isEmpty()) {
            return text + INSERTS.get(r.nextInt(INSERTS.size()));
        }
        int[] t = tokens.get(r.nextInt(tokens.size()));
        int[] u = tokens.get(r.nextInt(tokens.size()));
        String token = text.substring(t[0], t[1]);
        String before = text.substring(0, t[0]);
        String after = text.substring(t[1]);
        return switch (r.nextInt(4)) {
            case 0 -> before + after;
            case 1 -> before + token + token + after;
            case 2 -> before + text.substring(u[0], u[1]) + after;
            default -> before + INSERTS.get(r.nextInt(INSERTS.size())) + after;
        };
    }

    private static void exercise(SourceFile input, boolean baseline) {
        ImportRun.Result result = ImportRun.run(Importers.all(), List.of(input), "out/", baseline);
        List<Diagnostic> diagnostics = result.diagnostics();
        OnlyDiagnostics.check(diagnostics, result.sources(), result.inputHasErrors(), input.text());
    }
}
