package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    /** Runs the command line as {@link LintCommandTest} does. */
    static LintCommandTest.Run run(String... args) {
        return LintCommandTest.run(args);
    }

    private static final String PROJECT = """
            severities critical > warning
            service api {
              group api_rules {
                alert ApiDown {
                  when     up{job="api"} == 0
                  for      5m
                  severity critical
                  summary  "api is down"
                }
                alert ApiSlow {
                  when     rate(slow_total{job="api"}[5m]) > 1
                  for      5m
                  severity warning
                  summary  "api is slow"
                }
              }
            }
            """;

    @TempDir
    Path dir;

    private void write(String side, String text) throws Exception {
        Files.createDirectories(dir.resolve(side));
        Files.writeString(dir.resolve(side).resolve("api.vigil"), text);
    }

    @Test
    void twoDirectoriesInEachFormatAndFailOnBreaking() throws Exception {
        write("old", PROJECT);
        write("new", PROJECT.replaceAll("(?s)    alert ApiSlow \\{.*?\\n    }\\n", "").replace("for      5m", "for      10m"));
        String old = dir.resolve("old").toString();
        String now = dir.resolve("new").toString();
        LintCommandTest.Run text = run("diff", old, now);
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("    ~ ApiDown: for 5m → 10m\n"), text.out());
        assertTrue(text.out().contains("    - ApiSlow: warning, for 5m,"), text.out());
        assertTrue(text.out().contains("  breaking: The alert `ApiSlow` is removed"), text.out());

        LintCommandTest.Run markdown = run("diff", "--format", "markdown", old, now);
        assertTrue(markdown.out().contains("<details><summary><code>api</code>: 2 changes</summary>"), markdown.out());

        LintCommandTest.Run json = run("diff", "--format", "json", old, now);
        assertEquals(true, new ObjectMapper().readTree(json.out()).get("breaking").asBoolean(), json.out());

        LintCommandTest.Run failing = run("diff", "--fail-on", "breaking", old, now);
        assertEquals(1, failing.status());
        assertEquals(0, run("diff", "--fail-on", "breaking", old, old).status());
    }

    @Test
    void aSideThatDoesNotCompileIsReportedWithExit2() throws Exception {
        write("old", PROJECT.replace("severity critical", "severity urgent"));
        write("new", PROJECT);
        LintCommandTest.Run r = run("diff", dir.resolve("old").toString(), dir.resolve("new").toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(dir.resolve("old") + " does not compile:"), r.err());
        assertTrue(r.err().contains("api.vigil:7:"), r.err());
        assertEquals("", r.out());

        LintCommandTest.Run json = run("diff", "--format", "json", dir.resolve("old").toString(),
                dir.resolve("new").toString());
        assertEquals(2, json.status(), json.out() + json.err());
        com.fasterxml.jackson.databind.JsonNode diagnostics = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out());
        assertEquals("Alert.UnknownSeverity", diagnostics.get(0).path("code").asText(), json.out());
        assertEquals(7, diagnostics.get(0).path("line").asInt(), json.out());
        assertEquals("", json.err());
    }

    @Test
    void usageMistakesAreExit2() throws Exception {
        assertEquals(2, run("diff", "only-one").status());
        assertEquals(2, run("diff", dir.resolve("missing").toString(), dir.toString()).status());
        assertEquals(2, run("diff", "--git", "HEAD", "a", "b").status());
    }

    @Test
    void gitRevisionAgainstTheWorkingTree() throws Exception {
        write("mon", PROJECT);
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "first");
        write("mon", PROJECT.replace("> 1", "> 2"));
        LintCommandTest.Run r = run("diff", "--git", "HEAD", dir.resolve("mon").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("vigil diff: HEAD → working tree\n"), r.out());
        assertTrue(r.out().contains("    ~ ApiSlow: threshold 1 → 2\n"), r.out());
    }

    /** The compiler's golden case of template changes: a default, a parameter added, a nested panels template. */
    private static final Path TEMPLATES_CASE = Path.of(System.getProperty("vigil.repo", ".."))
            .resolve("compiler/src/test/resources/diff/templates");

    @Test
    void aTemplateChangeIsReportedOnceWithItsReachInTextAndJson() throws Exception {
        String old = TEMPLATES_CASE.resolve("before").toString();
        String now = TEMPLATES_CASE.resolve("after").toString();
        LintCommandTest.Run text = run("diff", old, now);
        assertEquals(0, text.status(), text.err());
        String expected = Files.readString(TEMPLATES_CASE.resolve("expected.txt"));
        assertEquals(expected.replace("vigil diff: before → after", "vigil diff: " + old + " → " + now), text.out());
        assertTrue(text.out().contains("\ntemplates\n  ~ queue_lag: added parameter `wait duration = 15m`, body changed;"
                + " affects 2 alerts in 1 service\n"), text.out());

        LintCommandTest.Run json = run("diff", "--format", "json", old, now);
        assertEquals(0, json.status(), json.err());
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json.out());
        assertEquals("red", root.get("templates").get(1).get("name").asText(), json.out());
        assertEquals(2, root.get("templates").get(1).get("reach").get("objects").get("alert").asInt(), json.out());
        root.put("before", "before").put("after", "after");
        assertEquals(mapper.readTree(TEMPLATES_CASE.resolve("expected.json").toFile()), root);
        // Breaking is what it was: retuned alerts and retitled panels are not.
        assertEquals(0, run("diff", "--fail-on", "breaking", old, now).status());
    }

    @Test
    void againstAGitRevisionTemplateBodiesAreReadFromTheRevision() throws Exception {
        Files.createDirectories(dir.resolve("mon"));
        for (String file : List.of("templates.vigil", "services.vigil")) {
            Files.copy(TEMPLATES_CASE.resolve("before").resolve(file), dir.resolve("mon").resolve(file));
        }
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "first");
        // A default and a panel title change; `queue_lag` only gains a comment and loses some alignment.
        Path templates = dir.resolve("mon/templates.vigil");
        Files.writeString(templates, Files.readString(templates).replace("error_ratio percentage = 5%", "error_ratio percentage = 2%")
                .replace("\"Errors\"", "\"5xx responses\"").replace("for      5m", "for 5m // long enough for a burst"));
        LintCommandTest.Run r = run("diff", "--git", "HEAD", dir.resolve("mon").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\ntemplates\n"
                + "  ~ red: default error_ratio 5% → 2%; affects 2 alerts, 3 dashboards or panels in 3 services\n"
                + "  ~ red_row: body changed; affects 3 dashboards or panels in 3 services\n\n"), r.out());
        assertFalse(r.out().contains("queue_lag"), r.out());
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Vigil Test", "-c",
                "user.email=test@vigil.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
