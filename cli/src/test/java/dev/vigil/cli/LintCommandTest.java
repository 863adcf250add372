package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = VigilCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private static final String RULES = String.join("\n",
            "groups:",
            "  - name: api",
            "    rules:",
            "      - alert: ApiDown",
            "        expr: up{job=\"api\"} == 0",
            "        for: 5",
            "");

    @Test
    void aDirectoryIsSearchedAndMistakesArePrintedWithCarets(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("rules/api.yaml"), RULES);
        Files.writeString(dir.resolve(".git/ignored.yml"), "groups: 3\n");
        Files.writeString(dir.resolve("target/ignored.yml"), "groups: 3\n");
        Files.writeString(dir.resolve("docker-compose.yml"), "services: {}\n");
        Run r = run("lint", dir.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("api.yaml:6:14: error[Type.InvalidDuration]:"), r.out());
        assertTrue(r.out().contains("6 |         for: 5\n  |              ^"), r.out());
        assertTrue(r.out().contains("1 error, 0 warnings") || r.out().contains("1 error"), r.out());
        assertTrue(!r.out().contains("ignored") && !r.out().contains("docker-compose"), r.out());
    }

    @Test
    void jsonHasTheKeysOfCheck(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("am.yml");
        Files.writeString(f, "route:\n  receiver: pagr\nreceivers:\n  - name: pager\n");
        Run r = run("lint", "--format", "json", f.toString());
        assertEquals(1, r.status(), r.err());
        JsonNode arr = new ObjectMapper().readTree(r.out());
        // The unknown receiver, and the receiver nothing routes to.
        assertEquals(2, arr.size(), r.out());
        JsonNode d = arr.get(0);
        List<String> keys = new java.util.ArrayList<>();
        d.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("file", "line", "column", "endLine", "endColumn", "severity", "code", "message", "hint"), keys);
        assertEquals("Reference.Unknown", d.get("code").asText());
        assertEquals(List.of(2, 13), List.of(d.get("line").asInt(), d.get("column").asInt()));
    }

    @Test
    void strictTurnsWarningsIntoErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("r.yml");
        Files.writeString(f, "groups:\n- name: g\n  rules:\n  # vigil:ignore Type.Mismatch nothing reports it\n"
                + "  - alert: A\n    expr: up == 0\n");
        assertEquals(0, run("lint", f.toString()).status());
        Run strict = run("lint", "--strict", f.toString());
        assertEquals(1, strict.status(), strict.out());
        assertTrue(strict.out().contains("error[Suppression.Unused]"), strict.out());
    }

    @Test
    void aCleanFileSaysSo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("r.yml");
        Files.writeString(f, RULES.replace("for: 5", "for: 5m"));
        Run r = run("lint", "--scrape-interval", "15s", f.toString());
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("ok: no problems found"), r.out());
    }

    @Test
    void usageAndInputMistakesExitWithTwo(@TempDir Path dir) throws IOException {
        assertEquals(2, run("lint", dir.resolve("missing.yml").toString()).status());
        assertEquals(2, run("lint", dir.toString()).status(), "no YAML files");
        Files.writeString(dir.resolve("r.yml"), RULES);
        Run bad = run("lint", "--scrape-interval", "soon", dir.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--scrape-interval"), bad.err());
        assertEquals(2, run("lint", "--format", "xml", dir.toString()).status());
    }

    @Test
    void targetLabelsDecideWhetherScrapedSeriesHaveJob(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("r.yml");
        Files.writeString(f, "groups:\n- name: g\n  rules:\n  - alert: ErrorShareHigh\n"
                + "    expr: sum by (job) (rate(errors_total[5m])) > sum(rate(requests_total[5m])) * 0.1\n"
                + "    for: 5m\n");
        Run assumed = run("lint", f.toString());
        assertEquals(1, assumed.status(), assumed.out());
        assertTrue(assumed.out().contains("error[Matching.NeverMatches]: The two sides of `>` never match: every "
                + "left-hand series has `job`"), assumed.out());
        Run none = run("lint", "--target-labels", "", f.toString());
        assertEquals(0, none.status(), none.out());
        assertTrue(!none.out().contains("Matching.NeverMatches"), none.out());
        Run bad = run("lint", "--target-labels", "job,in-stance", f.toString());
        assertEquals(2, bad.status(), bad.out());
        assertTrue(bad.err().contains("--target-labels: `in-stance` is not a label name."), bad.err());
    }

    @Test
    void infoIsPrintedAndCountedButNeverFails(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("r.yml");
        Files.writeString(f, "groups:\n- name: g\n  rules:\n  - record: requests_rate5m\n"
                + "    expr: sum by (job) (rate(requests_total[5m]))\n");
        for (String strict : List.of("--scrape-interval=1m", "--strict")) {
            Run r = run("lint", strict, f.toString());
            assertEquals(0, r.status(), r.out());
            assertTrue(r.out().contains("info[Naming.RecordingRule]: Recording rule `requests_rate5m`"), r.out());
            assertTrue(r.out().contains("0 errors, 0 warnings, 1 info"), r.out());
        }
        Run json = run("lint", "--format", "json", f.toString());
        assertEquals("info", new ObjectMapper().readTree(json.out()).get(0).get("severity").asText(), json.out());
    }

    @Test
    void helpShowsAnExample() {
        Run r = run("lint", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("vigil lint monitoring/prometheus/rules.yml"), r.out());
        assertTrue(r.out().contains("vigil:ignore"), r.out());
    }
}
