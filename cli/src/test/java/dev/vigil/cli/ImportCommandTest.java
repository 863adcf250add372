package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil import}: where it writes, what it refuses to overwrite, and that it writes all or nothing. */
class ImportCommandTest {
    private static final String RULES = String.join("\n",
            "groups:",
            "  - name: shop",
            "    rules:",
            "      - alert: ShopDown",
            "        expr: up{job=\"shop\"} == 0",
            "        for: 5m",
            "        labels:",
            "          severity: critical",
            "        annotations:",
            "          summary: Shop is down",
            "          runbook_url: https://runbooks.example.com/shop",
            "");

    private static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Labels another host writes empty, which one page cannot show, are declared optional when named. */
    @Test
    void importMetricsDeclaresTheNamedLabelsOptional(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("node.txt");
        Files.writeString(page, String.join("\n",
                "# TYPE node_os_info gauge",
                "node_os_info{id=\"debian\",name=\"Debian GNU/Linux\",version=\"12 (bookworm)\",variant=\"\"} 1",
                "# TYPE node_exporter_build_info gauge",
                "node_exporter_build_info{version=\"1.11.1\"} 1", ""));
        Path out = dir.resolve("node-metrics.vigil");
        LintCommandTest.Run r = LintCommandTest.run("import", "metrics", "--from", page.toString(), "--service", "node",
                "--out", out.toString(), "--optional-labels", "node_os_info:version,name");
        assertEquals(0, r.status(), r.out() + r.err());
        String written = Files.readString(out);
        // `name` everywhere, `version` of node_os_info only; `variant` was empty on the page itself.
        assertTrue(written.contains(String.join("\n", "  metric node_os_info gauge {", "    labels          [id]",
                "    optional_labels [name, variant, version]", "  }")), written);
        assertTrue(written.contains(String.join("\n", "  metric node_exporter_build_info gauge {", "    labels [version]",
                "  }")), written);
    }

    @Test
    void writesOneFilePerServiceIntoOutAndCompiles(@TempDir Path dir) throws IOException {
        Path rules = write(dir, "rules.yaml", RULES);
        Path out = dir.resolve("out");
        LintCommandTest.Run r = LintCommandTest.run("import", "--out", out.toString(), rules.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals(List.of("shop.vigil"), listing(out), "one file, named after the service; no staging left behind");
        assertTrue(r.out().contains("wrote 1 service, 1 group, 1 rule, 0 SLOs, 0 dashboards, 0 receivers"), r.out());
        String text = Files.readString(out.resolve("shop.vigil"));
        assertTrue(text.contains("runbook  \"https://runbooks.example.com/shop\""), text);
        assertEquals(0, LintCommandTest.run("check", out.toString()).status(), "the imported source compiles");
    }

    @Test
    void refusesToOverwriteWithoutForceAndWritesNothing(@TempDir Path dir) throws IOException {
        Path rules = write(dir, "rules.yaml", RULES);
        Path routing = write(dir, "am.yaml", "route:\n  receiver: hook\nreceivers:\n  - name: hook\n"
                + "    webhook_configs:\n      - url: http://127.0.0.1:9095/hook\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        write(out, "shop.vigil", "// mine\n");
        LintCommandTest.Run r = LintCommandTest.run("import", "--out", out.toString(), rules.toString(), routing.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("shop.vigil exists; nothing was written"), r.err());
        assertTrue(r.err().contains("--force"), r.err());
        assertEquals("// mine\n", Files.readString(out.resolve("shop.vigil")), "the existing file is untouched");
        assertEquals(List.of("shop.vigil"), listing(out), "routing.vigil was not written either");

        LintCommandTest.Run forced = LintCommandTest.run("import", "--force", "--out", out.toString(), rules.toString(),
                routing.toString());
        assertEquals(0, forced.status(), forced.out() + forced.err());
        assertEquals(List.of("routing.vigil", "shop.vigil"), listing(out));
        assertTrue(Files.readString(out.resolve("shop.vigil")).startsWith("service shop {"));
    }

    @Test
    void anInputWithErrorsWritesNothingAndExitsOne(@TempDir Path dir) throws IOException {
        Path good = write(dir, "good.yaml", RULES);
        Path bad = write(dir, "bad.yaml", "groups:\n  - name: x\n    rules:\n      - alert: Y\n        expresion: up\n");
        Path out = dir.resolve("out");
        LintCommandTest.Run r = LintCommandTest.run("import", "--out", out.toString(), good.toString(), bad.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("bad.yaml:5:9"), "the error is positioned: " + r.out());
        assertTrue(r.out().contains("wrote nothing"), r.out());
        assertFalse(Files.exists(out), "not even the output directory is created");
    }

    @Test
    void baselineOfAwesomePrometheusAlertsThenCheckExitsZero(@TempDir Path dir) {
        Path corpus = Path.of(System.getProperty("vigil.repo", "..")).resolve(
                "testdata/corpus/awesome-prometheus-alerts/prometheus_rules.yaml");
        Path out = dir.resolve("out");
        LintCommandTest.Run imported = LintCommandTest.run("import", "--baseline", "--out", out.toString(), corpus.toString());
        assertEquals(0, imported.status(), imported.err());
        assertTrue(imported.out().contains("suppressed by the baseline; 0 errors remain"), imported.out());
        // docs/import.md shows this summary; it must be what import prints.
        String doc = assertDoesNotThrow(() -> Files.readString(Path.of(System.getProperty("vigil.repo", ".."))
                .resolve("docs/import.md")));
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("```text\n(read 1 file[^`]*)```").matcher(doc);
        assertTrue(shown.find(), "docs/import.md shows a summary");
        assertTrue(imported.out().endsWith(shown.group(1)), "docs/import.md's summary:\n" + shown.group(1)
                + "\nprinted:\n" + imported.out());
        // ... and the suppression it shows is one that import writes.
        java.util.regex.Matcher ignore = java.util.regex.Pattern.compile("```text\n(// vigil:ignore [^\n]*)\n```").matcher(doc);
        assertTrue(ignore.find(), "docs/import.md shows a baseline suppression");
        String written = assertDoesNotThrow(() -> {
            StringBuilder all = new StringBuilder();
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.sorted().toList()) {
                    all.append(Files.readString(f));
                }
            }
            return all.toString();
        });
        assertTrue(written.contains(ignore.group(1)), "import --baseline does not write " + ignore.group(1));
        LintCommandTest.Run check = LintCommandTest.run("check", out.toString());
        assertEquals(0, check.status(), check.out());
        assertTrue(check.out().matches("(?s).*0 errors, 0 warnings, [1-9][0-9]* suppressed.*"), check.out());
    }
}
