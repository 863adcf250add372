package dev.vigil.targets;

import dev.vigil.targets.build.Build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.routing.Inhibitions;
import dev.vigil.compiler.routing.TestAlerts;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.target.Version;
import dev.vigil.targets.tools.Tool;
import dev.vigil.targets.tools.ToolMatrix;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated output in real processes on 127.0.0.1, with the Prometheus and Alertmanager of the
 * first (default) and the newest entry of the tool matrix: Prometheus loads the crm-events rules (compiled for its release) and
 * evaluates every rule without error, and Alertmanager, running the generated config, delivers a
 * critical alert to the receiver its routes name (a webhook served by this test) and inhibits exactly
 * the alerts of the routing test's inhibition cases that `vigil check` decides it does. And Prometheus 3,
 * scraping itself, records a latency SLI over its own request histogram and pages on a burn.
 */
class EndToEndTest {
    private static final Path SAMPLE = Repo.root().resolve("samples/crm-events/src/main/vigil");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private LocalProcesses processes;
    private HttpServer webhook;

    @BeforeEach
    void logsInTheTemporaryDirectory() {
        processes = new LocalProcesses(tmp);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        processes.stop();
        if (webhook != null) {
            webhook.stop(0);
            webhook = null;
        }
    }

    /**
     * The sample's sources, with its routing replaced by webhooks to this test (the sample's own go to
     * Slack and PagerDuty), compiled for the entry's releases.
     */
    private Project project(int webhookPort, ToolMatrix.Entry entry) throws IOException {
        List<SourceFile> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path f : files.sorted().toList()) {
                if (!f.getFileName().toString().equals("routing.vigil")) {
                    sources.add(new SourceFile(f.getFileName().toString(), Files.readString(f)));
                }
            }
        }
        String hook = "http://127.0.0.1:" + webhookPort;
        sources.add(new SourceFile("routing.vigil", String.join("\n",
                "routing {",
                "  receiver pager webhook { url \"" + hook + "/pager\" }",
                "  receiver chat webhook { url \"" + hook + "/chat\" }",
                "  route severity >= critical to pager { group_by [alertname, service] group_wait 1s }",
                "  route default to chat { group_by [alertname, service] group_wait 1s group_interval 1s }",
                "  inhibit CrmEventsUnderReplicatedConsumers while CrmEventsServiceDown on [service]",
                // Posted to the running Alertmanager by inhibitionsAsVigilDecides.
                "  test \"inhibitions\" {",
                "    alert CrmEventsUnderReplicatedConsumers {consumergroup = \"crm-events-sse\"}",
                "      while alert CrmEventsServiceDown {instance = \"crm-events:9010\"} expect inhibited",
                "    alert CrmEventsHotKeySkewHigh {topic = \"crm\"}",
                "      while alert CrmEventsServiceDown {instance = \"crm-events:9010\"} expect not inhibited",
                "    {alertname = \"Lag\", service = \"crm_events\", severity = \"warning\"}",
                "      while {alertname = \"Lag\", service = \"crm_events\", severity = \"critical\"} expect inhibited",
                "    {alertname = \"Lag\", service = \"billing\", severity = \"info\"}",
                "      while {alertname = \"Lag\", service = \"crm_events\", severity = \"critical\"} expect not inhibited",
                "    {alertname = \"Pair\", severity = \"info\"} while {alertname = \"Pair\", severity = \"warning\"} expect inhibited",
                "    {alertname = \"Both\", service = \"crm_events\", severity = \"critical\"}",
                "      while {alertname = \"Both\", service = \"crm_events\", severity = \"info\"} expect not inhibited",
                "  }",
                "}", "")));
        CompileResult r = entry.compile(sources);
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    private static int freePort() throws IOException {
        return LocalProcesses.freePort();
    }

    private Process start(Tool tool, List<String> args, String name) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool.executable().toString());
        command.addAll(args);
        return processes.start(name, command);
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private void awaitReady(Process p, String url, String name) throws Exception {
        processes.await(p, name, url, body -> true);
    }

    @TestFactory
    Stream<DynamicTest> prometheusEvaluatesEveryRuleAndAlertmanagerDeliversToTheRoutedReceiver() {
        // The default releases and the newest: each run waits up to 30 s for the sample's `every 30s` group.
        return Stream.of(ToolMatrix.byDefault(), ToolMatrix.newest()).distinct().map(e -> DynamicTest.dynamicTest(e.label(), () -> {
            try {
                crmEvents(e);
            } finally {
                stopEverything();
            }
        }));
    }

    private void crmEvents(ToolMatrix.Entry entry) throws Exception {
        long start = System.nanoTime();
        Tool prometheus = entry.prometheusServer();
        Tool alertmanager = entry.alertmanagerServer();
        String run = entry.name() + "/";

        BlockingQueue<Map.Entry<String, String>> received = new LinkedBlockingQueue<>();
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/", exchange -> {
            received.add(Map.entry(exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();

        Path out = tmp.resolve(run + "out");
        Project project = project(webhook.getAddress().getPort(), entry);
        OutputDirectory.commit(Build.emit(project, EmitSettings.DEFAULT), out);

        // Prometheus with the generated rules; evaluation every second so every rule has run quickly.
        int promPort = freePort();
        Path config = tmp.resolve(run + "prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + out.resolve("prometheus/rules/crm_events.rules.yml"), ""));
        Process prom = start(prometheus, List.of("--config.file=" + config, "--web.listen-address=127.0.0.1:" + promPort,
                "--storage.tsdb.path=" + tmp.resolve(run + "prometheus-data"), "--web.enable-lifecycle"), run + "prometheus");
        awaitReady(prom, "http://127.0.0.1:" + promPort + "/-/ready", run + "prometheus");
        long promReady = System.nanoTime();

        JsonNode groups = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        boolean evaluated = false;
        while (!evaluated && System.nanoTime() < deadline) {
            groups = get("http://127.0.0.1:" + promPort + "/api/v1/rules").path("data").path("groups");
            evaluated = groups.size() > 0;
            for (JsonNode g : groups) {
                for (JsonNode r : g.path("rules")) {
                    evaluated &= !r.path("health").asText().equals("unknown");
                }
            }
            if (!evaluated) {
                Thread.sleep(500);
            }
        }
        assertTrue(evaluated, "rules were not all evaluated in time: " + groups);
        assertEquals(1, groups.size(), groups.toString());
        assertEquals("crm_events_lag_capacity", groups.get(0).path("name").asText());
        assertEquals(7, groups.get(0).path("rules").size());
        for (JsonNode r : groups.get(0).path("rules")) {
            assertEquals("ok", r.path("health").asText(), r.toString());
        }

        // Alertmanager with the generated config: a critical alert goes to the pager, nothing to chat.
        int amPort = freePort();
        long allEvaluated = System.nanoTime();
        Process am = start(alertmanager, List.of("--config.file=" + out.resolve("alertmanager/alertmanager.yml"),
                "--web.listen-address=127.0.0.1:" + amPort, "--storage.path=" + tmp.resolve(run + "alertmanager-data"),
                "--cluster.listen-address="), run + "alertmanager");
        awaitReady(am, "http://127.0.0.1:" + amPort + "/-/ready", run + "alertmanager");
        long amReady = System.nanoTime();
        String alert = "[{\"labels\": {\"alertname\": \"CrmEventsServiceDown\", \"severity\": \"critical\","
                + " \"service\": \"crm_events\", \"team\": \"platform\"},"
                + " \"annotations\": {\"summary\": \"The CRM events service is down\"}}]";
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + amPort + "/api/v2/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());

        Map.Entry<String, String> delivery = received.poll(60, TimeUnit.SECONDS);
        assertTrue(delivery != null, "no notification reached the webhook: " + Files.readString(tmp.resolve(run + "alertmanager.log")));
        long delivered = System.nanoTime();
        assertEquals("/pager", delivery.getKey());
        JsonNode body = JSON.readTree(delivery.getValue());
        assertEquals("CrmEventsServiceDown", body.path("alerts").get(0).path("labels").path("alertname").asText());
        assertEquals("firing", body.path("status").asText());
        Thread.sleep(1500);
        assertFalse(received.stream().anyMatch(e -> e.getKey().equals("/chat")), "the critical alert also reached chat");
        long inhibitionsStart = System.nanoTime();
        inhibitionsAsVigilDecides(project, amPort);
        long inhibitionsAgreed = System.nanoTime();
        System.out.printf("EndToEndTest crm-events on %s: Prometheus ready in %d ms, every rule evaluated %d ms later,"
                + " Alertmanager ready %d ms later, delivered %d ms later, inhibitions agreed %d ms after posting%n",
                entry.label(), millis(start, promReady), millis(promReady, allEvaluated), millis(allEvaluated, amReady),
                millis(amReady, delivered), millis(inhibitionsStart, inhibitionsAgreed));
    }

    /**
     * The alerts of the routing test's inhibition cases, posted to the running Alertmanager beside the
     * alert already there: Alertmanager inhibits exactly the alerts that Vigil's inhibition semantics
     * (what `vigil check` decides the cases with) say it does, and each case comes out as it expects.
     */
    private static void inhibitionsAsVigilDecides(Project project, int amPort) throws Exception {
        TestAlerts named = TestAlerts.of(project);
        List<Routing.RouteTest> cases = project.routing().tests().stream().filter(Routing.RouteTest::isInhibition).toList();
        assertTrue(cases.size() >= 4, "the inhibition cases are missing: " + project.routing().tests());
        List<Map<String, Object>> posted = new ArrayList<>();
        for (Routing.RouteTest t : cases) {
            posted.add(Map.of("labels", labels(named, t.alert())));
            posted.add(Map.of("labels", labels(named, t.source())));
        }
        String api = "http://127.0.0.1:" + amPort + "/api/v2/alerts";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(posted))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        // Alertmanager learns of source alerts asynchronously; its answer is read until it settles on Vigil's.
        Inhibitions inhibitions = Inhibitions.of(project);
        Map<Map<String, String>, Boolean> vigil = Map.of();
        Map<Map<String, String>, Boolean> alertmanager = Map.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            alertmanager = new java.util.HashMap<>();
            for (JsonNode a : get(api)) {
                Map<String, String> labels = new java.util.TreeMap<>();
                a.path("labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
                alertmanager.put(labels, a.path("status").path("inhibitedBy").size() > 0);
            }
            vigil = new java.util.HashMap<>();
            for (Map<String, String> target : alertmanager.keySet()) {
                vigil.put(target, alertmanager.keySet().stream().anyMatch(source -> !source.equals(target)
                        && inhibitions.verdicts(target, source).stream().anyMatch(v -> v.effect() == Inhibitions.Effect.INHIBITS)));
            }
            if (!vigil.equals(alertmanager)) {
                Thread.sleep(200);
            }
        } while (!vigil.equals(alertmanager) && System.nanoTime() < deadline);
        assertEquals(vigil, alertmanager, "Alertmanager inhibits otherwise than Vigil decides");
        assertTrue(vigil.values().stream().filter(inhibited -> inhibited).count() >= 3, "too few inhibitions to prove anything: " + vigil);
        for (Map<String, Object> p : posted) {
            assertTrue(vigil.containsKey(p.get("labels")), "Alertmanager does not hold " + p + ": " + vigil.keySet());
        }
        for (Routing.RouteTest t : cases) {
            assertEquals(t.inhibited(), vigil.get(labels(named, t.alert())), "the case at " + t.span());
        }
    }

    private static Map<String, String> labels(TestAlerts named, Routing.TestAlert alert) {
        if (named.resolve(alert) instanceof TestAlerts.Labels l) {
            return l.labels();
        }
        throw new AssertionError("the test names no one alert: " + alert);
    }

    /**
     * A latency SLO over Prometheus's own request histogram, with a bucket boundary as the threshold
     * (Prometheus's buckets are 0.1, 0.2, 0.4, 1, 3, 8, 20, 60 and 120 s), and windows short enough for
     * a test: with a 1% budget and a factor of 2, a page fires as soon as more than 2% of the requests
     * of the last minute and of the last 10 s took longer than 1 s.
     */
    private static final String SELF_SLO = """
            settings {
              scrape_interval     1s
              evaluation_interval 1s
            }

            alert_windows fast {
              page 1m 10s factor 2
            }

            service prometheus_self {
              links { runbooks "https://runbooks.example.com/prometheus-self" }

              slo latency {
                objective 99%
                sli latency {
                  histogram = prometheus_http_request_duration_seconds
                  threshold 1s
                }
                alerting { windows fast  page critical  page_for 0s  ticket off }
              }
            }
            """;
    private static final String SELF_PAGE = "PrometheusSelfLatencyBurnRatePage";
    /**
     * A query well above the SLO's 1s on any machine this runs on: a subquery of 10.8 million steps
     * (3.6 million took 0.3 to 0.9 s on an idle 2-core machine, too fast to burn the budget).
     */
    private static final String SLOW_QUERY = "count_over_time(vector(1)[3h:1ms])";

    /**
     * Prometheus 3 scraping itself on 127.0.0.1, with the rules of {@link #SELF_SLO} compiled for its
     * release: the SLI is recorded (Prometheus 3 stores the bucket boundary 1 as {@code le="1.0"}, so
     * a matcher written {@code le="1"} would select nothing), and slow queries burn the budget until
     * the page fires.
     */
    @Test
    void prometheus3RecordsTheLatencySliOfItsOwnHistogramAndPagesOnABurn() throws Exception {
        long start = System.nanoTime();
        ToolMatrix.Entry entry = ToolMatrix.newest();
        assertTrue(entry.prometheus().atLeast(Version.of(3, 0)), "the tool matrix has no Prometheus 3: " + ToolMatrix.entries());
        CompileResult compiled = entry.compile(List.of(new SourceFile("self.vigil", SELF_SLO)));
        Project project = compiled.project().orElseThrow(() -> new AssertionError(compiled.diagnostics()));
        Path out = tmp.resolve("self/out");
        OutputDirectory.commit(Build.emit(project, EmitSettings.DEFAULT), out);
        Path rules = out.resolve("prometheus/rules/prometheus_self.rules.yml");

        int port = freePort();
        String api = "http://127.0.0.1:" + port + "/api/v1/";
        Path config = tmp.resolve("self/prometheus.yml");
        Files.writeString(config, """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                rule_files: ['%s']
                scrape_configs:
                  - job_name: prometheus
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(rules, port));
        Process prom = start(entry.prometheusServer(), List.of("--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + port, "--storage.tsdb.path=" + tmp.resolve("self/data")), "self/prometheus");
        awaitReady(prom, api.replace("/api/v1/", "/-/ready"), "self/prometheus");

        // The SLI over the long and the short window is recorded once there are two scrapes in the window.
        String sli = "slo:sli_error:ratio_rate10s{service=\"prometheus_self\", slo=\"latency\"}";
        JsonNode recorded = poll(api + "query?query=" + URLEncoder.encode(sli, StandardCharsets.UTF_8),
                r -> r.path("data").path("result").size() > 0, 20);
        if (recorded.path("data").path("result").size() == 0) {
            List<String> stored = new ArrayList<>();
            get(api + "query?query=" + URLEncoder.encode("prometheus_http_request_duration_seconds_bucket{handler=\"/metrics\"}",
                    StandardCharsets.UTF_8)).path("data").path("result").forEach(b -> stored.add(b.path("metric").path("le").asText()));
            fail("Prometheus " + entry.prometheus() + " recorded no " + sli + " in 20 s. The rules select the buckets "
                    + Files.readAllLines(rules).stream().filter(l -> l.contains("_bucket{")).map(String::strip).distinct().toList()
                    + "; the `le` values Prometheus stores: " + stored);
        }
        assertFalse(firing(get(api + "alerts")), "the page fires before any slow request: " + get(api + "alerts"));
        long sliRecorded = System.nanoTime();

        // Slow queries, one after the other, until the page fires.
        List<Long> durations = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread load = new Thread(() -> {
            while (!stop.get()) {
                long t = System.nanoTime();
                try {
                    HTTP.send(HttpRequest.newBuilder(URI.create(api + "query?query="
                            + URLEncoder.encode(SLOW_QUERY, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (IOException | InterruptedException e) {
                    return;
                }
                durations.add(millis(t, System.nanoTime()));
            }
        });
        load.start();
        JsonNode alerts;
        try {
            alerts = poll(api + "alerts", EndToEndTest::firing, 40);
        } finally {
            stop.set(true);
            load.join(TimeUnit.SECONDS.toMillis(35));
        }
        assertTrue(firing(alerts), SELF_PAGE + " did not fire within 40 s of slow queries taking " + durations + " ms; alerts: "
                + alerts + "; " + sli + ": " + get(api + "query?query=" + URLEncoder.encode(sli, StandardCharsets.UTF_8)));
        System.out.printf("EndToEndTest self-scrape on %s: SLI recorded %d ms after the start, the page fired %d ms later,"
                + " after slow queries of %s ms%n", entry.label(), millis(start, sliRecorded),
                millis(sliRecorded, System.nanoTime()), durations);
    }

    private static boolean firing(JsonNode alerts) {
        for (JsonNode a : alerts.path("data").path("alerts")) {
            if (a.path("labels").path("alertname").asText().equals(SELF_PAGE) && a.path("state").asText().equals("firing")) {
                return true;
            }
        }
        return false;
    }

    /** GETs the URL every half second until {@code done} holds or {@code seconds} pass; the last answer. */
    private static JsonNode poll(String url, java.util.function.Predicate<JsonNode> done, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode last = get(url);
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = get(url);
        }
        return last;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
