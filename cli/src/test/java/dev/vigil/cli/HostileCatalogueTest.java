package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The hostile-input catalogue (src/test/resources/hostile/catalogue.yml): garbage, bad encodings,
 * huge and deeply nested inputs, YAML bombs, Java tags and duplicate keys in every reader. Each case
 * runs through every command it names, in text and (where the command has it) `--format json`, and
 * each run must end with the exit status the catalogue expects (never 70), report the catalogue's
 * diagnostic id at a position in the input, print no Java exception, and finish within seconds.
 */
class HostileCatalogueTest {
    private static final String CATALOGUE = "/hostile/catalogue.yml";
    private static final Pattern TRACE = JavaTrace.PATTERN;
    /** Generous for a shared CI machine; the big cases take about a second each on a laptop. */
    private static final long MAX_MILLIS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Long> TIMINGS = new ConcurrentHashMap<>();

    @TempDir
    static Path tmp;

    /** One catalogue entry: the input's name and bytes, and per command the exit status expected. */
    private record Case(String name, String fileName, byte[] bytes, Map<String, Integer> exits, String id,
            Map<String, String> ids, boolean single) {
        /** The id a command must report: the case's, unless `ids` names another for it (`none`: no id). */
        String idFor(String command) {
            String id = ids.getOrDefault(command, id());
            return "none".equals(id) ? null : id;
        }
    }

    private record Run(List<String> args, int status, String out, String err, long millis) {
        String output() {
            return out + "\n" + err;
        }
    }

    @TestFactory
    Stream<DynamicNode> everyHostileInputGetsItsDiagnosticNotATrace() throws IOException {
        List<Case> cases = catalogue();
        assertTrue(cases.size() >= 40, "expected the catalogue at " + CATALOGUE);
        return cases.stream().map(c -> DynamicContainer.dynamicContainer(c.name(),
                c.exits().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                        () -> runCommand(c, e.getKey(), e.getValue())))));
    }

    @AfterAll
    static void printTimings() {
        // The measured times of the big cases, for docs/reliability.md.
        TIMINGS.entrySet().stream().filter(e -> e.getValue() > 500).sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.println("hostile timing: " + e.getKey() + ": " + e.getValue() + " ms"));
    }

    private static void runCommand(Case c, String command, int expected) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        Path project = Files.createDirectories(dir.resolve("project"));
        Path file = project.resolve(c.fileName());
        Files.write(file, c.bytes());
        String out = dir.resolve("out").toString();
        String p = project.toString();
        List<List<String>> text = new ArrayList<>();
        List<List<String>> json = new ArrayList<>();
        switch (command) {
            case "check" -> {
                text.add(List.of("check", file.toString()));
                json.add(List.of("check", "--format", "json", file.toString()));
            }
            case "build" -> {
                text.add(List.of("build", p, "--out", out));
                json.add(List.of("build", p, "--out", out + "-json", "--format", "json"));
            }
            case "fmt" -> text.add(List.of("fmt", p));
            case "fmt-check" -> text.add(List.of("fmt", "--check", p));
            case "diff" -> {
                String empty = Files.createDirectories(dir.resolve("before")).toString();
                text.add(List.of("diff", empty, p));
                json.add(List.of("diff", "--format", "json", empty, p));
            }
            case "test" -> {
                // No tool is needed: a project with errors is not tested, and one without tests runs none.
                text.add(List.of("test", p));
                json.add(List.of("test", "--format", "json", p));
            }
            case "lint" -> {
                text.add(List.of("lint", file.toString()));
                json.add(List.of("lint", "--format", "json", file.toString()));
            }
            case "import" -> text.add(List.of("import", file.toString(), "--out", out));
            default -> throw new AssertionError("unknown command in " + CATALOGUE + ": " + command);
        }
        String id = c.idFor(command);
        for (List<String> args : text) {
            Run r = checked(c, args, expected);
            if (id != null) {
                assertTrue(r.output().contains("[" + id + "]"), args + " does not report " + id + ":\n" + abbreviated(r.output()));
                assertTrue(Pattern.compile(Pattern.quote(c.fileName()) + ":\\d+:\\d+").matcher(r.output()).find(),
                        args + " gives no position:\n" + abbreviated(r.output()));
            }
        }
        for (List<String> args : json) {
            Run r = checked(c, args, expected);
            List<JsonNode> diagnostics = new ArrayList<>();
            collect(JSON.readTree(r.out()), diagnostics);
            if (id != null) {
                JsonNode d = diagnostics.stream().filter(n -> n.path("code").asText().equals(id)).findFirst()
                        .orElseThrow(() -> new AssertionError(args + " does not report " + id + ":\n" + abbreviated(r.output())));
                assertTrue(d.path("file").asText().endsWith(c.fileName()), args + ": " + d);
                assertTrue(d.path("line").asInt() >= 1 && d.path("column").asInt() >= 1, args + ": " + d);
                assertFalse(d.path("message").asText().isBlank(), args + ": " + d);
            }
            if (c.single() && command.equals("check")) {
                assertEquals(1, diagnostics.stream().filter(n -> n.path("severity").asText().equals("error")).count(),
                        args + " should report one error:\n" + r.out());
            }
        }
    }

    private static Run checked(Case c, List<String> args, int expected) {
        Run r = run(args);
        TIMINGS.merge(c.name() + " / " + String.join(" ", args.subList(0, Math.min(3, args.size())))
                .replaceAll("/\\S+", "…"), r.millis(), Math::max);
        assertFalse(TRACE.matcher(r.output()).find(), args + " printed a trace:\n" + abbreviated(r.output()));
        assertEquals(expected, r.status(), args + " exited " + r.status() + ":\n" + abbreviated(r.output()));
        assertTrue(r.millis() < MAX_MILLIS, args + " took " + r.millis() + " ms");
        return r;
    }

    /** Diagnostics anywhere in a JSON report: objects with a `code`. */
    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isObject() && node.has("code")) {
            into.add(node);
        }
        node.forEach(child -> collect(child, into));
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int status = VigilCommand.execute(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(args, status, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    private static String abbreviated(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 4000) + "…";
    }

    @SuppressWarnings("unchecked")
    private static List<Case> catalogue() throws IOException {
        Map<String, Object> root;
        try (InputStream in = HostileCatalogueTest.class.getResourceAsStream(CATALOGUE)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        List<Case> out = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) root.get("cases")) {
            String name = (String) c.get("name");
            String fileName;
            byte[] bytes;
            if (c.get("file") instanceof String f) {
                fileName = f;
                try (InputStream in = HostileCatalogueTest.class.getResourceAsStream("/hostile/" + f)) {
                    bytes = in.readAllBytes();
                }
            } else {
                Map<String, Object> g = (Map<String, Object>) c.get("generate");
                fileName = (String) g.get("as");
                bytes = generate(g);
            }
            Map<String, Integer> exits = new java.util.LinkedHashMap<>((Map<String, Integer>) c.get("exit"));
            Map<String, String> ids = (Map<String, String>) c.getOrDefault("ids", Map.of());
            out.add(new Case(name, fileName, bytes, exits, (String) c.get("id"), ids, Boolean.TRUE.equals(c.get("single"))));
        }
        return out;
    }

    /** The input a `generate` entry describes: seeded random bytes, or its parts each repeated `times`. */
    @SuppressWarnings("unchecked")
    private static byte[] generate(Map<String, Object> g) {
        if (g.get("random") instanceof Integer n) {
            byte[] bytes = new byte[n];
            new Random(((Integer) g.get("seed")).longValue()).nextBytes(bytes);
            return bytes;
        }
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> part : (List<Map<String, Object>>) g.get("parts")) {
            text.append(String.valueOf(part.get("text")).repeat((Integer) part.getOrDefault("times", 1)));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
