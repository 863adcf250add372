package dev.vigil.targets.prometheus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.tools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `vigil check` refuses for the default target, Prometheus 2.42, promtool 2.42 refuses too:
 * each query alone in a rule, checked by Vigil and, as written, by the real promtool.
 */
class PromtoolTargetTest {
    @TempDir
    Path temp;

    private record Case(String expr, String id, String summary) {
    }

    @TestFactory
    List<DynamicTest> queriesVigilRefusesForPrometheus242PromtoolRefuses() {
        Tool promtool = Tool.require("promtool");
        Tool.Result version = promtool.run(List.of("--version"));
        if (!(version.stdout() + version.stderr()).contains("version 2.42.")) {
            System.err.println("WARNING: promtool is not 2.42; the target version checks are SKIPPED.");
            Assumptions.abort("promtool is not 2.42");
        }
        List<Case> cases = List.of(
                new Case("rate(http_requests_total[300])", "PromQL.DurationWithoutUnit", "x"),
                new Case("http_requests_total offset 3600", "PromQL.DurationWithoutUnit", "x"),
                new Case("max_over_time(up[1h:30])", "PromQL.DurationWithoutUnit", "x"),
                new Case("cert_expiry_timestamp_seconds - time() < 15d", "PromQL.DurationAsNumber", "x"),
                new Case("mad_over_time(up[10m])", "Target.Unsupported", "x"),
                new Case("histogram_avg(rate(http_request_duration_seconds[5m]))", "Target.Unsupported", "x"),
                new Case("sum by (\"service.name\") (up)", "Target.Unsupported", "x"),
                new Case("up == 0", "Target.Unsupported", "down since {{ now }}"),
                new Case("up == 0", "Target.Unsupported", "{{ 1 | toDuration }}"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.id() + ": " + c.expr() + " / " + c.summary(), () -> {
                // promtool 2.42 is what this test runs: the project targets it.
                String vigil = "settings { prometheus_version \"2.42\" }\nservice api {\n  group g every 1m {\n    alert A {\n      when " + c.expr()
                        + "\n      for 5m\n      severity warning\n      summary \"" + c.summary().replace("\"", "\\\"")
                        + "\"\n    }\n  }\n}\n";
                CompileResult r = Compiler.compile(List.of(new SourceFile("a.vigil", vigil)));
                assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals(c.id()) && d.blocking()),
                        r.diagnostics().toString());
                Tool.Result promtoolSays = promtool.run(List.of("check", "rules", rules(c).toString()));
                assertFalse(promtoolSays.ok(), "promtool accepts what Vigil refuses:\n" + promtoolSays.report());
            }));
        }
        return tests;
    }

    private Path rules(Case c) throws IOException {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("alert", "A");
        rule.put("expr", c.expr());
        rule.put("annotations", Map.of("summary", c.summary()));
        Path file = Files.createTempFile(temp, "rules", ".yml");
        Files.writeString(file, Yaml.dump(Map.of("groups", List.of(Map.of("name", "g", "rules", List.of(rule))))));
        return file;
    }
}
