package dev.vigil.targets.properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.JsonRenderer;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.format.Formatter;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.build.Build;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutated samples never make the compiler, the formatter or an emitter throw. One file of a sample has
 * tokens deleted, repeated, swapped or replaced by another token of the same sample (often of the same
 * kind: a number for a number, a name for a name, so that many mutants still compile and reach the
 * emitters), lines deleted, repeated or swapped, or is cut short; the whole sample is then compiled,
 * the file formatted, and, when the project has no errors, every output emitted. Only diagnostics may
 * come out, never an exception and never an `Internal.*` diagnostic. jqwik's statistics in the report
 * say how many mutants compiled.
 */
class MutatedSamplesPropertiesTest {
    private static final List<List<SourceFile>> SAMPLES = Samples.all().values().stream().map(Samples::sources).toList();

    /** Strings and comments whole, then names (with `$`, `:` and `.`), numbers with units, operators. */
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|`[^`]*`|//[^\\n]*"
            + "|\\$?[A-Za-z_][A-Za-z0-9_:]*|[0-9][0-9.]*(?:e[+-]?[0-9]+)?[a-z]*%?|=~|!~|!=|==|>=|<=|\\S");

    record Mutant(List<SourceFile> files, int mutated) {
        SourceFile file() {
            return files.get(mutated);
        }

        @Override
        public String toString() {
            return file().path() + ":\n" + file().text();
        }
    }

    @Property(tries = 30, seed = Samples.FIXED_SEED)
    void mutatedSamplesGiveDiagnosticsOnlyWithTheFixedSeed(@ForAll("mutants") Mutant mutant) {
        exercise(mutant);
    }

    @Property(tries = 30)
    void mutatedSamplesGiveDiagnosticsOnlyWithARandomSeed(@ForAll("mutants") Mutant mutant) {
        exercise(mutant);
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            List<SourceFile> files = new ArrayList<>(SAMPLES.get(r.nextInt(SAMPLES.size())));
            int which = r.nextInt(files.size());
            SourceFile f = files.get(which);
            String text = f.text();
            int mutations = r.nextInt(4) == 0 ? 2 : 1;
            for (int i = 0; i < mutations; i++) {
                text = mutate(text, r);
            }
            files.set(which, new SourceFile(f.path(), text));
            return new Mutant(List.copyOf(files), which);
        });
    }

    private static String mutate(String text, Random r) {
        if (text.isEmpty()) {
            return text;
        }
        // Mostly a token for another of its kind: such mutants often still compile, and reach the emitters.
        int kind = r.nextInt(20);
        if (kind == 0) {
            return text.substring(0, r.nextInt(text.length()));
        }
        if (kind <= 3) {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            int at = r.nextInt(lines.size());
            int other = r.nextInt(lines.size());
            switch (r.nextInt(3)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(other));
                default -> {
                    String l = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, l);
                }
            }
            return String.join("\n", lines);
        }
        List<int[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(new int[] {m.start(), m.end()});
        }
        int[] t = tokens.get(r.nextInt(tokens.size()));
        String token = text.substring(t[0], t[1]);
        String before = text.substring(0, t[0]);
        String after = text.substring(t[1]);
        return switch (kind) {
            case 4 -> before + after;
            case 5 -> before + token + " " + token + after;
            case 6 -> {
                int[] u = tokens.get(r.nextInt(tokens.size()));
                yield before + text.substring(u[0], u[1]) + after;
            }
            default -> before + sameKind(text, tokens, token, r) + after;
        };
    }

    /** Another token of the text that looks like {@code token}: a number for a number, a string for a string. */
    private static String sameKind(String text, List<int[]> tokens, String token, Random r) {
        String shape = shape(token);
        List<String> alike = new ArrayList<>();
        for (int[] u : tokens) {
            String other = text.substring(u[0], u[1]);
            if (shape(other).equals(shape)) {
                alike.add(other);
            }
        }
        return alike.get(r.nextInt(alike.size()));
    }

    private static String shape(String token) {
        char c = token.charAt(0);
        if (Character.isDigit(c)) {
            return "number";
        } else if (c == '"' || c == '`') {
            return "string";
        } else if (Character.isLetter(c) || c == '_' || c == '$') {
            return "name";
        }
        return "punctuation";
    }

    private static void exercise(Mutant mutant) {
        CompileResult r = Compiler.compile(mutant.files());
        Statistics.collect(r.project().isPresent() ? "compiled and emitted" : "rejected");
        check(r.diagnostics(), r, r.project().isEmpty(), mutant);
        Formatter.Result f = Formatter.format(mutant.file());
        for (Diagnostic d : f.diagnostics()) {
            assertFalse(d.code().startsWith("Internal."), () -> "formatter: " + d + " on " + mutant);
        }
        r.project().ifPresent(p -> Build.emit(p, EmitSettings.DEFAULT));
    }

    private static void check(List<Diagnostic> diagnostics, CompileResult r, boolean failed, Mutant mutant) {
        for (Diagnostic d : diagnostics) {
            assertFalse(d.code().startsWith("Internal."), () -> d + " on " + mutant);
        }
        if (failed) {
            assertTrue(diagnostics.stream().anyMatch(Diagnostic::isError), () -> "failed without an error on " + mutant);
        }
        TextRenderer.render(diagnostics, r.sources());
        JsonRenderer.render(diagnostics);
    }
}
