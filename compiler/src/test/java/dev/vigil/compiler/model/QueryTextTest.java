package dev.vigil.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryTextTest {
    private static Project compile(String text) {
        CompileResult r = Compiler.compile(List.of(new SourceFile("q.vigil", text)));
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    @Test
    void constantsAreSubstitutedInEveryPosition() {
        Project p = compile(String.join("\n",
                "service s {",
                "  const group = \"crm-events-sse\"",
                "  const threshold = 4.50",
                "  const window = 5m",
                "  const vips = [\"vip-1\", \"a.b+c\"]",
                "  group g {",
                "    record job:x:rate = sum by (consumergroup) (rate(lag{consumergroup=$group, tenant=~$vips}[$window])) > $threshold",
                "  }",
                "}", ""));
        Map<String, Constant> scope = new HashMap<>();
        p.services().get(0).constants().forEach(c -> scope.put(c.name(), c));
        Rule r = p.services().get(0).groups().get(0).rules().get(0);
        assertEquals("sum by (consumergroup) (rate(lag{consumergroup=\"crm-events-sse\", tenant=~\"vip-1|a\\\\.b\\\\+c\"}[5m])) > 4.5",
                QueryText.of(r.expr(), scope));
    }

    @Test
    void grafanaVariablesStay() {
        Project p = compile(String.join("\n",
                "service s {",
                "  dashboard d \"D\" {",
                "    variable interval = interval [1m, 5m]",
                "    timeseries t \"T\" { query rate(x{job=\"$job\"}[$interval]) + rate(x[$__rate_interval]) }",
                "  }",
                "}", ""));
        var q = p.services().get(0).dashboards().get(0).rows().get(0).panels().get(0).queries().get(0);
        assertEquals("rate(x{job=\"$job\"}[$interval]) + rate(x[$__rate_interval])",
                QueryText.of(q.expr(), Map.of(), Set.of("interval")));
    }
}
