package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Real-world alert queries (testdata/corpus/awesome-prometheus-alerts, CC BY 4.0, Samuel Berthe and
 * contributors): every query promtool accepts must be accepted, and the one it rejects rejected.
 */
class AwesomeAlertsCorpusTest {
    /** promtool_check.json: only this rule fails upstream, for `\.` inside a double-quoted string. */
    private static final String PROMTOOL_REJECTS = "Kubernetes version mismatch";

    @Test
    @SuppressWarnings("unchecked")
    void acceptsWhatPromtoolAccepts() throws IOException {
        Optional<Path> shared = Optional.of(Corpus.requireSharedDir("AwesomeAlertsCorpusTest"));
        Path file = shared.get().resolve("corpus/awesome-prometheus-alerts/rules.yml");
        org.junit.jupiter.api.Assertions.assertTrue(Files.isRegularFile(file), "rules.yml is missing from testdata/corpus");
        Map<String, Object> root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).load(r);
        }
        Map<String, String> rejected = new TreeMap<>();
        int total = 0;
        for (Map<String, Object> group : list(root, "groups")) {
            for (Map<String, Object> service : list(group, "services")) {
                for (Map<String, Object> exporter : list(service, "exporters")) {
                    for (Map<String, Object> rule : list(exporter, "rules")) {
                        String query = String.valueOf(rule.get("query"));
                        total++;
                        DiagnosticSink sink = new DiagnosticSink();
                        Optional<Expr> e = PromqlParser.parse(query, sink);
                        e.ifPresent(x -> PromqlChecker.check(x, sink));
                        if (e.isEmpty() || sink.hasErrors()) {
                            rejected.put(String.valueOf(rule.get("name")), sink.sorted().get(0).code());
                        }
                    }
                }
            }
        }
        System.out.printf("awesome-prometheus-alerts: %d/%d queries accepted%n", total - rejected.size(), total);
        assertTrue(total > 1000, "rules read: " + total);
        assertEquals(List.of(PROMTOOL_REJECTS), List.copyOf(rejected.keySet()), rejected.toString());
    }

    /** A list-valued key; some exporters list no rules. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
