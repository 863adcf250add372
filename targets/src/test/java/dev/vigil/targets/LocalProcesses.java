package dev.vigil.targets;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real processes a test starts on 127.0.0.1 (Prometheus, Alertmanager, an exporter), each with
 * its output in {@code <name>.log} under a directory of the test's, so that a failure can show it;
 * {@link #stop} ends them all. Shared by the tests of every module that run the tools
 * ({@code EndToEndTest}, the CLI's {@code LiveMetricsImportTest}).
 */
public final class LocalProcesses {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path logs;
    private final List<Process> processes = new ArrayList<>();

    public LocalProcesses(Path logs) {
        this.logs = logs;
    }

    /** A port nothing listens on now, for a process to take. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code command}, its output going to {@code <name>.log}; {@code name} may hold a folder, {@code run1/prometheus}. */
    public Process start(String name, List<String> command) throws IOException {
        Path log = log(name);
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    public Path log(String name) {
        return logs.resolve(name + ".log");
    }

    /**
     * Polls {@code url} until it answers 200 with a body {@code done} accepts, for up to 60 s; fails
     * the test, with the process's output, when the process exits or the time is up.
     */
    public void await(Process p, String name, String url, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail(name + " exited: " + Files.readString(log(name)));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && done.test(r.body())) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        fail(name + " was not ready at " + url + ": " + Files.readString(log(name)));
    }

    /** Ends every process started, forcibly after 10 s. */
    public void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        processes.clear();
    }
}
