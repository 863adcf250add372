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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.parser.Parser;
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

    /**
     * Each remediation's command sits inside its numbered step, as a CommonMark renderer reads it, from the
     * first step to the twelfth: "10. " puts a step's text in column 5, so a fence indented less than 4
     * spaces would fall out of the list there (Python-Markdown with superfences needs the 4 spaces too).
     */
    @Test
    void everyRemediationCommandIsInsideItsNumberedStep() {
        StringBuilder steps = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            steps.append("        remediate \"Step ").append(i).append(".\" run \"step-").append(i)
                    .append(" --now\\nverify-").append(i).append("\"\n");
        }
        String project = PROJECT.replace("        remediate \"Flush it.\" run \"echo '```' && cachectl flush\"\n",
                steps.toString());
        CompileResult r = Compiler.compile(List.of(new SourceFile("shop.vigil", project)));
        OutputManifest out = new OutputManifest();
        new RunbookEmitter().emit(r.project().orElseThrow(() -> new AssertionError(r.diagnostics())), EmitSettings.DEFAULT, out);
        Node doc = Parser.builder().build().parse(new String(out.read("runbooks/shop/Cache_Drop.md"), StandardCharsets.UTF_8));
        List<String> placed = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if ("sh".equals(block.getInfo())) {
                    Node item = block.getParent();
                    Node list = item == null ? null : item.getParent();
                    assertTrue(item instanceof ListItem && list instanceof OrderedList, block.getLiteral()
                            + " is not inside a numbered step");
                    int n = ((OrderedList) list).getMarkerStartNumber() + index(item);
                    placed.add(n + ": " + block.getLiteral().strip().replace("\n", " / "));
                }
            }
        });
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            expected.add(i + ": step-" + i + " --now / verify-" + i);
        }
        assertEquals(expected, placed, "one list, each command under its own step");
    }

    private static int index(Node item) {
        int i = 0;
        for (Node n = item.getPrevious(); n != null; n = n.getPrevious()) {
            i++;
        }
        return i;
    }

    @Test
    void literalTextIsEscapedAndCodeIsFencedSafely() {
        String md = runbook(EmitSettings.DEFAULT);
        assertTrue(md.startsWith("# Cache\\_Drop\n"), md);
        assertTrue(md.contains("(team web \\| ops)"), md);
        assertTrue(md.contains("| Fires when | `< 0.3` |"), md);
        assertTrue(md.contains("### Ratio \\[by tenant\\]"), md);
        // The command holds a triple backtick, so its fence is longer.
        assertTrue(md.contains("````sh\n    echo '```' && cachectl flush\n    ````"), md);
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
