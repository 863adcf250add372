package dev.vigil.targets.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** promtool's failure report, read back to the `.vigil` lines of the expectations that failed. */
class TestFailuresTest {
    private static final String SOURCE = """
            service rag {
              group cache {
                record job:misses:rate5m = sum by (job) (rate(rag_cache_misses_total[5m]))
                alert RagCacheCold {
                  when     sum by (tenant_id) (rate(rag_cache_misses_total[5m])) > 0.5
                  for      5m
                  severity warning
                  summary  "Cache cold"
                }
              }
              test "a cold cache alerts" {
                every 1m
                series rag_cache_misses_total{job="rag", tenant_id="t1"} = "0+60x30"
                at 20m expect alert RagCacheCold {tenant_id="t1"}
                at 10m expect value job:misses:rate5m is [ {job="rag"} = 2 ]
              }
              test "it alerts again later" {
                every 1m
                series rag_cache_misses_total{job="rag", tenant_id="t1"} = "0+60x30"
                at 20m expect alert RagCacheCold {tenant_id="t1"}
              }
            }
            """;

    /** What promtool 2.42 prints, trimmed to the lines that matter, for both kinds of failure. */
    private static final String OUTPUT = """
            Unit Testing:  rag.test.yml
              FAILED:
                name: it alerts again later,
                alertname: RagCacheCold, time: 20m,\s
                    exp:[
                        0:
                          Labels:{alertname="RagCacheCold", service="rag", severity="warning", tenant_id="t1"}
                        ],\s
                    got:[]
                name: a cold cache alerts,
                expr: "job:misses:rate5m", time: 10m,
                    exp: {__name__="job:misses:rate5m", job="rag"} 2E+00
                    got: {__name__="job:misses:rate5m", job="rag"} 1E+00

            """;

    private static Project project() {
        return Compiler.compile(List.of(new SourceFile("rag.vigil", SOURCE))).project().orElseThrow();
    }

    @Test
    void eachFailureIsNamedAtItsExpectationInTheGroupPromtoolNames() {
        List<TestFailures.Failure> failures = TestFailures.locate(OUTPUT, project());
        assertEquals(List.of("alert `RagCacheCold` 1200000 [rag.vigil:20]", "`job:misses:rate5m` 600000 [rag.vigil:15]"),
                failures.stream().map(TestFailuresTest::show).toList());
    }

    @Test
    void withoutAGroupNameEveryTestExpectingTheSameIsNamed() {
        String unnamed = OUTPUT.lines().filter(l -> !l.trim().startsWith("name: ")).reduce("", (a, b) -> a + b + "\n");
        List<TestFailures.Failure> failures = TestFailures.locate(unnamed, project());
        assertEquals(List.of("alert `RagCacheCold` 1200000 [rag.vigil:14, rag.vigil:20]",
                "`job:misses:rate5m` 600000 [rag.vigil:15]"), failures.stream().map(TestFailuresTest::show).toList());
    }

    @Test
    void aPassingRunNamesNothing() {
        assertEquals(List.of(), TestFailures.locate("Unit Testing:  rag.test.yml\n  SUCCESS\n", project()));
    }

    private static String show(TestFailures.Failure f) {
        return f.what() + " " + f.atMillis() + " "
                + f.spans().stream().map(TestFailuresTest::at).toList().toString();
    }

    private static String at(Span s) {
        return s.file() + ":" + s.line();
    }
}
