package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.compiler.target.TargetVersions.Tool;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VigilCommandTest {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", ".."));

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = VigilCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aJvmErrorIsAnInternalErrorNotATrace() {
        // Stands for a stack overflow no input limit caught: the backstop turns it into status 70.
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = VigilCommand.execute(new String[] {"check", "."}, new PrintWriter(out, true),
                new PrintWriter(err, true), new picocli.CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> type) throws Exception {
                        if (type == CheckCommand.class) {
                            throw new StackOverflowError();
                        }
                        return picocli.CommandLine.defaultFactory().create(type);
                    }
                });
        assertEquals(70, status, err.toString());
        assertEquals(List.of("vigil: internal error: the JVM ran out of stack; this is a bug in Vigil; please report it"
                + " with the input."), err.toString().lines().toList());
    }

    @Test
    void theCrmEventsSampleChecksCleanly() {
        Run r = run("check", REPO.resolve("samples/crm-events").toString());
        assertEquals(0, r.status(), r.out() + r.err());
        // The seed's recording-rule names are kept with a reason (`vigil:ignore Naming.RecordingRule`).
        assertTrue(r.out().contains("0 errors, 0 warnings, 4 suppressed"), r.out());
    }

    @Test
    void threeIndependentMistakesAreAllReportedWithCarets(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("checkout.vigil");
        Files.writeString(file, String.join("\n",
                "service checkout {",
                "  const threshold = 0.05",
                "  group api {",
                "    alert CheckoutErrors {",
                "      when job:http_errors:ratio_rate5m > $treshold",
                "      for 5",
                "      severity urgent",
                "    }",
                "  }",
                "}",
                ""));
        Run r = run("check", file.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("checkout.vigil:5:43: error[Reference.Unknown]: Unknown constant `$treshold`."), r.out());
        assertTrue(r.out().contains("5 |       when job:http_errors:ratio_rate5m > $treshold\n"
                + "  |                                           ^^^^^^^^^\n"
                + "  = hint: Did you mean `$threshold`?"), r.out());
        assertTrue(r.out().contains("checkout.vigil:6:11: error[Type.Mismatch]:"), r.out());
        assertTrue(r.out().contains("checkout.vigil:7:16: error[Alert.UnknownSeverity]: Unknown severity `urgent`."), r.out());
        assertTrue(r.out().contains("3 errors, 0 warnings"), r.out());
    }

    @Test
    void jsonOutputHasExactlyTheContractKeys(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.vigil");
        Files.writeString(file, "service s {\n  team 5\n}\n");
        Run r = run("check", "--format", "json", file.toString());
        assertEquals(1, r.status());
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertTrue(array.isArray() && array.size() == 1, r.out());
        JsonNode d = array.get(0);
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertEquals(List.of("file", "line", "column", "endLine", "endColumn", "severity", "code", "message", "hint"), keys);
        assertEquals(2, d.get("line").asInt());
        assertEquals(8, d.get("column").asInt());
        assertEquals(9, d.get("endColumn").asInt());
        assertEquals("error", d.get("severity").asText());
        assertEquals("Type.Mismatch", d.get("code").asText());
    }

    @Test
    void jsonOutputForACleanProjectIsAnEmptyArray(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("clean.vigil"), "service s {\n  team \"t\"\n}\n");
        Run r = run("check", "--format", "json", dir.toString());
        assertEquals(0, r.status());
        assertEquals("[ ]", r.out().strip());
    }

    @Test
    void missingPathsAndBadOptionsAreUsageErrors() {
        assertEquals(2, run("check", "does/not/exist").status());
        assertEquals(2, run("check", "--format", "xml", REPO.resolve("samples").toString()).status());
        assertEquals(2, run("check").status());
        assertEquals(2, run("frobnicate").status());
    }

    @Test
    void directoriesSkipBuildOutput(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/broken.vigil"), "service {");
        Files.createDirectories(dir.resolve("build"));
        Files.writeString(dir.resolve("build/broken.vigil"), "service {");
        Files.writeString(dir.resolve("ok.vigil"), "service s {\n  team \"a\"\n}\n");
        assertEquals(0, run("check", dir.toString()).status());
    }

    @Test
    void importsAreFollowedAndMissingOnesReported(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(dir.resolve("common"));
        Files.writeString(dir.resolve("common/defs.vigil"), "const threshold = 4\n");
        Files.writeString(dir.resolve("project/a.vigil"), String.join("\n",
                "import \"../common/defs.vigil\"",
                "service s {",
                "  group g {",
                "    record job:x:max = max(x) > $threshold",
                "  }",
                "}",
                ""));
        assertEquals(0, run("check", dir.resolve("project").toString()).status());

        Files.writeString(dir.resolve("project/b.vigil"), "import \"../common/missing.vigil\"\n");
        Run r = run("check", dir.resolve("project").toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("error[Input.ImportNotFound]"), r.out());
    }

    @Test
    void helpAndVersionWork() {
        Run help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("check"), help.out());
        Run checkHelp = run("check", "--help");
        assertTrue(checkHelp.out().contains("vigil check samples/crm-events"), checkHelp.out());
        Run version = run("--version");
        assertEquals(0, version.status());
        List<String> lines = version.out().lines().toList();
        assertTrue(lines.get(0).matches("vigil \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version.out());
        // The default targets, as the compiler defines them.
        assertEquals("targets by default: Prometheus " + Tool.PROMETHEUS.byDefault() + ", Alertmanager "
                + Tool.ALERTMANAGER.byDefault() + ", Grafana " + Tool.GRAFANA.byDefault(), lines.get(1));
        assertTrue(lines.get(2).startsWith("Java " + System.getProperty("java.version")), version.out());
    }

    @Test
    void explainPrintsTheCheckPage() {
        Run r = run("--explain", "Name.Duplicate");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("# Name.Duplicate"), r.out());
        assertTrue(r.out().contains("## Why it hurts"), r.out());
        Run unknown = run("--explain", "Name.Duplicat");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("Did you mean `Name.Duplicate`?"), unknown.err());
    }

    @Test
    void strictTurnsWarningsIntoErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.vigil");
        Files.writeString(file, "checks {\n  Alert.NoSuchCheck error\n}\n");
        assertEquals(0, run("check", file.toString()).status());
        assertEquals(1, run("check", "--strict", file.toString()).status());
    }

    @Test
    void aSilencedFindingIsLeftOutOfTheTextButKeptInTheJsonWithItsReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("batch.vigil");
        Files.writeString(file, String.join("\n",
                "service batch {",
                "  links { runbooks \"https://runbooks.example.com/batch\" }",
                "  group g {",
                "    // vigil:ignore Alert.ForTooShort the export runs once and fails once",
                "    alert BatchExportFailed {",
                "      when     export_last_success_timestamp_seconds < time() - 86400",
                "      severity critical",
                "      summary  \"The nightly export has not succeeded for a day\"",
                "      runbook { triage \"Read the export job's log.\" }",
                "    }",
                "  }",
                "}",
                ""));
        Run text = run("check", file.toString());
        assertEquals(0, text.status(), text.out());
        assertFalse(text.out().contains("Alert.ForTooShort"), text.out());
        assertTrue(text.out().contains("0 errors, 0 warnings, 1 suppressed"), text.out());
        Run json = run("check", "--format", "json", file.toString());
        assertEquals(0, json.status(), json.out());
        assertTrue(json.out().contains("\"code\" : \"Alert.ForTooShort\""), json.out());
        assertTrue(json.out().contains("\"suppressed\" : \"the export runs once and fails once\""), json.out());
    }

    @Test
    void targetVersionsAreOptionsOfCheckBuildAndLint(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.vigil");
        Files.writeString(file, "settings {\n  prometheus_features [\"promql-experimental-functions\"]\n}\n"
                + "service api {\n  group g every 1m {\n"
                + "    record job:latency:mad = mad_over_time(http_request_duration_seconds[10m])\n  }\n}\n");
        assertEquals(0, run("check", file.toString()).status(), "the default target, Prometheus 3.5, has it");
        Run old = run("check", "--prometheus-version", "2.42", file.toString());
        assertEquals(1, old.status());
        assertTrue(old.out().contains("error[Target.Unsupported]: The target, Prometheus 2.42, lacks the function "
                + "`mad_over_time`, new in 2.49."), old.out());
        assertEquals(0, run("check", "--prometheus-version", "2.49", file.toString()).status());

        Run bad = run("check", "--prometheus-version", "2.x", file.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--prometheus-version: `2.x` is not a Prometheus version such as `3.5`."), bad.err());
        Run tooOld = run("build", "--grafana-version", "9.5", dir.toString());
        assertEquals(2, tooOld.status());
        assertTrue(tooOld.err().contains("--grafana-version: Grafana 9.5 is too old"), tooOld.err());

        Path rules = dir.resolve("rules.yml");
        Files.writeString(rules, "groups:\n- name: g\n  rules:\n  - record: job:q:smoothed\n"
                + "    expr: holt_winters(queue_depth[1h], 0.3, 0.1)\n");
        assertEquals(0, run("lint", "--prometheus-version", "2.53", rules.toString()).status());
        Run three = run("lint", rules.toString());
        assertEquals(1, three.status());
        assertTrue(three.out().contains("error[Target.Removed]"), three.out());
    }

    @Test
    void lintTakesTheFeatureFlagsThePrometheusRunsWith(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules.yml");
        Files.writeString(rules, "groups:\n- name: g\n  rules:\n  - record: job:latency:mad\n"
                + "    expr: mad_over_time(http_request_duration_seconds[10m])\n");
        Run without = run("lint", rules.toString());
        assertEquals(1, without.status(), without.out());
        assertTrue(without.out().contains("error[PromQL.ExperimentalFeature]: `mad_over_time` is experimental: "
                + "Prometheus reads it only when started with `--enable-feature=promql-experimental-functions`."),
                without.out());
        Run with = run("lint", "--prometheus-feature", "promql-experimental-functions", rules.toString());
        assertEquals(0, with.status(), with.out());
        Run typo = run("lint", "--prometheus-feature", "promql-experimental-function", rules.toString());
        assertEquals(2, typo.status());
        assertTrue(typo.err().contains("--prometheus-feature: `promql-experimental-function` is not a feature flag"),
                typo.err());
        assertEquals("", typo.out());
    }
}
