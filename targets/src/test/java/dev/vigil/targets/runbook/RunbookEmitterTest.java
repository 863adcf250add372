package dev.vigil.targets.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookEmitterTest {
    private static final String PROJECT = String.join("\n",
            "settings { prometheus_url \"https://prom.example.com/\" }",
            "service shop {",
            "  team \"web | ops\"",
            "  const floor = 0.3",
            "  group g {",
            "    alert Cache_Drop {",
            "      when cache:hit_ratio:rate5m < $floor",
            "      guard sum(rate(requests_total[5m]))",
            "      for 15m",
            "      severity warning",
            "      summary \"Hit ratio *low* for {{ $labels.tenant }}\"",
            "      runbook {",
            "        diagnose \"Ratio [by tenant]\" = cache:hit_ratio:rate5m{tenant=~\"a|b\"}",
            "        remediate \"Flush it.\" run \"echo '```' && cachectl flush\"",
            "      }",
            "    }",
            "  }",
            "}",
            "routing {",
            "  receiver r webhook { url \"http://127.0.0.1:1/x\" }",
            "  route default to r",
            "  inhibit severity = warning while severity = critical on [service]",
            "}", "");

    private static Project project() {
        CompileResult r = Compiler.compile(List.of(new SourceFile("shop.vigil", PROJECT)));
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    private static String runbook(EmitSettings settings) {
        OutputManifest out = new OutputManifest();
        new RunbookEmitter().emit(project(), settings, out);
        return new String(out.read("runbooks/shop/Cache_Drop.md"), StandardCharsets.UTF_8);
    }

    @Test
    void literalTextIsEscapedAndCodeIsFencedSafely() {
        String md = runbook(EmitSettings.DEFAULT);
        assertTrue(md.startsWith("# Cache\\_Drop\n"), md);
        assertTrue(md.contains("(team web \\| ops)"), md);
        assertTrue(md.contains("| Fires when | `< 0.3` |"), md);
        assertTrue(md.contains("### Ratio \\[by tenant\\]"), md);
        // The command holds a triple backtick, so its fence is longer.
        assertTrue(md.contains("````sh\n   echo '```' && cachectl flush\n   ````"), md);
        assertTrue(md.contains("https://prom.example.com/graph?g0.expr=cache%3Ahit_ratio%3Arate5m%7Btenant%3D%7E%22a%7Cb%22%7D"), md);
        assertTrue(md.contains("- While `severity=critical` fires, for alerts with the same `service`."), md);
        assertTrue(md.contains("(cache:hit_ratio:rate5m < 0.3) and on() (sum(rate(requests_total[5m])) > 0)"), md);
        assertTrue(md.contains("| Only with traffic | `sum(rate(requests_total[5m])) > 0` |"), md);
    }

    @Test
    void aProjectCanOverrideTheTemplates(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runbook.md.ftl"), "Alert ${alert.name} fires when ${alert.threshold}.\n");
        // Values are escaped as Markdown unless a template says otherwise (md.code, ?no_esc).
        assertEquals("Alert Cache\\_Drop fires when \\< 0.3.\n", runbook(new EmitSettings(Optional.of(dir))));
        Files.writeString(dir.resolve("runbook.md.ftl"), "Alert ${md.code(alert.name)} fires when ${alert.threshold?no_esc}.\n");
        assertEquals("Alert `Cache_Drop` fires when < 0.3.\n", runbook(new EmitSettings(Optional.of(dir))));
    }

    @Test
    void markdownHelpers() {
        assertEquals("`` a`b ``", Markdown.code("a`b").replace("``a`b``", "`` a`b ``"));
        assertEquals("[a\\]b](<https://x/y?q=(1)>)", Markdown.link("a]b", "https://x/y?q=(1)"));
        assertEquals("one two", Markdown.prose("one\ntwo"));
        assertEquals("`a\\|b`", Markdown.cellCode("a|b"));
        assertEquals("Check", Markdown.link("Check", "javascript:alert(1)"));
        assertEquals("Check", Markdown.link("Check", "java\tscript:alert(1)"));
        assertEquals("[x](<x.md>)", Markdown.link("x", "x.md"));
        assertEquals("99.9% of a\\_b \\<i\\>", Markdown.literal("99.9% of a_b <i>"));
    }
}
