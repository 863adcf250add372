package dev.vigil.compiler.validate.division;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NeverZeroTest {
    @Test
    void everyMetricIsNamedOnTheCheckPage() throws IOException {
        String page = Files.readString(Path.of(System.getProperty("vigil.repo", "..")).resolve("docs/checks/Division.Unsafe.md"));
        for (String metric : NeverZero.METRICS.keySet()) {
            assertTrue(page.contains("`" + metric + "`"), metric + " is not named in docs/checks/Division.Unsafe.md");
        }
    }

    @Test
    void aggregationsAndOverTimeOfTheMetricKeepItNonZeroButArithmeticDoesNot() {
        assertTrue(NeverZero.is(parse("sum by (instance) (node_memory_MemTotal_bytes)")));
        assertTrue(NeverZero.is(parse("max_over_time(process_max_fds[5m])")));
        assertFalse(NeverZero.is(parse("node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes")));
        assertFalse(NeverZero.is(parse("node_memory_SwapTotal_bytes")));
        assertFalse(NeverZero.is(parse("rate(node_memory_MemTotal_bytes[5m])")));
    }

    private static Expr parse(String q) {
        return PromqlParser.parse(q, new DiagnosticSink()).orElseThrow();
    }
}
