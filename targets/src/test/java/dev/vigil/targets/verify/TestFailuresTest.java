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
        assertEquals(List.of("alert `RagCacheCold` 1200000 [rag.vigil:14]", "alert `RagCacheCold` 1200000 [rag.vigil:20]",
                "`job:misses:rate5m` 600000 [rag.vigil:15]"), failures.stream().map(TestFailuresTest::show).toList());
    }

    @Test
    void whatDiffersIsSaidInVigilsTerms() {
        List<TestFailures.Failure> failures = TestFailures.locate(OUTPUT, project());
        assertEquals(List.of(new TestFailures.Difference(
                "alert {service=\"rag\", severity=\"warning\", tenant_id=\"t1\"}", "firing", "not firing")),
                failures.get(0).differences());
        assertEquals(List.of(new TestFailures.Difference("sample job:misses:rate5m{job=\"rag\"}", "2", "1")),
                failures.get(1).differences());
    }

    /** Two alerts expected at once, one with a wrong label and one with a wrong annotation, and one that came unasked. */
    private static final String ALERTS = """
            service api {
              group api {
                alert ApiErrors {
                  when     sum by (route) (rate(api_errors_total[5m])) > 1
                  for      5m
                  severity warning
                  summary  "Errors on {{ $labels.route }}"
                }
              }
              test "errors on two routes" {
                every 1m
                series api_errors_total{route="/a"} = "0+120x30"
                series api_errors_total{route="/b"} = "0+120x30"
                series api_errors_total{route="/c"} = "0+120x30"
                at 20m expect alert ApiErrors {route="/a"}
                at 20m expect alert ApiErrors {route="/b"}
              }
            }
            """;

    private static final String ALERTS_OUTPUT = """
              FAILED:
                name: errors on two routes,
                alertname: ApiErrors, time: 20m,\s
                    exp:[
                        0:
                          Labels:{alertname="ApiErrors", route="/a", service="api", severity="warning"}
                          Annotations:{summary="Errors on /a"}
                        1:
                          Labels:{alertname="ApiErrors", route="/b", service="api", severity="warning"}
                          Annotations:{summary="Errors on /b"}
                        ],\s
                    got:[
                        0:
                          Labels:{alertname="ApiErrors", route="/a", service="api", severity="warning"}
                          Annotations:{summary="Errors on \\"/a\\"\\nnow"}
                        1:
                          Labels:{alertname="ApiErrors", route="/b", service="api", severity="critical"}
                          Annotations:{summary="Errors on /b"}
                        2:
                          Labels:{alertname="ApiErrors", route="/c", service="api", severity="warning"}
                          Annotations:{summary="Errors on /c"}
                        ]
            """;

    @Test
    void eachExpectedAlertIsComparedWithTheOneThatFiredAndUnaskedOnesAreNamed() {
        Project project = Compiler.compile(List.of(new SourceFile("api.vigil", ALERTS))).project().orElseThrow();
        List<TestFailures.Failure> failures = TestFailures.locate(ALERTS_OUTPUT, project);
        assertEquals(List.of("alert `ApiErrors` 1200000 [api.vigil:15]", "alert `ApiErrors` 1200000 [api.vigil:16]"),
                failures.stream().map(TestFailuresTest::show).toList());
        // The lone alert on /c is no one's: it is reported at every expectation of that alert and time.
        TestFailures.Difference unasked = new TestFailures.Difference(
                "alert {route=\"/c\", service=\"api\", severity=\"warning\"}", "not firing", "firing");
        // Go's quoting is read back: the annotation holds quotes and a line break.
        assertEquals(List.of(new TestFailures.Difference("annotation `summary`", "\"Errors on /a\"",
                "\"Errors on \\\"/a\\\"\\nnow\""), unasked), failures.get(0).differences());
        assertEquals(List.of(new TestFailures.Difference("label `severity`", "\"warning\"", "\"critical\""), unasked),
                failures.get(1).differences());
    }

    @Test
    void anExpressionWithoutATestNameIsPlacedByTheSamplesItExpects() {
        String source = """
                service s {
                  group g {
                    record job:x:sum = sum by (job) (x)
                  }
                  test "one" {
                    every 1m
                    series x{job="a"} = "1x10"
                    at 5m expect value job:x:sum is [ {job="a"} = 1 ]
                  }
                  test "two" {
                    every 1m
                    series x{job="a"} = "2x10"
                    at 5m expect value job:x:sum is [ {job="a"} = 3 ]
                  }
                }
                """;
        Project project = Compiler.compile(List.of(new SourceFile("s.vigil", source))).project().orElseThrow();
        String output = """
                  FAILED:
                    expr: "job:x:sum", time: 5m,
                        exp: {__name__="job:x:sum", job="a"} 3E+00
                        got: {__name__="job:x:sum", job="a"} 2E+00
                """;
        List<TestFailures.Failure> failures = TestFailures.locate(output, project);
        assertEquals(List.of("`job:x:sum` 300000 [s.vigil:13]"), failures.stream().map(TestFailuresTest::show).toList());
        assertEquals("two", failures.get(0).test().name());
    }

    @Test
    void whatPromtoolSaysBesideItsBlocksIsKeptWithoutAPlace() {
        List<TestFailures.Failure> failures = TestFailures.locate("""
                time=2025-01-01T00:00:00Z level=WARN source=main.go:1 msg="Unknown option for --enable-feature"
                Unit Testing:  rag.test.yml
                  FAILED:
                    1:1: group "x": could not load rules
                    and more
                """, project());
        assertEquals(1, failures.size());
        assertEquals(TestFailures.Kind.OTHER, failures.get(0).kind());
        assertEquals(List.of(), failures.get(0).spans());
        assertEquals("1:1: group \"x\": could not load rules\nand more", failures.get(0).error());
    }

    @Test
    void numbersAreShownAsWritten() {
        assertEquals("0.25", TestFailures.number("2.5E-01"));
        assertEquals("6", TestFailures.number("6E+00"));
        assertEquals("0", TestFailures.number("0E+00"));
        assertEquals("1.5E+20", TestFailures.number("1.5E+20"));
        assertEquals("NaN", TestFailures.number("NaN"));
        assertEquals("+Inf", TestFailures.number("+Inf"));
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
