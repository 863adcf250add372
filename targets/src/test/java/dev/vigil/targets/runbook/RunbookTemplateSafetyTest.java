package dev.vigil.targets.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's runbook templates are written by whoever edits the monitoring repository: each test
 * is a template that tries to do more than turn the runbook data into text, and is stopped.
 */
class RunbookTemplateSafetyTest {
    private static final String PROJECT = String.join("\n",
            "service shop {",
            "  links { prometheus \"https://prom.example.com\" }",
            "  group g {",
            "    alert CacheDrop {",
            "      when cache:hit_ratio:rate5m < 0.3",
            "      severity warning",
            "      summary \"<script>alert(1)</script> [click](javascript:alert(2))\"",
            "      runbook {",
            "        meaning \"<img src=x onerror=alert(3)> [a](javascript:alert(4)) [b](https://ok.example.com) "
                    + "[c]: javascript:alert(5) `<kept as code>` &#106;avascript:x\"",
            "        triage \"Check <b>this</b> [d](data:text/html,x)\"",
            "      }",
            "    }",
            "  }",
            "}", "");

    private static Project project() {
        CompileResult r = Compiler.compile(List.of(new SourceFile("shop.vigil", PROJECT)));
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    private static String runbook(Path templates) {
        OutputManifest out = new OutputManifest();
        new RunbookEmitter().emit(project(), new EmitSettings(Optional.ofNullable(templates)), out);
        return new String(out.read("runbooks/shop/CacheDrop.md"), StandardCharsets.UTF_8);
    }

    private static RunbookTemplateException refused(Path dir, String template) throws IOException {
        Files.writeString(dir.resolve("runbook.md.ftl"), template);
        return assertThrows(RunbookTemplateException.class, () -> runbook(dir));
    }

    @Test
    void newInstantiatesNoClass(@TempDir Path dir) throws IOException {
        RunbookTemplateException e = refused(dir,
                "# x\n<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("not allowed") || e.problem().contains("resolv"), e.problem());
    }

    @Test
    void objectConstructorIsRefusedToo(@TempDir Path dir) throws IOException {
        RunbookTemplateException e = refused(dir,
                "<#assign c=\"freemarker.template.utility.ObjectConstructor\"?new()>${c(\"java.io.File\", \"/\")}\n");
        assertEquals(1, e.line());
    }

    @Test
    void apiBuiltInsAreOff(@TempDir Path dir) throws IOException {
        RunbookTemplateException e = refused(dir, "${alert?api.getClass().getName()}\n");
        assertTrue(e.problem().contains("api"), e.problem());
    }

    @Test
    void theDataModelLeadsToNoJavaObject(@TempDir Path dir) throws IOException {
        // Before, `md` was a Java object and this printed the code source of Vigil's jar.
        assertEquals(1, refused(dir, "${md.class.protectionDomain.codeSource.location}\n").line());
        assertEquals(1, refused(dir, "${md.getClass().getClassLoader()}\n").line());
        assertEquals(1, refused(dir, "${alert.name.class}\n").line());
        assertEquals(1, refused(dir, "${alert.labels.getClass()}\n").line());
    }

    @Test
    void aTemplateCannotLoosenItsSettings(@TempDir Path dir) throws IOException {
        RunbookTemplateException e = refused(dir, "<#setting new_builtin_class_resolver=\"unrestricted\">\n");
        assertEquals(1, e.line());
    }

    @Test
    void valuesAreEscapedAsMarkdown(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("runbook.md.ftl"), "${alert.summary}\n");
        String md = runbook(dir);
        assertEquals("\\<script\\>alert(1)\\</script\\> \\[click\\](javascript:alert(2))\n", md);
    }

    @Test
    void htmlContextsAreEscapedAsHtml(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("runbook.md.ftl"),
                "<#outputformat \"HTML\"><p>${alert.summary}</p></#outputformat>\n<#include \"part.html.ftl\">\n");
        Files.writeString(dir.resolve("part.html.ftl"), "<i>${alert.summary}</i>\n");
        String md = runbook(dir);
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(2))</p>\n"
                + "<i>&lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(2))</i>\n", md);
    }

    @Test
    void theBuiltInRunbookCarriesNoHtmlAndNoScriptLinks() {
        String md = runbook(null);
        assertFalse(md.contains("<script") || md.contains("<img") || md.contains("<b>"), md);
        assertFalse(md.matches("(?s).*\\]\\((javascript|data):.*"), md);
        assertTrue(md.contains("&lt;img src=x onerror=alert(3)> [a]\\(javascript:alert(4)) [b](https://ok.example.com)"
                + " [c]\\: javascript:alert(5) `<kept as code>` &amp;#106;avascript:x"), md);
        assertTrue(md.contains("- [ ] Check &lt;b>this&lt;/b> [d]\\(data:text/html,x)"), md);
    }

    @Test
    void includesCannotClimbOutOfTheTemplatesDirectory(@TempDir Path dir) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
        RunbookTemplateException e = refused(templates, "# x\n<#include \"/../../../../etc/passwd\">\n");
        assertEquals(2, e.line());
        e = refused(templates, "<#include \"../secret.txt\">\n");
        assertEquals(1, e.line());
    }

    @Test
    void symbolicLinksOutOfTheTemplatesDirectoryAreRefused(@TempDir Path dir) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.ftl"), "TOP SECRET");
        Files.createSymbolicLink(templates.resolve("linked"), outside);
        RunbookTemplateException e = refused(templates, "<#include \"linked/secret.ftl\">\n");
        assertTrue(e.problem().contains("links outside the templates directory"), e.problem());

        Files.delete(templates.resolve("runbook.md.ftl"));
        Files.createSymbolicLink(templates.resolve("runbook.md.ftl"), outside.resolve("secret.ftl"));
        e = assertThrows(RunbookTemplateException.class, () -> runbook(templates));
        assertTrue(e.problem().contains("links outside the templates directory"), e.problem());
    }

    @Test
    void aMissingVariableIsReportedAtItsLine(@TempDir Path dir) throws IOException {
        RunbookTemplateException e = refused(dir, "# ${alert.name}\n\nSee ${nosuch}.\n");
        assertEquals(3, e.line());
        assertEquals(7, e.column());
        assertTrue(e.problem().contains("nosuch"), e.problem());
    }

    /** Renders {@code template} from {@code dir} as the project's runbook.md.ftl, within the bounds given. */
    private static RunbookTemplateException bounded(Path dir, String template, Duration timeout, int maxChars)
            throws IOException {
        Files.writeString(dir.resolve("runbook.md.ftl"), template);
        var c = RunbookTemplates.configuration(new EmitSettings(Optional.of(dir)));
        return assertThrows(RunbookTemplateException.class,
                () -> RunbookTemplates.render(c, RunbookEmitter.RUNBOOK, Map.of(), timeout, maxChars));
    }

    @Test
    void aLoopThatNeverEndsIsStopped(@TempDir Path dir) throws IOException {
        long start = System.nanoTime();
        RunbookTemplateException e = bounded(dir, "# x\n\n<#list 1.. as i></#list>\n", Duration.ofMillis(300), 1000);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        assertEquals(3, e.line(), e.problem());
        assertTrue(e.problem().contains("runs longer than"), e.problem());
    }

    @Test
    void aLoopThatWritesForeverIsStoppedAtItsBound(@TempDir Path dir) throws IOException {
        RunbookTemplateException e = bounded(dir, "# x\n<#list 1.. as i>\n${i} and on\n</#list>\n",
                Duration.ofSeconds(30), 1 << 20);
        assertEquals(3, e.line(), e.problem());
        assertTrue(e.problem().contains("writes more than 1 MiB into one runbook"), e.problem());
    }

    @Test
    void staticTextWrittenForeverIsStoppedToo(@TempDir Path dir) throws IOException {
        RunbookTemplateException e = bounded(dir, "<#list 1.. as i>xxxxxxxxxxxxxxxx</#list>\n",
                Duration.ofSeconds(30), 1 << 20);
        assertEquals(1, e.line(), e.problem());
        assertTrue(e.problem().contains("writes more than 1 MiB"), e.problem());
    }

    @Test
    void endlessRecursionIsReported(@TempDir Path dir) throws IOException {
        RunbookTemplateException e = bounded(dir, "<#macro m><@m/></#macro>\n<@m/>\n", Duration.ofSeconds(30), 1000);
        assertTrue(e.problem().contains("calls itself too deeply"), e.problem());
    }
}
