package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.LocalProcesses;
import dev.vigil.targets.verify.ToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `vigil import metrics` against real processes on 127.0.0.1: node_exporter (Debian's
 * prometheus-node-exporter) and a Prometheus scraping it. The imported declarations must compile, and
 * a project that reads them must be checked with them: a `rate` over a gauge the exporter declares is
 * then found.
 */
class LiveMetricsImportTest {
    @TempDir
    Path dir;

    private LocalProcesses processes;

    @BeforeEach
    void logsInTheTemporaryDirectory() {
        processes = new LocalProcesses(dir);
    }

    @AfterEach
    void stop() throws InterruptedException {
        processes.stop();
    }

    private static Path tool(String name) {
        return ToolRunner.locate(name).orElseGet(() -> {
            String missing = "`" + name + "` was not found on the PATH (Debian package "
                    + (name.equals("prometheus") ? "prometheus" : "prometheus-node-exporter") + "; scripts/test-all installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(missing + ". On CI (CI=true) the tool is required.");
            }
            System.err.println("WARNING: " + missing + "; LiveMetricsImportTest is SKIPPED.");
            Assumptions.abort(missing);
            return null;
        });
    }

    @Test
    void importsFromALiveExporterAndPrometheusAndCompilesAProjectThatUsesThem() throws Exception {
        Path exporter = tool("prometheus-node-exporter");
        Path prometheus = tool("prometheus");
        int nodePort = LocalProcesses.freePort();
        Process node = processes.start("node", List.of(exporter.toString(), "--web.listen-address=127.0.0.1:" + nodePort));
        String page = "http://127.0.0.1:" + nodePort + "/metrics";
        processes.await(node, "node", page, body -> body.contains("node_cpu_seconds_total"));

        int promPort = LocalProcesses.freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n", "global:", "  scrape_interval: 1s", "scrape_configs:",
                "  - job_name: node", "    static_configs:", "      - targets: ['127.0.0.1:" + nodePort + "']", ""));
        Process prom = processes.start("prometheus", List.of(prometheus.toString(), "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + promPort, "--storage.tsdb.path=" + dir.resolve("data")));
        String base = "http://127.0.0.1:" + promPort;
        processes.await(prom, "prometheus", base + "/api/v1/metadata?metric=node_cpu_seconds_total",
                body -> body.contains("\"counter\""));
        processes.await(prom, "prometheus", base + "/api/v1/series?match[]=node_cpu_seconds_total", body -> body.contains("\"mode\""));

        Path fromApi = dir.resolve("api/node-metrics.vigil");
        Files.createDirectories(fromApi.getParent());
        LintCommandTest.Run api = LintCommandTest.run("import", "metrics", "--from", base, "--match", "node_.*",
                "--service", "node", "--out", fromApi.toString());
        assertEquals(0, api.status(), api.out() + api.err());
        Path fromPage = dir.resolve("page/node-metrics.vigil");
        Files.createDirectories(fromPage.getParent());
        LintCommandTest.Run direct = LintCommandTest.run("import", "metrics", "--from", page, "--service", "node",
                "--out", fromPage.toString());
        assertEquals(0, direct.status(), direct.out() + direct.err());

        for (Path imported : List.of(fromApi, fromPage)) {
            CompileResult r = Compiler.compile(List.of(new SourceFile("node.vigil", String.join("\n",
                    "service node {",
                    "  team \"infra\"",
                    "  group node every 1m {",
                    "    alert NodeLoadRising {",
                    "      when     rate(node_load1[5m]) > 1",
                    "      for      10m",
                    "      severity warning",
                    "      summary  \"Load rising\"",
                    "    }",
                    "  }",
                    "}", "")), new SourceFile("node-metrics.vigil", Files.readString(imported))));
            Map<String, Metric> metrics = r.project().orElseThrow(() -> new AssertionError(r.diagnostics()))
                    .services().get(0).metrics().stream().collect(Collectors.toMap(Metric::name, m -> m));
            Metric cpu = metrics.get("node_cpu_seconds_total");
            assertEquals(MetricType.COUNTER, cpu.type(), imported.toString());
            assertTrue(cpu.labels().containsAll(List.of("cpu", "mode")), cpu.labels().toString());
            assertFalse(cpu.labels().contains("job") || cpu.labels().contains("instance"), "target labels are implied");
            assertEquals(MetricType.GAUGE, metrics.get("node_load1").type());
            assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("Rate.OnGauge")),
                    "the declarations reach the checks: " + r.diagnostics());
        }
        // Run again: every metric is declared already, nothing changes.
        String before = Files.readString(fromApi);
        LintCommandTest.Run again = LintCommandTest.run("import", "metrics", "--from", base, "--match", "node_.*",
                "--service", "node", "--out", fromApi.toString());
        assertEquals(0, again.status(), again.out() + again.err());
        assertTrue(again.out().contains("added 0 declarations"), again.out());
        assertEquals(before, Files.readString(fromApi));
    }

    @Test
    void aServerThatIsNotThereIsAUsageErrorAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("m.vigil");
        LintCommandTest.Run r = LintCommandTest.run("import", "metrics", "--from", "http://127.0.0.1:" + LocalProcesses.freePort(),
                "--service", "node", "--out", out.toString());
        assertEquals(VigilCommand.EXIT_USAGE, r.status(), r.out() + r.err());
        assertTrue(r.err().startsWith("vigil: cannot read http://127.0.0.1:"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
    }
}
