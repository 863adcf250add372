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
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.tools.Tool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated output in real processes on 127.0.0.1: Prometheus loads the crm-events rules and
 * evaluates every rule without error, and Alertmanager, running the generated config, delivers a
 * critical alert to the receiver its routes name (a webhook served by this test).
 */
class EndToEndTest {
    private static final Path SAMPLE = Path.of(System.getProperty("vigil.repo", "..")).resolve("samples/crm-events/src/main/vigil");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final List<Process> processes = new ArrayList<>();
    private HttpServer webhook;

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (webhook != null) {
            webhook.stop(0);
        }
    }

    /** The sample's sources, with its routing replaced by webhooks to this test (the sample's own go to Slack and PagerDuty). */
    private Project project(int webhookPort) throws IOException {
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
                "}", "")));
        CompileResult r = Compiler.compile(sources);
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Process start(Tool tool, List<String> args, String name) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool.executable().toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile())
                .start();
        processes.add(p);
        return p;
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private void awaitReady(Process p, String url, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail(name + " exited: " + Files.readString(tmp.resolve(name + ".log")));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        fail(name + " did not become ready: " + Files.readString(tmp.resolve(name + ".log")));
    }

    @Test
    void prometheusEvaluatesEveryRuleAndAlertmanagerDeliversToTheRoutedReceiver() throws Exception {
        Tool prometheus = Tool.require("prometheus");
        Tool alertmanager = Tool.require("prometheus-alertmanager");

        BlockingQueue<Map.Entry<String, String>> received = new LinkedBlockingQueue<>();
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/", exchange -> {
            received.add(Map.entry(exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();

        Path out = tmp.resolve("out");
        OutputDirectory.commit(Build.emit(project(webhook.getAddress().getPort()), EmitSettings.DEFAULT), out);

        // Prometheus with the generated rules; evaluation every second so every rule has run quickly.
        int promPort = freePort();
        Path config = tmp.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + out.resolve("prometheus/rules/crm_events.rules.yml"), ""));
        Process prom = start(prometheus, List.of("--config.file=" + config, "--web.listen-address=127.0.0.1:" + promPort,
                "--storage.tsdb.path=" + tmp.resolve("prometheus-data"), "--web.enable-lifecycle"), "prometheus");
        awaitReady(prom, "http://127.0.0.1:" + promPort + "/-/ready", "prometheus");

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
        assertEquals(6, groups.get(0).path("rules").size());
        for (JsonNode r : groups.get(0).path("rules")) {
            assertEquals("ok", r.path("health").asText(), r.toString());
        }

        // Alertmanager with the generated config: a critical alert goes to the pager, nothing to chat.
        int amPort = freePort();
        Process am = start(alertmanager, List.of("--config.file=" + out.resolve("alertmanager/alertmanager.yml"),
                "--web.listen-address=127.0.0.1:" + amPort, "--storage.path=" + tmp.resolve("alertmanager-data"),
                "--cluster.listen-address="), "alertmanager");
        awaitReady(am, "http://127.0.0.1:" + amPort + "/-/ready", "alertmanager");
        String alert = "[{\"labels\": {\"alertname\": \"CrmEventsServiceDown\", \"severity\": \"critical\","
                + " \"service\": \"crm_events\", \"team\": \"platform\"},"
                + " \"annotations\": {\"summary\": \"The CRM events service is down\"}}]";
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + amPort + "/api/v2/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());

        Map.Entry<String, String> delivery = received.poll(60, TimeUnit.SECONDS);
        assertTrue(delivery != null, "no notification reached the webhook: " + Files.readString(tmp.resolve("alertmanager.log")));
        assertEquals("/pager", delivery.getKey());
        JsonNode body = JSON.readTree(delivery.getValue());
        assertEquals("CrmEventsServiceDown", body.path("alerts").get(0).path("labels").path("alertname").asText());
        assertEquals("firing", body.path("status").asText());
        Thread.sleep(1500);
        assertFalse(received.stream().anyMatch(e -> e.getKey().equals("/chat")), "the critical alert also reached chat");
    }
}
