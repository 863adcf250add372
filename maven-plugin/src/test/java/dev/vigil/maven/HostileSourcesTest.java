package dev.vigil.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Maven goals' side of the hostile catalogue (cli's HostileCatalogueTest holds the CLI's): what
 * `vigil:check`, `vigil:generate` and `vigil:fmt` do with sources nobody should write. Each case ends
 * in the goal's failure message, naming the diagnostic's id at its position, with nothing written
 * and no Java exception text; never in an exception the build would report as a plugin crash.
 */
class HostileSourcesTest {
    private static final Pattern TRACE = Pattern.compile("\\tat [a-z]|Exception|\\bError:|\\.java:\\d+\\)|Caused by:");
    private static final String SLACK = "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX";

    @TempDir
    Path project;

    static Stream<Arguments> cases() {
        byte[] garbage = new byte[4096];
        new Random(14).nextBytes(garbage);
        String chain = "service s {\n  group g {\n    record a:b:c = x" + " and x".repeat(100_000) + "\n  }\n}\n";
        String parens = "service s {\n  group g {\n    record a:b:c = " + "(".repeat(10_000) + "x" + ")".repeat(10_000)
                + "\n  }\n}\n";
        String secret = """
                routing {
                  receiver chat slack {
                    channel "#ops"
                    api_url "%s"
                  }
                  route default to chat
                }
                """.formatted(SLACK);
        return Stream.of(
                Arguments.of("binary garbage", garbage, "Input.InvalidEncoding", ":1:"),
                Arguments.of("invalid UTF-8", "service caf\u00e9 { }".getBytes(StandardCharsets.ISO_8859_1),
                        "Input.InvalidEncoding", ":1:"),
                Arguments.of("100,000-term chain", chain.getBytes(StandardCharsets.UTF_8), "Input.TooDeep", ":3:"),
                Arguments.of("10,000 nested parentheses", parens.getBytes(StandardCharsets.UTF_8), "Input.TooDeep", ":3:"),
                Arguments.of("unterminated string", "service s {\n  team \"platform\n}\n".getBytes(StandardCharsets.UTF_8),
                        "Syntax.", ":2:"),
                Arguments.of("inline secret", secret.getBytes(StandardCharsets.UTF_8), "Secret.Inline", ":4:"));
    }

    private Path write(byte[] text) throws Exception {
        Path sources = Files.createDirectories(project.resolve("src/main/vigil"));
        Files.write(sources.resolve("api.vigil"), text);
        return sources;
    }

    private static void clean(String text) {
        assertFalse(TRACE.matcher(text).find(), "Java exception text:\n" + text);
        assertFalse(text.contains(SLACK), "the secret was echoed:\n" + text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkAndGenerateFailWithTheDiagnosticNotACrash(String name, byte[] text, String id, String line) throws Exception {
        Path sources = write(text);
        CompileRequest compile = new CompileRequest(project, sources, Optional.empty(), false, Map.of());
        CompileResult result = Compilation.compile(compile).orElseThrow();
        assertTrue(result.hasErrors(), result.diagnostics().toString());
        String failure = DiagnosticReport.failureMessage("src/main/vigil", result);
        assertTrue(Pattern.compile("src/main/vigil/api\\.vigil" + line + "\\d+: error\\[" + Pattern.quote(id))
                .matcher(failure).find(), failure);
        clean(failure);

        Path target = project.resolve("target");
        Generation.Outcome generated = Generation.run(new GenerateRequest(compile, target.resolve("vigil"),
                Optional.empty(), "test", target.resolve("vigil-state.properties")));
        assertEquals(Generation.Status.FAILED, generated.status());
        assertFalse(Files.exists(target.resolve("vigil")), "nothing is written");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fmtRefusesWithTheDiagnosticAndLeavesTheFile(String name, byte[] text, String id, String line) throws Exception {
        Path sources = write(text);
        Formatting.Report report = Formatting.run(project, sources, false);
        byte[] after = Files.readAllBytes(sources.resolve("api.vigil"));
        if (id.equals("Secret.Inline")) {
            // A secret is the checks' to report; formatting only lays the file out, and never prints it.
            clean(report.problems() + report.failure());
            return;
        }
        assertTrue(report.failure().startsWith("Vigil cannot format files with errors"), report.failure());
        assertTrue(report.problems().contains(id), report.problems());
        clean(report.problems() + report.failure());
        assertTrue(java.util.Arrays.equals(text, after), "the file is left as it was");
    }
}
