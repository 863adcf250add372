package dev.vigil.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.SourceLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * `vigil lint` over the awesome-prometheus-alerts rule file (testdata/corpus, CC BY 4.0, Samuel Berthe
 * and contributors): it must not crash, and what it finds is counted per check into
 * {@code target/corpus-findings.txt}.
 */
class LintCorpusTest {
    @Test
    void lintsTheAwesomeAlertsRuleFile() throws IOException, InputException {
        Path file = Path.of(System.getProperty("vigil.repo", ".."))
                .resolve("testdata/corpus/awesome-prometheus-alerts/prometheus_rules.yaml");
        assertTrue(Files.isRegularFile(file), "prometheus_rules.yaml is missing from testdata/corpus");
        CompileResult r = new Linter(new SourceLoader(file.getParent()), Linter.Options.DEFAULT).lint(List.of(file));
        Map<String, Integer> counts = new TreeMap<>();
        for (Diagnostic d : r.diagnostics()) {
            counts.merge(d.code() + " (" + d.severity().label() + ")", 1, Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        lines.add("vigil lint " + file.getFileName() + ": " + r.diagnostics().size() + " findings");
        counts.forEach((k, v) -> lines.add(String.format("%6d  %s", v, k)));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/corpus-findings.txt"), lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().startsWith("Internal") || d.code().startsWith("Yaml")),
                r.diagnostics().toString());
        // promtool rejects exactly one rule of this file (see the corpus README): `\.` in a double-quoted
        // string. Lint reports that one string once, as an invalid escape, and nothing else as unparsable.
        List<Diagnostic> unparsable = r.diagnostics().stream()
                .filter(d -> d.inFamily("Syntax") || d.code().equals("PromQL.InvalidString")).toList();
        Assertions.assertEquals(1, unparsable.size(), unparsable.toString());
        Assertions.assertTrue(unparsable.get(0).message().contains("`\\.`"), unparsable.toString());
    }

}
