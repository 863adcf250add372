package dev.vigil.targets.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.build.Build;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A service's written tests load the rule files they need and no others: their own service's, those of
 * the alerts they expect, and of the rules recording what those read, transitively. A name several
 * services record is read only from the services the selector's `job` does not rule out.
 */
class TestRuleFilesTest {
    private static final String PROJECT = """
            severities critical > warning
            service a {
              group a_rules every 1m {
                record job:req:rate5m = sum by (job) (rate(req_total{job="a"}[5m]))
                alert AHigh { when job:req:rate5m{job="a"} > 1 for 1m severity warning }
                alert AReadsB { when job:lat:p99{job="b"} > 1 for 1m severity warning }
                alert AGuarded { when job:req:rate5m{job="a"} > 5 guard job:traffic:rate5m{job="e"} for 1m severity warning }
              }
              test "a" {
                every 1m
                series req_total{job="a"} = "0+120x10"
                at 5m expect alert AHigh { job = "a" }
                at 5m expect no alert CDown
              }
            }
            service b {
              group b_rules every 1m {
                record job:req:rate5m = sum by (job) (rate(req_total{job="b"}[5m]))
                record job:lat:p99 = max by (job) (lat{job="b"})
              }
            }
            service c {
              group c_rules every 1m {
                record job:req:rate5m = sum by (job) (rate(req_total{job="c"}[5m]))
                alert CDown { when up{job="c"} == 0 for 1m severity critical }
              }
            }
            service d {
              group d_rules every 1m {
                record job:req:rate5m = sum by (job) (rate(req_total{job="d"}[5m]))
              }
            }
            service e {
              group e_rules every 1m {
                record job:traffic:rate5m = sum by (job) (rate(req_total{job="e"}[5m]))
              }
            }
            routing { receiver r webhook { url "https://example.com/hook" } route default to r }
            """;

    @Test
    void testsLoadOnlyTheRuleFilesTheyRead() {
        CompileResult r = Compiler.compile(List.of(new SourceFile("p.vigil", PROJECT)));
        Map<String, byte[]> files = Build.emit(r.project().orElseThrow(() -> new AssertionError(r.diagnostics())),
                EmitSettings.DEFAULT).files();
        Map<?, ?> doc = new Yaml().load(new String(files.get("prometheus/tests/a.test.yml"), StandardCharsets.UTF_8));
        // b records what AReadsB reads; c owns the alert the test expects silent; e records what AGuarded's
        // guard reads; d shares only a name, with another job.
        assertEquals(List.of("../rules/a.rules.yml", "../rules/b.rules.yml", "../rules/c.rules.yml", "../rules/e.rules.yml"),
                doc.get("rule_files"));
        assertEquals(List.of("a_rules", "b_rules", "c_rules", "e_rules"), doc.get("group_eval_order"));
    }
}
