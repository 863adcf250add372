package dev.vigil.compiler.importer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** `vigil import metrics`: reading /metrics pages and Prometheus's API, and merging declarations into a file. */
class MetricImportTest {
    private static final String PAGE = String.join("\n",
            "# HELP http_requests_total Requests served, by code \\\\ method.\\nSecond line.",
            "# TYPE http_requests_total counter",
            "http_requests_total{code=\"200\",method=\"get\"} 1027 1395066363000",
            "http_requests_total{code=\"500\",method=\"post\",} 3",
            "# HELP request_seconds Latency.",
            "# TYPE request_seconds histogram",
            "request_seconds_bucket{le=\"0.1\",route=\"/a\"} 1",
            "request_seconds_bucket{le=\"+Inf\",route=\"/a\"} 2",
            "request_seconds_sum{route=\"/a\"} 0.3",
            "request_seconds_count{route=\"/a\"} 2",
            "# TYPE rpc_seconds summary",
            "rpc_seconds{quantile=\"0.5\",service=\"x\"} 0.1",
            "rpc_seconds_sum{service=\"x\"} 1",
            "rpc_seconds_count{service=\"x\"} 10",
            "# TYPE temperature gauge",
            "# UNIT temperature celsius",
            "temperature{room=\"a \\\"b\\\", c\"} 21.5",
            "# TYPE disk_io untyped",
            "disk_io 7",
            "# TYPE build counter",
            "build_total{version=\"1\"} 1",
            "build_created 1.6e9",
            "no_metadata{a=\"1\"} 1",
            "# EOF",
            "");

    /** Prometheus's {@code /api/v1/metadata} answer around {@code entries}, each {@code "name":[{"type":...}]}. */
    private static SourceFile metadata(String entries) {
        return new SourceFile("meta", "{\"status\":\"success\",\"data\":{" + entries + "}}");
    }

    /** Prometheus's {@code /api/v1/series} answer around {@code series}, each its labels as an object. */
    private static SourceFile series(String series) {
        return new SourceFile("series", "{\"status\":\"success\",\"data\":[" + series + "]}");
    }

    /** The families read from the two answers, with {@code job} and {@code instance} as the target labels. */
    private static Map<String, MetricFamily> fromApi(SourceFile metadata, SourceFile series,
            java.util.function.Predicate<String> wanted, DiagnosticSink sink) {
        return byName(PrometheusApi.read(metadata, series, Set.of("job", "instance"), wanted, sink));
    }

    /** The families of {@link #PAGE}. */
    private static List<MetricFamily> page(DiagnosticSink sink) {
        return Exposition.read(new SourceFile("page.txt", PAGE), sink);
    }

    private static Map<String, MetricFamily> byName(List<MetricFamily> families) {
        return families.stream().collect(Collectors.toMap(MetricFamily::name, f -> f));
    }

    @Test
    void aPageGivesEachFamilysTypeHelpUnitAndLabels() {
        DiagnosticSink sink = new DiagnosticSink();
        Map<String, MetricFamily> f = byName(page(sink));
        assertEquals(List.of(), sink.all());
        assertEquals(Set.of("http_requests_total", "request_seconds", "rpc_seconds", "temperature", "disk_io", "build_total",
                "no_metadata"), f.keySet());
        MetricFamily requests = f.get("http_requests_total");
        assertEquals(MetricType.COUNTER, requests.type());
        assertEquals("Requests served, by code \\ method.\nSecond line.", requests.help());
        assertEquals(List.of("code", "method"), requests.labels());
        assertEquals(List.of("route"), f.get("request_seconds").labels(), "le is the histogram's own");
        assertEquals(List.of("service"), f.get("rpc_seconds").labels(), "quantile is the summary's own");
        assertEquals("celsius", f.get("temperature").unit());
        assertEquals(List.of("room"), f.get("temperature").labels());
        assertEquals(null, f.get("disk_io").type());
        // OpenMetrics: the counter family `build` is read as `build_total`, and `_created` is no label or metric.
        assertEquals(MetricType.COUNTER, f.get("build_total").type());
        assertEquals(List.of("version"), f.get("build_total").labels());
        assertEquals(null, f.get("no_metadata").type());
        assertEquals(1, requests.span().line(), "where the family is first named");
    }

    /** node_exporter 1.8 and later write `device_error=""` on healthy filesystems; Prometheus stores it as absent. */
    private static final String EMPTY_LABELS = String.join("\n",
            "# TYPE node_filesystem_avail_bytes gauge",
            "node_filesystem_avail_bytes{device=\"/dev/sda1\",device_error=\"\",fstype=\"ext4\",mountpoint=\"/\"} 1e9",
            "node_filesystem_avail_bytes{device=\"/dev/sdb1\",device_error=\"\",fstype=\"ext4\",mountpoint=\"/data\"} 2e9",
            "# TYPE node_filesystem_size_bytes gauge",
            "node_filesystem_size_bytes{device=\"/dev/sda1\",device_error=\"\",fstype=\"ext4\",mountpoint=\"/\"} 4e9",
            "node_filesystem_size_bytes{device=\"/dev/sdb1\",device_error=\"permission denied\",fstype=\"ext4\",mountpoint=\"/data\"} 8e9",
            "# TYPE node_network_info gauge",
            "node_network_info{device=\"eth0\",duplex=\"full\",operstate=\"up\"} 1",
            "node_network_info{device=\"lo\",operstate=\"unknown\"} 1",
            "");

    @Test
    void aLabelWrittenEmptyOrLeftOffSomeSeriesIsOptional() {
        DiagnosticSink sink = new DiagnosticSink();
        Map<String, MetricFamily> f = byName(Exposition.read(new SourceFile("page.txt", EMPTY_LABELS), sink));
        assertEquals(List.of(), sink.all());
        assertEquals(List.of("device", "fstype", "mountpoint"), f.get("node_filesystem_avail_bytes").labels());
        assertEquals(List.of("device_error"), f.get("node_filesystem_avail_bytes").optionalLabels(), "empty on every series");
        assertEquals(List.of("device_error"), f.get("node_filesystem_size_bytes").optionalLabels(), "empty on one");
        assertEquals(List.of("device", "operstate"), f.get("node_network_info").labels());
        assertEquals(List.of("duplex"), f.get("node_network_info").optionalLabels(), "left off one");
        String decl = MetricDeclarations.declaration(f.get("node_filesystem_avail_bytes"));
        assertTrue(decl.contains("optional_labels [device_error]"), decl);
    }

    /** A disk alert whose `{device_error=""}` keeps the series without it, which the right-hand side has too. */
    private static SourceFile diskAlert(String test) {
        return new SourceFile("alerts.vigil", """
                service node {
                  team "infra"
                  group fs {
                    alert DiskAlmostFull {
                      when     node_filesystem_avail_bytes{device_error=""} / node_filesystem_size_bytes < 0.05
                      for      30m
                      severity warning
                      summary  "{{ $labels.mountpoint }} is almost full"
                    }
                  }
                """ + test + "}\n");
    }

    @Test
    void anOptionalLabelNeitherBreaksAJoinNorIsAskedOfTestSeries() {
        DiagnosticSink sink = new DiagnosticSink();
        String declarations = MetricDeclarations.merge("node.vigil", Optional.empty(), "node",
                Exposition.read(new SourceFile("page.txt", EMPTY_LABELS), sink), sink).orElseThrow().text();
        CompileResult r = Compiler.compile(List.of(new SourceFile("node.vigil", declarations), diskAlert("""
                  test "a full disk" {
                    every 1m
                    series node_filesystem_avail_bytes{device="/dev/sda1", fstype="ext4", mountpoint="/"} = "1x40"
                    series node_filesystem_size_bytes{device="/dev/sda1", fstype="ext4", mountpoint="/"} = "100x40"
                    at 35m expect alert DiskAlmostFull {device="/dev/sda1", fstype="ext4", mountpoint="/"}
                  }
                """)));
        assertEquals(List.of(), r.diagnostics().stream().map(Diagnostic::toString).toList());
        // The same declaration with `device_error` on every series makes the join look impossible.
        CompileResult strict = Compiler.compile(List.of(new SourceFile("node.vigil", declarations
                .replace("labels          [device, fstype, mountpoint]\n    optional_labels [device_error]",
                        "labels [device, device_error, fstype, mountpoint]")), diskAlert("")));
        assertTrue(strict.diagnostics().stream().anyMatch(d -> d.code().equals("Matching.NeverMatches")),
                strict.diagnostics().toString());
    }

    @Test
    void aLabelDeclaredOnEverySeriesThatSomeLackIsAConflict() {
        DiagnosticSink sink = new DiagnosticSink();
        String existing = """
                extend service node {
                  metric node_filesystem_avail_bytes gauge {
                    labels [device, device_error, fstype, mountpoint]
                  }
                  metric node_network_info gauge {
                    labels          [device, operstate]
                    optional_labels [duplex]
                  }
                }
                """;
        MetricDeclarations.merge("node.vigil", Optional.of(new SourceFile("node.vigil", existing)), "node",
                Exposition.read(new SourceFile("page.txt", EMPTY_LABELS), sink), sink);
        List<Diagnostic> d = sink.all().stream().filter(x -> x.code().equals(Ids.IMPORT_METRIC_CONFLICT)).toList();
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).message().contains("`device_error` on every series"), d.get(0).message());
        assertEquals(3, d.get(0).span().line());
    }

    @Test
    void aLineThatIsNoSampleIsReportedWhereItStandsAndTheRestIsRead() {
        DiagnosticSink sink = new DiagnosticSink();
        List<MetricFamily> f = Exposition.read(new SourceFile("page.txt", String.join("\n",
                "# TYPE up gauge", "up{job=\"a\" 1", "up 1", "<html>", "")), sink);
        assertEquals(List.of("up"), f.stream().map(MetricFamily::name).toList());
        List<Diagnostic> d = sink.sorted();
        assertEquals(2, d.size(), d.toString());
        assertEquals(Ids.IMPORT_UNREADABLE, d.get(0).code());
        assertEquals(2, d.get(0).span().line());
        assertEquals(4, d.get(1).span().line());
    }

    @Test
    void theApiGivesMetadataAndTheLabelsOfEverySeries() {
        SourceFile metadata = metadata("""
                "node_cpu_seconds_total":[{"type":"counter","help":"Seconds the CPUs spent in each mode.","unit":""}],
                "http_request_duration_seconds":[{"type":"histogram","help":"Latency.","unit":"seconds"}],
                "flip":[{"type":"counter","help":""},{"type":"gauge","help":""}],
                "node_netstat_Tcp_InErrs":[{"type":"unknown","help":"Statistic TcpInErrs."}]""");
        SourceFile series = series("""
                  {"__name__":"node_cpu_seconds_total","cpu":"0","mode":"idle","job":"node","instance":"a:9100"},
                  {"__name__":"node_cpu_seconds_total","cpu":"1","mode":"user","job":"node","instance":"a:9100","zone":"x"},
                  {"__name__":"http_request_duration_seconds_bucket","le":"0.1","route":"/","job":"api","instance":"b"},
                  {"__name__":"http_request_duration_seconds_count","route":"/","handler":"h","job":"api","instance":"b"},
                  {"__name__":"job:requests:rate5m","job":"api"}""");
        DiagnosticSink sink = new DiagnosticSink();
        Map<String, MetricFamily> f = fromApi(metadata, series, n -> true, sink);
        assertEquals(Set.of("node_cpu_seconds_total", "http_request_duration_seconds", "node_netstat_Tcp_InErrs"), f.keySet());
        assertEquals(List.of("cpu", "mode"), f.get("node_cpu_seconds_total").labels());
        assertEquals(List.of("zone"), f.get("node_cpu_seconds_total").optionalLabels(), "on one series of two");
        assertEquals(List.of("route"), f.get("http_request_duration_seconds").labels());
        assertEquals(List.of("handler"), f.get("http_request_duration_seconds").optionalLabels());
        assertEquals("seconds", f.get("http_request_duration_seconds").unit());
        assertEquals(null, f.get("node_netstat_Tcp_InErrs").type());
        List<Diagnostic> d = sink.all();
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).message().contains("`flip`") && d.get(0).message().contains("counter and gauge"), d.get(0).message());
    }

    @Test
    void openMetricsCountersAreDeclaredByTheNameQueriesRead() {
        // Scraped over OpenMetrics, a counter's metadata names the family `x`, its series `x_total`.
        SourceFile metadata = metadata("""
                "prometheus_http_requests":[{"type":"counter","help":"Requests.","unit":""}],
                "target":[{"type":"info","help":"Target metadata."}],
                "other_thing":[{"type":"counter","help":"Left out by the filter."},{"type":"gauge","help":""}]""");
        SourceFile series = series("""
                  {"__name__":"prometheus_http_requests_total","code":"200","handler":"/","job":"p","instance":"i"},
                  {"__name__":"prometheus_http_requests_created","code":"200","handler":"/","job":"p","instance":"i"},
                  {"__name__":"target_info","env":"prod","job":"p","instance":"i"}""");
        DiagnosticSink sink = new DiagnosticSink();
        Map<String, MetricFamily> f = fromApi(metadata, series, n -> !n.startsWith("other"), sink);
        assertEquals(Set.of("prometheus_http_requests_total", "target_info"), f.keySet());
        assertEquals(List.of("code", "handler"), f.get("prometheus_http_requests_total").labels());
        assertEquals(List.of("env"), f.get("target_info").labels());
        assertEquals(List.of(), sink.all(), "a metric the filter leaves out is not reported either");
    }

    @Test
    void aFederatedPageLeavesOutTheTargetLabels() {
        DiagnosticSink sink = new DiagnosticSink();
        List<MetricFamily> f = Exposition.read(new SourceFile("federate", String.join("\n", "# TYPE up untyped",
                "# TYPE x gauge", "x{job=\"a\",instance=\"b\",zone=\"z\"} 1 1700000000000", "")), Set.of("job", "instance"), sink);
        assertEquals(List.of("zone"), byName(f).get("x").labels());
    }

    @Test
    void anErrorResponseIsReportedAndNothingRead() {
        DiagnosticSink sink = new DiagnosticSink();
        List<MetricFamily> f = PrometheusApi.read(new SourceFile("meta", "{\"status\":\"error\",\"error\":\"bad\"}"),
                new SourceFile("series", "<html>"), Set.of(), n -> true, sink);
        assertEquals(List.of(), f);
        assertEquals(2, sink.all().size(), sink.all().toString());
        assertTrue(sink.all().stream().allMatch(x -> x.code().equals(Ids.IMPORT_UNREADABLE)));
    }

    @Test
    void aNewFileDeclaresTheTypedMetricsAndCompiles() {
        DiagnosticSink sink = new DiagnosticSink();
        List<MetricFamily> families = page(sink);
        MetricDeclarations.Result r = MetricDeclarations.merge("metrics.vigil", Optional.empty(), "api", families, sink)
                .orElseThrow();
        assertEquals(5, r.added());
        assertEquals(String.join("\n",
                "extend service api {",
                "  metric build_total counter {",
                "    labels [version]",
                "  }",
                "  metric http_requests_total counter {",
                "    labels [code, method]",
                "    help   `Requests served, by code \\ method.",
                "Second line.`",
                "  }",
                "  metric request_seconds histogram {",
                "    labels [route]",
                "    help   \"Latency.\"",
                "  }",
                "  metric rpc_seconds summary {",
                "    labels [service]",
                "  }",
                "  metric temperature gauge {",
                "    labels [room]",
                "    unit   \"celsius\"",
                "  }",
                "}", ""), r.text());
        List<Diagnostic> d = sink.all();
        assertEquals(1, d.size(), d.toString());
        assertEquals(Ids.IMPORT_DROPPED, d.get(0).code());
        assertTrue(d.get(0).message().startsWith("2 metrics are left out"), d.get(0).message());
        CompileResult compiled = Compiler.compile(List.of(new SourceFile("api.vigil", "service api { team \"t\" }\n"),
                new SourceFile("metrics.vigil", r.text())));
        assertFalse(compiled.hasErrors(), compiled.diagnostics().toString());
        Service api = compiled.project().orElseThrow().services().get(0);
        assertEquals(List.of("build_total", "http_requests_total", "request_seconds", "rpc_seconds", "temperature"),
                api.metrics().stream().map(Metric::name).toList());
    }

    @Test
    void aMergeKeepsEveryHandEditAndReportsWhatDisagrees() {
        String existing = String.join("\n",
                "// Hand-written: the team's notes stay.",
                "extend service api {",
                "  metric http_requests_total gauge { // wrong on purpose",
                "    labels [code]",
                "    help   \"Our own words.\"",
                "  }",
                "}",
                "");
        DiagnosticSink sink = new DiagnosticSink();
        List<MetricFamily> families = page(sink);
        MetricDeclarations.Result r = MetricDeclarations.merge("metrics.vigil",
                Optional.of(new SourceFile("metrics.vigil", existing)), "api", families, sink).orElseThrow();
        assertEquals(4, r.added());
        assertEquals(1, r.kept());
        assertTrue(r.text().startsWith(String.join("\n",
                "// Hand-written: the team's notes stay.",
                "extend service api {",
                "  metric http_requests_total gauge { // wrong on purpose",
                "    labels [code]",
                "    help   \"Our own words.\"",
                "  }",
                "",
                "  metric build_total counter {")), r.text());
        List<String> conflicts = sink.sorted().stream().filter(x -> x.code().equals(Ids.IMPORT_METRIC_CONFLICT))
                .map(x -> x.span().line() + ": " + x.message()).toList();
        assertEquals(List.of("3: Metric `http_requests_total` is declared a `gauge`, but its exporter says it is a `counter`.",
                "4: Metric `http_requests_total` is declared without the label `method`, which its series carry."), conflicts);
        // Merging the same page again adds nothing and changes nothing.
        DiagnosticSink again = new DiagnosticSink();
        MetricDeclarations.Result second = MetricDeclarations.merge("metrics.vigil",
                Optional.of(new SourceFile("metrics.vigil", r.text())), "api", families, again).orElseThrow();
        assertEquals(0, second.added());
        assertEquals(r.text(), second.text());
    }

    @Test
    void aFileThatDoesNotParseIsLeftAlone() {
        DiagnosticSink sink = new DiagnosticSink();
        Optional<MetricDeclarations.Result> r = MetricDeclarations.merge("metrics.vigil",
                Optional.of(new SourceFile("metrics.vigil", "extend service api {\n  metric x gauge {\n")), "api",
                List.of(), sink);
        assertTrue(r.isEmpty());
        assertTrue(sink.hasErrors());
    }

    @Test
    void aServiceWithoutABlockInTheFileGetsOne() {
        DiagnosticSink sink = new DiagnosticSink();
        MetricDeclarations.Result r = MetricDeclarations.merge("metrics.vigil",
                Optional.of(new SourceFile("metrics.vigil", "extend service web {\n  metric a gauge\n}\n")), "api",
                List.of(new MetricFamily("b", MetricType.GAUGE, "", "", List.of(), List.of(), dev.vigil.compiler.source.Span.NONE)), sink)
                .orElseThrow();
        assertEquals("extend service web {\n  metric a gauge\n}\n\nextend service api {\n  metric b gauge\n}\n", r.text());
    }
}
