package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `vigil build --templates` with templates that try to do more than write a runbook: each is a user
 * error (exit status 1) naming `Input.RunbookTemplate` at the template's file and line, in text and
 * in JSON, within bounded time, with no Java trace, and nothing is written. A templates directory
 * outside the project is refused before anything is read (exit status 2).
 */
class TemplateSafetyTest {
    private static final Pattern TRACE = JavaTrace.PATTERN;
    private static final String PROJECT = """
            service api {
              group api_alerts {
                alert ApiDown {
                  when     up{job="api"} == 0
                  for      5m
                  severity warning
                  summary  "The API is down"
                }
              }
            }
            """;

    @TempDir
    Path dir;

    private Path project() throws IOException {
        Path p = Files.createDirectories(dir.resolve("p"));
        Files.writeString(p.resolve("api.vigil"), PROJECT);
        return p;
    }

    /** Builds the project with {@code template} as its runbook.md.ftl, in text and in JSON, and checks both. */
    private void refused(String template, int line, String problem) throws IOException {
        Path p = project();
        Path templates = Files.createDirectories(p.resolve("templates"));
        Files.writeString(templates.resolve("runbook.md.ftl"), template);
        Path out = dir.resolve("out");

        VigilCommandTest.Run text = VigilCommandTest.run("build", "--templates", templates.toString(), "--out",
                out.toString(), p.toString());
        assertEquals(1, text.status(), text.out() + text.err());
        assertTrue(text.out().contains("runbook.md.ftl:" + line + ":"), text.out());
        assertTrue(text.out().contains(": error[Input.RunbookTemplate]: The runbook template `runbook.md.ftl` cannot "
                + "be rendered: "), text.out());
        assertTrue(text.out().contains(problem), text.out());
        assertFalse(TRACE.matcher(text.out() + text.err()).find(), text.out() + text.err());
        assertFalse(Files.exists(out), "nothing is written");

        VigilCommandTest.Run json = VigilCommandTest.run("build", "--format", "json", "--templates",
                templates.toString(), "--out", out.toString(), p.toString());
        assertEquals(1, json.status(), json.out() + json.err());
        assertFalse(TRACE.matcher(json.out() + json.err()).find(), json.out() + json.err());
        JsonNode last = null;
        for (JsonNode d : new ObjectMapper().readTree(json.out())) {
            if (d.path("code").asText().equals("Input.RunbookTemplate")) {
                last = d;
            }
        }
        assertTrue(last != null, json.out());
        assertTrue(last.path("file").asText().endsWith("runbook.md.ftl"), json.out());
        assertEquals(line, last.path("line").asInt(), json.out());
        assertTrue(last.path("message").asText().contains(problem), json.out());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aTemplateCannotRunACommand() throws IOException {
        // The reproduction of issue 14: this wrote `uid=0(root)` into every runbook.
        refused("# ${alert.name}\n<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n", 2,
                "Instantiating freemarker.template.utility.Execute is not allowed");
    }

    @Test
    void aTemplateCannotReachJavaThroughItsData() throws IOException {
        refused("${md.class.protectionDomain.codeSource.location}\n", 1, "md.class");
    }

    @Test
    void aSyntaxErrorIsAtItsLine() throws IOException {
        refused("# ${alert.name}\n\n<#if alert.name>\n", 3, "");
    }

    @Test
    void aMissingVariableIsAtItsLine() throws IOException {
        refused("# ${alert.name}\n\nSee ${nosuch}.\n", 3, "nosuch");
    }

    @Test
    void anIncludeCannotReadOutsideTheTemplates() throws IOException {
        refused("# x\n<#include \"/../../../../../etc/passwd\">\n", 2, "Backing out from the root directory");
    }

    @Test
    void aLoopThatNeverEndsStopsWithinSeconds() throws IOException {
        long start = System.nanoTime();
        refused("# x\n\n<#list 1.. as i></#list>\n", 3, "runs longer than 5 seconds");
        // Two builds (text and JSON), each stopped after 5 seconds.
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
    }

    @Test
    void aTemplateThatWritesForeverStopsAtTheBound() throws IOException {
        refused("# x\n<#list 1.. as i>\n${i} and on and on\n</#list>\n", 3, "writes more than 1 MiB into one runbook");
    }

    @Test
    void templatesOutsideTheProjectAreRefused() throws IOException {
        Path p = project();
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        VigilCommandTest.Run r = VigilCommandTest.run("build", "--templates", outside.toString(), "--out",
                dir.resolve("out").toString(), p.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("vigil: --templates: ") && r.err().contains("is outside the project"), r.err());
        assertFalse(Files.exists(dir.resolve("out")));

        // A link inside the project that leads out is outside too.
        Files.createSymbolicLink(p.resolve("templates"), outside);
        r = VigilCommandTest.run("build", "--templates", p.resolve("templates").toString(), "--out",
                dir.resolve("out").toString(), p.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("is outside the project") && r.err().contains("it links to"), r.err());
    }

    @Test
    void templatesInsideTheProjectStillOverrideTheBuiltInOnes() throws IOException {
        Path p = project();
        Path templates = Files.createDirectories(p.resolve("templates"));
        Files.writeString(templates.resolve("runbook.md.ftl"), "# ${md.text(alert.name)}\n\n${alert.summary}\n");
        VigilCommandTest.Run r = VigilCommandTest.run("build", "--templates", templates.toString(), "--out",
                dir.resolve("out").toString(), p.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals("# ApiDown\n\nThe API is down\n", Files.readString(dir.resolve("out/runbooks/api/ApiDown.md")));
    }
}
