package dev.vigil.targets.samples;

import dev.vigil.targets.Repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each sample that rebuilds a seed has a README whose fidelity table maps every seed item to what
 * encodes it: the quoted seed text is really on the line given, the elements named exist in the
 * compiled sample, and at least 95% of the items are encoded (equal, or changed with a reason).
 *
 * <p>The seeds themselves stay outside the repository (they are field reports, with hosts and
 * passwords in them). Each sample keeps {@code seed-excerpt.txt}: only the seed lines its README
 * quotes, with the seed's SHA-256. {@code -Dvigil.seeds=<dir of the seed files>} rewrites the
 * excerpts from the seeds, like the golden switch; without it the test reads the excerpts only.
 */
class SampleFidelityTest {
    private static final Path REPO = Repo.root();
    /** Sample to seed file; a sample not listed here must be in {@link #SYNTHETIC}. */
    static final Map<String, String> SEEDS = Map.of(
            "vaultmesh", "000_063a28c998f06795.txt",
            "aetherlink", "001_f743c52affee1876.txt",
            "aurigraph", "002_6124afa18a0ff175.txt",
            "dwcp", "003_6d9af5e82d76f3fa.txt",
            "crm-events", "004_691ccb7e23d8e613.txt");
    /** Samples that rebuild no seed. */
    static final Set<String> SYNTHETIC = Set.of("fleet");
    static final double MIN_ENCODED = 0.95;
    static final String EXCERPT = "seed-excerpt.txt";

    /** Lines never copied into the repository, even as a quote: credentials, cloud hosts, mail addresses. */
    private static final Pattern PRIVATE = Pattern.compile(
            "(?i)pass(word|wd)|secret\\s*[:=]|token\\s*[:=]|amazonaws\\.com|[\\w.+-]+@[\\w-]+\\.[a-z]{2,}");
    private static final Pattern TEMPLATE = Pattern.compile("\\b(?:template\\s+(?:rules|panels)|blueprint)\\s+(\\w+)");
    private static final Set<String> CHECKED_KINDS = Set.of(
            "alert", "record", "slo", "dashboard", "panel", "receiver", "const", "metric", "template");

    @Test
    void everySampleIsASeedOrDeclaredSynthetic() throws IOException {
        Set<String> samples = new TreeSet<>();
        try (Stream<Path> s = Files.list(REPO.resolve("samples"))) {
            s.filter(p -> Files.isDirectory(p.resolve("src/main/vigil"))).forEach(p -> samples.add(p.getFileName().toString()));
        }
        Set<String> known = new TreeSet<>(SEEDS.keySet());
        known.addAll(SYNTHETIC);
        assertEquals(known, samples, "register a new sample in SampleFidelityTest: its seed file, or synthetic");
    }

    @TestFactory
    Stream<DynamicTest> everySeedSampleHasAFaithfulTable() {
        return new TreeMap<>(SEEDS).entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> check(REPO.resolve("samples").resolve(e.getKey()), e.getValue())));
    }

    private static void check(Path sample, String seed) throws IOException, InputException {
        Path readme = sample.resolve("README.md");
        assertTrue(Files.isRegularFile(readme), sample + " has no README.md");
        FidelityTable table = FidelityTable.parse(Files.readString(readme, StandardCharsets.UTF_8));
        assertTrue(table.section().contains(seed), "the fidelity section must name its seed file " + seed);
        assertTrue(!table.rows().isEmpty(), "the fidelity table has no rows");

        String regenerate = System.getProperty("vigil.seeds");
        if (regenerate != null) {
            writeExcerpt(sample.resolve(EXCERPT), Path.of(regenerate).resolve(seed), table);
        }
        SortedMap<Integer, String> excerpt = readExcerpt(sample.resolve(EXCERPT), seed);
        Elements elements = Elements.of(sample.resolve("src/main/vigil"));

        List<String> problems = new ArrayList<>();
        int encoded = 0;
        for (int i = 0; i < table.rows().size(); i++) {
            FidelityTable.Row row = table.rows().get(i);
            if (!row.index().equals(Integer.toString(i + 1))) {
                problems.add(row + ": rows are numbered 1, 2, 3…; expected " + (i + 1));
            }
            problems.addAll(quoteProblems(row, excerpt));
            FidelityTable.Verdict verdict = FidelityTable.Verdict.of(row.verdict());
            if (verdict == null) {
                problems.add(row + ": verdict `" + row.verdict() + "` is not equal, changed or not encoded");
                continue;
            }
            if (verdict != FidelityTable.Verdict.EQUAL && row.reason().isBlank()) {
                problems.add(row + ": a `" + verdict.text + "` row needs a reason");
            }
            if (verdict != FidelityTable.Verdict.NOT_ENCODED) {
                encoded++;
                if (row.elements().isEmpty()) {
                    problems.add(row + ": name what encodes it as a code span, such as `alert Name`");
                }
                for (String element : row.elements()) {
                    String missing = elements.missing(element);
                    if (missing != null) {
                        problems.add(row + ": " + missing);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        double share = encoded / (double) table.rows().size();
        assertTrue(share >= MIN_ENCODED, String.format("%d of %d seed items encoded (%.1f%%); at least %.0f%% must be",
                encoded, table.rows().size(), 100 * share, 100 * MIN_ENCODED));
    }

    static List<String> quoteProblems(FidelityTable.Row row, SortedMap<Integer, String> excerpt) {
        List<String> out = new ArrayList<>();
        int line;
        try {
            line = Integer.parseInt(row.seedLine());
        } catch (NumberFormatException e) {
            return List.of(row + ": the line cell must be one seed line number, not `" + row.seedLine() + "`");
        }
        String text = excerpt.get(line);
        if (text == null) {
            return List.of(row + ": seed line " + line + " is not in " + EXCERPT
                    + " (regenerate with -Dvigil.seeds=<dir of the seed files>)");
        }
        for (String quote : row.quotes()) {
            if (!FidelityTable.normalise(text).contains(FidelityTable.normalise(quote))) {
                out.add(row + ": seed line " + line + " does not say \"" + quote + "\"; it says: " + text.strip());
            }
        }
        return out;
    }

    private static void writeExcerpt(Path excerpt, Path seed, FidelityTable table) throws IOException {
        assertTrue(Files.isRegularFile(seed), "no seed file " + seed);
        byte[] bytes = Files.readAllBytes(seed);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        SortedMap<Integer, String> quoted = new TreeMap<>();
        for (FidelityTable.Row row : table.rows()) {
            int n;
            try {
                n = Integer.parseInt(row.seedLine());
            } catch (NumberFormatException e) {
                continue;
            }
            assertTrue(n >= 1 && n <= lines.size(), row + ": the seed has " + lines.size() + " lines, not " + n);
            String text = lines.get(n - 1);
            assertTrue(!PRIVATE.matcher(text).find(), row + ": seed line " + n
                    + " holds a credential, host or address and is never copied; quote another line");
            quoted.put(n, text);
        }
        StringBuilder out = new StringBuilder()
                .append("# The lines of seed ").append(seed.getFileName()).append(" that README.md quotes, verbatim.\n")
                .append("# seed sha256 ").append(sha256(bytes)).append('\n')
                .append("# The seed is a field report and stays outside the repository; regenerate this file with\n")
                .append("# mvn -pl targets -am test -Dtest=SampleFidelityTest -Dvigil.seeds=<dir of the seed files>\n");
        quoted.forEach((n, text) -> out.append(n).append('\t').append(text).append('\n'));
        Files.writeString(excerpt, out, StandardCharsets.UTF_8);
    }

    private static SortedMap<Integer, String> readExcerpt(Path excerpt, String seed) throws IOException {
        assertTrue(Files.isRegularFile(excerpt), "no " + excerpt + "; write it with -Dvigil.seeds=<dir of the seed files>");
        List<String> lines = Files.readAllLines(excerpt, StandardCharsets.UTF_8);
        assertTrue(!lines.isEmpty() && lines.get(0).contains(seed), excerpt + " is not an excerpt of " + seed);
        SortedMap<Integer, String> out = new TreeMap<>();
        for (String line : lines) {
            if (!line.startsWith("#")) {
                int tab = line.indexOf('\t');
                assertTrue(tab > 0, excerpt + ": not `line<TAB>text`: " + line);
                out.put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names a fidelity table may cite, read from the compiled sample (templates from its sources). */
    record Elements(Map<String, Set<String>> byKind) {
        static Elements of(Path sources) throws IOException, InputException {
            CompileResult r = Compiler.fromWorkingDirectory().check(List.of(sources));
            Project p = r.project().orElseThrow(() -> new AssertionError("does not compile: " + r.diagnostics()));
            Map<String, Set<String>> names = new TreeMap<>();
            CHECKED_KINDS.forEach(k -> names.put(k, new TreeSet<>()));
            p.constants().forEach(c -> names.get("const").add(c.name()));
            p.routing().receivers().forEach(rc -> names.get("receiver").add(rc.name()));
            for (Service svc : p.services()) {
                svc.constants().forEach(c -> names.get("const").add(c.name()));
                svc.metrics().forEach(m -> names.get("metric").add(m.name()));
                svc.slos().forEach(s -> names.get("slo").add(s.name()));
                for (RuleGroup g : svc.groups()) {
                    g.rules().forEach(rule -> names.get(rule instanceof dev.vigil.compiler.model.Rule.Alert ? "alert" : "record")
                            .add(rule.name()));
                }
                for (Dashboard d : svc.dashboards()) {
                    names.get("dashboard").addAll(Stream.of(d.name(), d.uid(), d.title()).filter(x -> x != null).toList());
                    d.rows().forEach(row -> row.panels().forEach(panel -> {
                        names.get("panel").add(panel.title());
                        if (panel.name() != null) {
                            names.get("panel").add(panel.name());
                        }
                    }));
                }
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".vigil")).toList()) {
                    Matcher m = TEMPLATE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        names.get("template").add(m.group(1));
                    }
                }
            }
            return new Elements(names);
        }

        /** Why {@code element} (such as {@code alert Foo}) is not in the sample, or null if it is or is not checked. */
        String missing(String element) {
            String[] parts = element.split("\\s+", 2);
            if (!CHECKED_KINDS.contains(parts[0])) {
                return null;
            }
            if (parts.length < 2) {
                return "`" + element + "`: name the " + element + ", such as `" + element + " Name`";
            }
            String name = parts[1].strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            return byKind.get(parts[0]).contains(name) ? null
                    : "`" + element + "`: the sample has no " + parts[0] + " named `" + name + "`";
        }
    }
}
