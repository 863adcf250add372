package dev.vigil.lsp.tolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.grammar.VigilLexer;
import dev.vigil.lsp.harness.ServerHarness;
import dev.vigil.lsp.text.LineIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error tolerance at the protocol level, on every sample (its {@code src/main/vigil} copied to a folder
 * opened as the workspace). Each file is opened and damaged through {@code didChange}, as an editor
 * would: cut at every top-level declaration boundary, and, round-robin over the files up to a budget
 * per sample, cut at the start of a nested declaration, cut at a random offset, and one token deleted
 * (all drawn with a fixed seed). After each damage:
 * <ul>
 *   <li>the server has logged no internal error, and every navigation request at random places of the
 *       damaged text was answered (a refused rename with a {@code RequestFailed} error);</li>
 *   <li>the document's symbols list every top-level declaration that ends before the damage, exactly as
 *       on the clean file;</li>
 *   <li>hover and definition at the names of declarations away from the damage (in other files, and in
 *       whole declarations earlier in the same file) answer as on the clean project. A definition's
 *       locations are compared outside the damaged part; a hover is compared when nothing it is made of
 *       is damaged (see {@link CleanProject#dependsOn}).</li>
 * </ul>
 */
class ErrorToleranceTest {
    private static final Path SAMPLES = Path.of(System.getProperty("vigil.repo", "..")).resolve("samples")
            .toAbsolutePath().normalize();
    private static final long SEED = 20;
    /** Damages per sample besides the top-level cuts: what keeps the test to about a minute on two cores. */
    private static final int EXTRA_DAMAGES = 40;
    private static final int PROBES_ELSEWHERE = 6;
    private static final int PROBES_EARLIER = 4;
    /** Positions anywhere in the damaged text where every navigation request is made. */
    private static final int ANYWHERE = 4;

    @TempDir
    Path tmp;

    /** A damaged text of a file: {@code at} is the offset where the damage starts; the text before it is the clean one's. */
    record Damage(String file, String what, String text, int at) {
    }

    /**
     * One test per sample; two samples run at a time, each with its own server (a server compiles on one
     * thread), so the test uses two cores.
     */
    @TestFactory
    Stream<DynamicTest> everySample() throws IOException {
        List<Path> samples;
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            samples = dirs.filter(d -> Files.isDirectory(d.resolve("src/main/vigil"))).sorted().toList();
        }
        assertFalse(samples.isEmpty(), "no samples below " + SAMPLES);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (Path s : samples) {
            runs.add(pool.submit(() -> {
                sample(s);
                return null;
            }));
        }
        pool.shutdown();
        return java.util.stream.IntStream.range(0, samples.size()).mapToObj(i -> DynamicTest.dynamicTest(
                samples.get(i).getFileName().toString(), () -> {
                    try {
                        runs.get(i).get();
                    } catch (ExecutionException e) {
                        throw e.getCause();
                    }
                }));
    }

    private void sample(Path sample) throws Exception {
        long started = System.nanoTime();
        String name = sample.getFileName().toString();
        Path root = tmp.resolve(name);
        Map<String, String> texts = copy(sample.resolve("src/main/vigil"), root.resolve("src/main/vigil"));
        Random random = new Random(SEED + name.hashCode());
        int hovers = 0;
        int hoversDependent = 0;
        int definitions = 0;
        int symbols = 0;
        List<Damage> plan;
        try (ServerHarness h = ServerHarness.start(root)) {
            CleanProject clean = new CleanProject(h, texts);
            plan = plan(texts, clean, random);
            String open = null;
            String current = null;
            for (Damage d : plan) {
                if (!d.file().equals(open)) {
                    if (open != null) {
                        replace(h, open, current, texts.get(open));
                    }
                    open = d.file();
                    h.open(open, texts.get(open));
                    current = texts.get(open);
                }
                String context = name + "/" + d.file() + ", " + d.what();
                replace(h, d.file(), current, d.text());
                current = d.text();
                h.awaitCompiled();

                List<DocumentSymbol> damaged = Requests.symbols(h, d.file());
                LineIndex lines = LineIndex.of(texts.get(d.file()));
                for (DocumentSymbol s : clean.outline(d.file())) {
                    if (lines.offset(s.getRange().getEnd()) <= d.at()) {
                        assertTrue(damaged.contains(s), () -> context + ": the symbol " + s.getName()
                                + ", which ends before the damage, is not listed as on the clean file");
                        symbols++;
                    }
                }
                for (CleanProject.Probe p : away(clean, d, random)) {
                    Requests.Answer expected = clean.answer(p);
                    Requests.Answer actual = Requests.ask(h, p.file(), p.position());
                    assertEquals(outside(expected.definition(), h.uri(d.file()), lines, d.at()),
                            outside(actual.definition(), h.uri(d.file()), LineIndex.of(d.text()), d.at()),
                            () -> context + ": definition at " + p);
                    definitions++;
                    if (clean.dependsOn(p, d.file(), d.at())) {
                        hoversDependent++;
                    } else {
                        assertEquals(expected.hover(), actual.hover(), () -> context + ": hover at " + p);
                        hovers++;
                    }
                }
                LineIndex damagedLines = LineIndex.of(d.text());
                for (int i = 0; i < ANYWHERE; i++) {
                    Requests.everything(h, d.file(), damagedLines.position(random.nextInt(d.text().length() + 1)));
                }
                assertEquals(List.of(), h.client.errors(), () -> "internal errors after " + context);
            }
            h.awaitCompiled();
            h.assertNoInternalErrors();
        }
        // Something was compared: the test is not vacuous on any sample.
        assertTrue(symbols > 0 && hovers > 0 && definitions > 0, name + ": symbols " + symbols + ", hovers " + hovers
                + ", definitions " + definitions);
        // What was checked and what it cost: the wall time, and the JVM's CPU time so far (all samples' threads).
        System.out.printf("error tolerance: %s, %d damages; %d symbols, %d definitions and %d hovers compared (%d hovers "
                + "depend on the damage); %d ms, JVM CPU %d ms so far%n", name, plan.size(), symbols, definitions, hovers,
                hoversDependent, (System.nanoTime() - started) / 1_000_000, ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000);
    }

    private static Map<String, String> copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".vigil")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(to.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
                texts.put("src/main/vigil/" + f.getFileName(), text);
            }
        }
        return texts;
    }

    /** Replaces the whole document by one incremental change, as an editor's "select all, paste". */
    private static void replace(ServerHarness h, String file, String current, String text) {
        LineIndex now = LineIndex.of(current);
        h.change(file, new Range(new Position(0, 0), now.position(current.length())), text);
    }

    /**
     * Every top-level cut of every file, then the other damages round-robin over the files up to
     * {@value #EXTRA_DAMAGES}; grouped by file, so each file is opened once.
     */
    static List<Damage> plan(Map<String, String> texts, CleanProject clean, Random random) {
        Map<String, List<Damage>> byFile = new LinkedHashMap<>();
        List<List<Damage>> extras = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String file = e.getKey();
            String text = e.getValue();
            LineIndex lines = LineIndex.of(text);
            List<Damage> cuts = new ArrayList<>();
            for (DocumentSymbol s : clean.outline(file)) {
                int at = lines.offset(s.getRange().getStart());
                cuts.add(new Damage(file, "cut before " + s.getName() + " at offset " + at, text.substring(0, at), at));
            }
            byFile.put(file, cuts);
            extras.add(extras(file, text, clean.outline(file), random));
        }
        int taken = 0;
        for (int round = 0; taken < EXTRA_DAMAGES && round < 4; round++) {
            for (List<Damage> fileExtras : extras) {
                if (taken < EXTRA_DAMAGES && round < fileExtras.size()) {
                    Damage d = fileExtras.get(round);
                    byFile.get(d.file()).add(d);
                    taken++;
                }
            }
        }
        return byFile.values().stream().flatMap(List::stream).toList();
    }

    /** For one file, in the order they are taken: a token deleted, a random cut, a nested cut, another token. */
    private static List<Damage> extras(String file, String text, List<DocumentSymbol> outline, Random random) {
        LineIndex lines = LineIndex.of(text);
        List<Damage> out = new ArrayList<>();
        List<Token> tokens = tokens(text);
        List<DocumentSymbol> nested = new ArrayList<>();
        outline.forEach(s -> nest(s.getChildren(), nested));
        out.add(deletion(file, text, tokens, random));
        int cut = random.nextInt(text.length() + 1);
        out.add(new Damage(file, "cut at offset " + cut, text.substring(0, cut), cut));
        if (!nested.isEmpty()) {
            DocumentSymbol s = nested.get(random.nextInt(nested.size()));
            int at = lines.offset(s.getRange().getStart());
            out.add(new Damage(file, "cut before the nested " + s.getName() + " at offset " + at, text.substring(0, at), at));
        }
        out.add(deletion(file, text, tokens, random));
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    private static Damage deletion(String file, String text, List<Token> tokens, Random random) {
        if (tokens.isEmpty()) {
            return null;
        }
        Token t = tokens.get(random.nextInt(tokens.size()));
        int start = text.offsetByCodePoints(0, t.getStartIndex());
        int end = text.offsetByCodePoints(0, t.getStopIndex() + 1);
        return new Damage(file, "token `" + t.getText() + "` deleted at offset " + start,
                text.substring(0, start) + text.substring(end), start);
    }

    private static void nest(List<DocumentSymbol> symbols, List<DocumentSymbol> out) {
        if (symbols != null) {
            for (DocumentSymbol s : symbols) {
                out.add(s);
                nest(s.getChildren(), out);
            }
        }
    }

    /** The lexer's tokens, without comments: what an editor's "delete word" removes. */
    private static List<Token> tokens(String text) {
        VigilLexer lexer = new VigilLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                out.add(t);
            }
        }
        return out;
    }

    /** Probes away from the damage: some in other files, some in whole top-level declarations before it. */
    private static List<CleanProject.Probe> away(CleanProject clean, Damage d, Random random) {
        List<CleanProject.Probe> elsewhere = new ArrayList<>();
        List<CleanProject.Probe> earlier = new ArrayList<>();
        for (CleanProject.Probe p : clean.probes()) {
            if (!p.file().equals(d.file())) {
                elsewhere.add(p);
            } else if (clean.inWholeDeclarationBefore(p, d.at())) {
                earlier.add(p);
            }
        }
        List<CleanProject.Probe> out = new ArrayList<>();
        pick(elsewhere, PROBES_ELSEWHERE, random, out);
        pick(earlier, PROBES_EARLIER, random, out);
        return out;
    }

    private static void pick(List<CleanProject.Probe> from, int n, Random random, List<CleanProject.Probe> out) {
        List<CleanProject.Probe> left = new ArrayList<>(from);
        for (int i = 0; i < n && !left.isEmpty(); i++) {
            out.add(left.remove(random.nextInt(left.size())));
        }
    }

    /** The locations in other files, and those in the damaged file before the damage. */
    private static List<Location> outside(List<Location> locations, String uri, LineIndex lines, int at) {
        return locations.stream().filter(l -> !l.getUri().equals(uri) || lines.offset(l.getRange().getStart()) < at)
                .toList();
    }
}
