package dev.vigil.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What {@code vigil lint} finds on rules that run in production (testdata/corpus: the four upstream
 * mixins and awesome-prometheus-alerts), counted per check and severity. The counts are pinned in
 * docs/corpus-findings.md, between {@code <!-- counts -->} markers, so that a change in precision is
 * a visible diff there; {@code -Dvigil.golden.update=true} rewrites them.
 */
class CorpusFindingsTest {
    /** Each corpus, linted as a whole: a mixin's recording rules are known to its alerts. */
    private static final Map<String, String> CORPORA = new TreeMap<>(Map.of(
            "alertmanager-mixin", "mixins/alertmanager-mixin",
            "awesome-prometheus-alerts", "awesome-prometheus-alerts",
            "node-mixin", "mixins/node-mixin",
            "prometheus-mixin", "mixins/prometheus-mixin",
            "thanos-mixin", "mixins/thanos-mixin"));
    private static final Pattern SECTION = Pattern.compile("(<!-- counts -->\\n)(.*?)(<!-- /counts -->)", Pattern.DOTALL);

    private static Path repo() {
        return Path.of(System.getProperty("vigil.repo", ".."));
    }

    @Test
    void countsPerCheckAndSeverityAreThoseInTheDocs() throws IOException, InputException {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Map.Entry<String, String> c : CORPORA.entrySet()) {
            Path dir = repo().resolve("testdata/corpus").resolve(c.getValue());
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
            assertTrue(!files.isEmpty(), "no rule files in " + dir);
            CompileResult r = new Linter(new SourceLoader(dir), Linter.Options.DEFAULT).lint(files);
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().startsWith("Internal") || d.code().startsWith("Yaml")),
                    r.diagnostics().toString());
            if (c.getKey().equals("awesome-prometheus-alerts")) {
                // promtool rejects exactly one rule of this file (see the corpus README): `\.` in a double-quoted
                // string. Lint reports that one string once, as an invalid escape, and nothing else as unparsable.
                List<Diagnostic> unparsable = r.diagnostics().stream()
                        .filter(d -> d.inFamily("Syntax") || d.code().equals("PromQL.InvalidString")).toList();
                assertEquals(1, unparsable.size(), unparsable.toString());
                assertTrue(unparsable.get(0).message().contains("`\\.`"), unparsable.toString());
            }
            Map<String, Integer> perCheck = new TreeMap<>();
            for (Diagnostic d : r.diagnostics()) {
                perCheck.merge(d.code() + "\t" + d.severity().label(), 1, Integer::sum);
            }
            counts.put(c.getKey(), perCheck);
        }
        String table = table(counts);
        Path doc = repo().resolve("docs/corpus-findings.md");
        String text = Files.readString(doc);
        Matcher m = SECTION.matcher(text);
        assertTrue(m.find(), "docs/corpus-findings.md has no <!-- counts --> section");
        if (Boolean.getBoolean("vigil.golden.update")) {
            Files.writeString(doc, text.substring(0, m.start(2)) + table + text.substring(m.end(2)), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(m.group(2), table, "the findings on the corpus changed; if that is intended, run with "
                + "-Dvigil.golden.update=true and explain the change in docs/corpus-findings.md");
    }

    /** One table: a row per check and severity, a column per corpus, errors first. */
    private static String table(Map<String, Map<String, Integer>> counts) {
        List<String> corpora = new ArrayList<>(counts.keySet());
        Map<String, int[]> rows = new TreeMap<>();
        for (int i = 0; i < corpora.size(); i++) {
            for (Map.Entry<String, Integer> e : counts.get(corpora.get(i)).entrySet()) {
                rows.computeIfAbsent(e.getKey(), k -> new int[corpora.size()])[i] = e.getValue();
            }
        }
        List<String> keys = new ArrayList<>(rows.keySet());
        keys.sort(Comparator.comparing((String k) -> rank(k.substring(k.indexOf('\t') + 1))).thenComparing(k -> k));
        StringBuilder out = new StringBuilder("| check | severity |");
        corpora.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|---|").append("---:|".repeat(corpora.size())).append('\n');
        int[] totals = new int[corpora.size()];
        int[] errors = new int[corpora.size()];
        for (String k : keys) {
            String[] parts = k.split("\t");
            out.append("| `").append(parts[0]).append("` | ").append(parts[1]).append(" |");
            int[] v = rows.get(k);
            for (int i = 0; i < v.length; i++) {
                out.append(' ').append(v[i]).append(" |");
                totals[i] += v[i];
                if (parts[1].equals("error")) {
                    errors[i] += v[i];
                }
            }
            out.append('\n');
        }
        out.append("| **errors** | |");
        for (int e : errors) {
            out.append(" **").append(e).append("** |");
        }
        out.append("\n| **all findings** | |");
        for (int t : totals) {
            out.append(" **").append(t).append("** |");
        }
        return out.append('\n').toString();
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "error" -> 0;
            case "warning" -> 1;
            case "info" -> 2;
            default -> 3;
        };
    }
}
