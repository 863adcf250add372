package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil lsp} as an editor starts it: {@code java -jar cli/target/vigil.jar lsp} as a process,
 * spoken to in JSON-RPC over its standard input and output. Every byte of its standard output must be
 * a framed JSON-RPC message. Runs in the integration-test phase with DistributionIT, after the package
 * phase built the jar; without the jar it fails on CI (CI=true) and is skipped elsewhere.
 */
class LspIT {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", "..")).toAbsolutePath().normalize();
    private static final Path JAR = Path.of(System.getProperty("vigil.jar", REPO.resolve("cli/target/vigil.jar").toString()));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A running server: what it wrote to stdout, parsed frame by frame on a reader thread. */
    private static final class Server implements AutoCloseable {
        final Process process;
        final OutputStream in;
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final List<String> problems = new ArrayList<>();
        final Thread reader;
        final Path stderr;

        Server(List<String> args, Path dir) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", JAR.toString(), "lsp"));
            command.addAll(args);
            stderr = Files.createTempFile(dir, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(stderr.toFile());
            // The pages diagnostics link to are written below the cache directory: the test's, not the user's.
            pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
            process = pb.start();
            in = process.getOutputStream();
            reader = new Thread(() -> read(process.getInputStream()), "lsp-it-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Reads frames until the end of the stream; anything that is not a frame of JSON-RPC is a problem. */
        private void read(InputStream out) {
            try {
                while (true) {
                    String header = line(out);
                    if (header == null) {
                        return;
                    }
                    if (!header.startsWith("Content-Length: ")) {
                        problems.add("not a JSON-RPC header: " + header);
                        return;
                    }
                    int length = Integer.parseInt(header.substring("Content-Length: ".length()).strip());
                    String blank = line(out);
                    while (blank != null && !blank.isEmpty()) {
                        blank = line(out); // another header, such as Content-Type
                    }
                    JsonNode message = JSON.readTree(out.readNBytes(length));
                    if (!"2.0".equals(message.path("jsonrpc").asText())) {
                        problems.add("not JSON-RPC 2.0: " + message);
                    }
                    messages.add(message);
                }
            } catch (IOException | RuntimeException e) {
                problems.add("unreadable output: " + e);
            }
        }

        private static String line(InputStream out) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = out.read()) >= 0) {
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.US_ASCII);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
            }
            if (b.size() > 0) {
                throw new IOException("output ends inside a header: " + b.toString(StandardCharsets.US_ASCII));
            }
            return null;
        }

        void send(String method, Object id, JsonNode params) throws IOException {
            ObjectNode m = JSON.createObjectNode().put("jsonrpc", "2.0");
            if (id != null) {
                m.put("id", (Integer) id);
            }
            m.put("method", method);
            if (params != null) {
                m.set("params", params);
            }
            byte[] body = JSON.writeValueAsBytes(m);
            in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            in.write(body);
            in.flush();
        }

        JsonNode await(Predicate<JsonNode> wanted, String what) throws InterruptedException, IOException {
            while (true) {
                JsonNode m = messages.poll(120, TimeUnit.SECONDS);
                if (m == null) {
                    Assertions.fail("no " + what + " within two minutes; stderr:\n" + Files.readString(stderr));
                }
                if (wanted.test(m)) {
                    return m;
                }
            }
        }

        int exitStatus() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Assertions.fail("vigil lsp did not exit");
            }
            reader.join(10_000);
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static void requireJar() {
        if (Files.isRegularFile(JAR)) {
            return;
        }
        String what = JAR + " is missing; `mvn package` in cli builds it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(what + ". On CI (CI=true) the language server's stdio test must run.");
        }
        System.err.println("WARNING: " + what + "; LspIT is SKIPPED.");
        Assumptions.abort(what);
    }

    private JsonNode initialize(Server s, Path project) throws Exception {
        ObjectNode params = JSON.createObjectNode();
        params.putNull("processId");
        params.put("rootUri", project.toUri().toString());
        params.set("capabilities", JSON.createObjectNode());
        s.send("initialize", 1, params);
        return s.await(m -> m.path("id").asInt(-1) == 1, "initialize response");
    }

    @Test
    void anEditorSessionGetsDiagnosticsAndEndsWithStatusZeroAndOnlyJsonRpcOnStdout() throws Exception {
        requireJar();
        Path project = Files.createDirectories(tmp.resolve("shop project"));
        String text = "service shop {\n  group api {\n    alert Down {\n      when up == 0\n      severity warning\n"
                + "      summary \"Down.\"\n      panel nowhere.up\n    }\n  }\n}\n";
        Files.writeString(project.resolve("shop.vigil"), text);
        Path log = tmp.resolve("lsp.log");
        try (Server s = new Server(List.of("--stdio", "--log", log.toString()), tmp)) {
            JsonNode init = initialize(s, project);
            assertEquals(2, init.path("result").path("capabilities").path("textDocumentSync").path("change").asInt(),
                    "incremental sync: " + init);
            s.send("initialized", null, JSON.createObjectNode());
            String uri = project.resolve("shop.vigil").toUri().toString();
            ObjectNode doc = JSON.createObjectNode().put("uri", uri).put("languageId", "vigil").put("version", 1)
                    .put("text", text);
            s.send("textDocument/didOpen", null, JSON.createObjectNode().set("textDocument", doc));
            JsonNode published = s.await(m -> m.path("method").asText().equals("textDocument/publishDiagnostics")
                    && m.path("params").path("uri").asText().equals(uri) && m.path("params").path("version").asInt() == 1,
                    "diagnostics of the opened file");
            JsonNode diagnostics = published.path("params").path("diagnostics");
            assertEquals("Reference.Unknown", diagnostics.get(0).path("code").asText(), published.toString());
            assertEquals(6, diagnostics.get(0).path("range").path("start").path("line").asInt());
            assertEquals("vigil", diagnostics.get(0).path("source").asText());
            String href = diagnostics.get(0).path("codeDescription").path("href").asText();
            assertTrue(href.startsWith(tmp.resolve("cache/vigil/docs").toUri().toString()) && href.endsWith(
                    "checks/Reference.Unknown.md"), href);

            s.send("shutdown", 2, null);
            s.await(m -> m.path("id").asInt(-1) == 2, "shutdown response");
            s.send("exit", null, null);
            s.in.close();
            assertEquals(0, s.exitStatus(), Files.readString(s.stderr));
            assertEquals(List.of(), s.problems, "standard output carried only JSON-RPC");
        }
        String written = Files.readString(log);
        assertTrue(written.contains("textDocument/didOpen") && written.contains("publishDiagnostics"), written);
    }

    @Test
    void exitWithoutShutdownEndsWithStatusOne() throws Exception {
        requireJar();
        try (Server s = new Server(List.of(), tmp)) {
            initialize(s, Files.createDirectories(tmp.resolve("empty")));
            s.send("exit", null, null);
            assertEquals(1, s.exitStatus());
            assertEquals(List.of(), s.problems);
            assertFalse(Files.readString(s.stderr).contains("Exception"), Files.readString(s.stderr));
        }
    }
}
