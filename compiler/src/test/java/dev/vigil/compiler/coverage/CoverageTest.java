package dev.vigil.compiler.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.coverage.Coverage.Item;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.TestCoverage;
import dev.vigil.compiler.model.TestCoverage.Kind;
import dev.vigil.compiler.source.SourceFile;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What counts as testing each kind of object, decided on small projects. */
class CoverageTest {
    private static final Set<Kind> ALL = EnumSet.allOf(Kind.class);

    static Project compile(String source) {
        CompileResult r = Compiler.compile(List.of(new SourceFile("p.vigil", source)));
        assertFalse(r.hasErrors(), () -> TextRenderer.render(r.diagnostics(), r.sources()));
        return r.project().orElseThrow();
    }

    private static Item item(Coverage c, String name) {
        return c.items().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + c.items()));
    }

    /** The points of an item as {@code name=yes|no}, in order. */
    private static String points(Item i) {
        StringBuilder out = new StringBuilder();
        for (Coverage.Point p : i.points()) {
            out.append(out.isEmpty() ? "" : " ").append(p.name()).append('=').append(p.covered() ? "yes" : "no");
        }
        return out.toString();
    }

    private static final String SERVICE = """
            service shop {
              group shop_errors every 1m {
                record job:shop_errors:rate5m = sum by (job) (rate(shop_errors_total[5m]))
                record job:shop_requests:rate5m = sum by (job) (rate(shop_requests_total[5m]))
                record job:shop_errors:ratio_rate5m = job:shop_errors:rate5m / (job:shop_requests:rate5m > 0)
                record job:shop_unused:max = max by (job) (shop_queue_depth)

                alert ShopErrorsHigh {
                  when     job:shop_errors:ratio_rate5m > 0.1
                  for      5m
                  severity warning
                  summary  "Errors high"
                }

                alert ShopDown {
                  when     up{job="shop"} == 0
                  for      2m
                  severity critical
                  summary  "Shop down"
                }
              }
            %s
            }
            """;

    /** One test, without traffic, that expects the error alert silent. */
    private static final String FLAT = SERVICE.formatted("""
              test "flat" {
                every 1m
                series shop_requests_total{job="shop"} = "100x30"
                at 20m expect no alert ShopErrorsHigh
              }
            """);

    @Test
    void anAlertIsFiredSilentAndWithoutTrafficByTheTestsThatExpectIt() {
        Coverage c = Coverages.of(compile(SERVICE.formatted("""
                  test "a quarter failing fires" {
                    every 1m
                    series shop_requests_total{job="shop"} = "0+40x30"
                    series shop_errors_total{job="shop"} = "0+10x30"
                    at 20m expect alert ShopErrorsHigh {job="shop"}
                  }
                  test "flat counters fire nothing" {
                    every 1m
                    series shop_requests_total{job="shop"} = "100x30"
                    series shop_errors_total{job="shop"} = "7 7 _ 7x20"
                    series up{job="shop", instance="a"} = "1x30"
                    at 20m expect no alert ShopErrorsHigh
                    at 20m expect no alert ShopDown
                  }
                """)));
        Item errors = item(c, "ShopErrorsHigh");
        assertEquals(Kind.ALERTS, errors.kind());
        assertEquals("fires=yes silent=yes no_traffic=yes", points(errors));
        // The counters its rates read, through two recording rules.
        assertEquals(List.of("shop_errors_total", "shop_requests_total"), errors.rateInputs());
        assertEquals("a quarter failing fires", errors.point(Coverage.FIRES).by().get(0).test());
        assertEquals(26, errors.point(Coverage.FIRES).by().get(0).span().line());
        // `up == 0` reads no rate: there is no no-traffic point to meet.
        Item down = item(c, "ShopDown");
        assertEquals("fires=no silent=yes", points(down));
        assertNull(down.point(Coverage.NO_TRAFFIC));
    }

    @Test
    void aSilentExpectationWithTrafficIsNotANoTrafficTest() {
        Coverage c = Coverages.of(compile(SERVICE.formatted("""
                  test "few errors stay quiet" {
                    every 1m
                    series shop_requests_total{job="shop"} = "0+40x30"
                    series shop_errors_total{job="shop"} = "0x30"
                    at 20m expect no alert ShopErrorsHigh
                  }
                """)));
        // The errors are flat, but the requests climb: traffic.
        assertEquals("fires=no silent=yes no_traffic=no", points(item(c, "ShopErrorsHigh")));
    }

    @Test
    void absentInputsAndSeriesTheRateDoesNotSelectAreNoTraffic() {
        Coverage c = Coverages.of(compile("""
                service api {
                  group api every 1m {
                    alert ApiErrors {
                      when     sum by (job) (rate(api_requests_total{code=~"5.."}[5m])) > 1
                      severity warning
                      summary  "Errors"
                    }
                  }
                  test "only successes, and another metric" {
                    every 1m
                    series api_requests_total{job="api", code="200"} = "0+100x30"
                    series api_other_total{job="api"} = "0+5x30"
                    at 20m expect no alert ApiErrors
                  }
                }
                """));
        // The climbing series is a 200: the rate's selector refuses it, so the errors it reads have no traffic.
        assertEquals("fires=no silent=yes no_traffic=yes", points(item(c, "ApiErrors")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        0x30          | true
        5+0x10        | true
        3 _ 3 stale 3 | true
        _x5           | true
        0+1x30        | false
        1 2 1         | false
        nonsense      | false
        """)
    void flatSeries(String values, boolean flat) {
        assertEquals(flat, Coverages.flat(values), values);
    }

    @Test
    void aRecordingRuleIsReadByAnExpectedValueOrByAnExpectedAlertThroughOtherRules() {
        Coverage c = Coverages.of(compile(SERVICE.formatted("""
                  test "the error ratio" {
                    every 1m
                    series shop_requests_total{job="shop"} = "0+40x30"
                    series shop_errors_total{job="shop"} = "0+10x30"
                    at 10m expect value round(job:shop_errors:rate5m, 0.001) is [ {job="shop"} = 0.167 ]
                  }
                  test "down" {
                    every 1m
                    series up{job="shop", instance="a"} = "0x30"
                    at 10m expect alert ShopDown {job="shop", instance="a"}
                  }
                """)));
        assertEquals("read=yes", points(item(c, "job:shop_errors:rate5m")));
        // Read by nothing: the alert on the ratio is never expected, and `ShopDown` reads no rule.
        assertEquals("read=no", points(item(c, "job:shop_requests:rate5m")));
        assertEquals("read=no", points(item(c, "job:shop_errors:ratio_rate5m")));
        assertEquals("read=no", points(item(c, "job:shop_unused:max")));

        Coverage viaAlert = Coverages.of(compile(SERVICE.formatted("""
                  test "silent" {
                    every 1m
                    series shop_requests_total{job="shop"} = "0+40x30"
                    at 10m expect no alert ShopErrorsHigh
                  }
                """)));
        // The alert reads the ratio, which reads both rates.
        for (String rule : List.of("job:shop_errors:rate5m", "job:shop_requests:rate5m", "job:shop_errors:ratio_rate5m")) {
            assertEquals("read=yes", points(item(viaAlert, rule)), rule);
        }
        assertEquals("read=no", points(item(viaAlert, "job:shop_unused:max")));
    }

    private static final String ROUTING = """
            severities critical > warning > info

            service api {
              group api every 1m {
                alert ApiDown {
                  when     up{job="api"} == 0
                  severity critical
                  summary  "Down"
                }
                alert ApiSlow {
                  when     up{job="api"} > 5
                  severity warning
                  summary  "Slow"
                }
              }
            }

            routing {
              receiver pager pagerduty { routing_key_file "/k" }
              receiver chat slack { channel "#c" api_url_file "/s" }
              receiver db slack { channel "#db" api_url_file "/s" }
              route team = "db" to db {
                route severity >= critical to pager
              }
              route severity >= critical to pager { continue }
              route default to chat
              inhibit ApiSlow while ApiDown on [service]
              inhibit severity = info while severity = critical on [alertname]
              test "cases" {
            %s
              }
            }
            """;

    @Test
    void aRouteIsReachedByTheCasesTheWalkTakesThroughItAndAnInhibitByTheCasesItSilences() {
        Coverage c = Coverages.of(compile(ROUTING.formatted("""
                    { alertname = "X", team = "db", severity = "critical" } expect pager
                    alert ApiDown expect pager, chat
                    alert ApiSlow while alert ApiDown expect inhibited
                    { alertname = "Y", severity = "info" } while { alertname = "Z", severity = "critical" } expect not inhibited
                """)));
        List<Item> routes = c.of(Set.of(Kind.ROUTES));
        assertEquals(List.of("route team = \"db\" to db", "route severity >= critical to pager",
                "route severity >= critical to pager", "route default to chat"), routes.stream().map(Item::name).toList());
        // The db route takes the first case and hands it to its child; ApiDown passes the `continue`
        // route on to the default one.
        assertEquals(List.of("reached=yes", "reached=yes", "reached=yes", "reached=yes"),
                routes.stream().map(CoverageTest::points).toList());
        List<Item> inhibits = c.of(Set.of(Kind.INHIBITIONS));
        assertEquals("inhibit ApiSlow while ApiDown on [service]", inhibits.get(0).name());
        assertEquals("inhibits=yes", points(inhibits.get(0)));
        // `not inhibited` (the alertnames differ) shows what the rule spares, not what it silences.
        assertEquals("inhibit severity = \"info\" while severity = \"critical\" on [alertname]", inhibits.get(1).name());
        assertEquals("inhibits=no", points(inhibits.get(1)));

        Coverage onlyDefault = Coverages.of(compile(ROUTING.formatted("""
                    { alertname = "X", severity = "warning" } expect chat
                """)));
        assertEquals(List.of("reached=no", "reached=no", "reached=no", "reached=yes"),
                onlyDefault.of(Set.of(Kind.ROUTES)).stream().map(CoverageTest::points).toList());
    }

    @Test
    void anSloListsItsGeneratedScenariosAndTheirAlertsPoints() {
        Coverage c = Coverages.of(compile("""
                service shop {
                  slo availability {
                    objective 99.9%
                    sli events {
                      errors = shop_requests_total{code=~"5.."}
                      total  = shop_requests_total
                    }
                  }
                  slo probes {
                    objective 99%
                    sli availability {
                      good = probe_success{job="shop"}
                    }
                  }
                }
                """));
        Item events = item(c, "availability");
        assertEquals(Kind.SLOS, events.kind());
        assertEquals(List.of("fast burn", "slow burn", "zero traffic", "recovery"), events.scenarios());
        assertEquals("fires=yes silent=yes no_traffic=yes fires=yes silent=yes no_traffic=yes", points(events));
        assertEquals(List.of("ShopAvailabilityBurnRatePage", "ShopAvailabilityBurnRateTicket"),
                events.points().stream().map(Coverage.Point::alert).distinct().toList());
        // The generated burn-rate alerts and recording rules are the SLO's, not objects of their own.
        assertTrue(c.of(Set.of(Kind.ALERTS, Kind.RECORDING_RULES)).isEmpty(), c.items()::toString);
        // An availability SLI cannot be fed an exact burn: nothing is generated, and nothing tests it.
        Item probes = item(c, "probes");
        assertEquals(List.of(), probes.scenarios());
        assertFalse(probes.covered());
    }

    @Test
    void theShareCountsPointsAndIsRoundedDown() {
        Coverage c = Coverages.of(compile(FLAT));
        // ShopErrorsHigh: 2 of 3 (no firing test), ShopDown: 0 of 2, the four recording rules: 3 of 4
        // (the unused one is read by nothing): 5 of 9.
        assertEquals(9, c.points(ALL));
        assertEquals(5, c.covered(ALL));
        assertEquals(new BigDecimal("55.5"), c.percent(ALL));
        assertTrue(c.meets(new BigDecimal("55.5"), ALL));
        assertFalse(c.meets(new BigDecimal("55.6"), ALL));
        assertEquals(new BigDecimal("75"), c.percent(Set.of(Kind.RECORDING_RULES)));
        assertEquals(BigDecimal.valueOf(100), c.percent(Set.of(Kind.SLOS)), "no points: nothing is missing");
    }

    @Test
    void belowTheMinimumEachUncoveredObjectIsAnErrorAtItsDeclaration() {
        Project p = compile(FLAT);
        Coverage c = Coverages.of(p);
        assertEquals(List.of(), Uncovered.diagnostics(c, TestCoverage.NONE), "nothing required");
        assertEquals(List.of(), Uncovered.diagnostics(c, TestCoverage.NONE.withMinimum(BigDecimal.valueOf(50))));
        List<Diagnostic> ds = Uncovered.diagnostics(c, TestCoverage.NONE.withMinimum(BigDecimal.valueOf(100)));
        assertEquals(List.of(
                "8:11 Alert `ShopErrorsHigh` has no test that makes it fire.",
                "15:11 Alert `ShopDown` has no test that makes it fire or expects it silent.",
                "6:5 No test reads the recording rule `job:shop_unused:max`."),
                ds.stream().map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).toList());
        assertTrue(ds.stream().allMatch(d -> d.code().equals("Test.Uncovered") && d.isError()));
        assertEquals("Add `at TIME expect alert ShopDown {labels}` to a test whose series make it fire; add `at TIME "
                + "expect no alert ShopDown` to a test whose series keep it quiet.", ds.get(1).hint());
        // Only the kinds that count are named.
        TestCoverage rules = new TestCoverage(BigDecimal.valueOf(100), null, Set.of(Kind.RECORDING_RULES), null);
        assertEquals(1, Uncovered.diagnostics(c, rules).size());
    }

    @Test
    void theNoTrafficHintNamesTheCountersTheRateReads() {
        Coverage c = Coverages.of(compile(SERVICE.formatted("""
                  test "fires and stays silent under load" {
                    every 1m
                    series shop_requests_total{job="shop"} = "0+40x30"
                    series shop_errors_total{job="shop"} = "0+10x30"
                    at 2m expect no alert ShopErrorsHigh
                    at 20m expect alert ShopErrorsHigh {job="shop"}
                  }
                """)));
        Diagnostic d = Uncovered.diagnostic(item(c, "ShopErrorsHigh"));
        assertEquals("Alert `ShopErrorsHigh` has no test that expects it silent without traffic.", d.message());
        assertEquals("Add `at TIME expect no alert ShopErrorsHigh` to a test where `shop_errors_total` and "
                + "`shop_requests_total` are absent or flat (`0x30`).", d.hint());
    }

    @Test
    void reportsShowEveryKindAndTheMinimum() {
        Coverage c = Coverages.of(compile(FLAT));
        TestCoverage strict = TestCoverage.NONE.withMinimum(BigDecimal.valueOf(100));
        assertEquals("""
                Test coverage: 5 of 9 points (55.5%); 100% required

                alerts            fires  silent  no traffic
                  ShopErrorsHigh  no     yes     yes         p.vigil:8
                  ShopDown        no     no      -           p.vigil:15

                recording rules                 read
                  job:shop_errors:rate5m        yes
                  job:shop_requests:rate5m      yes
                  job:shop_errors:ratio_rate5m  yes
                  job:shop_unused:max           no    p.vigil:6
                """, CoverageReports.text(c, strict));
        assertEquals("""
                ### Vigil test coverage: 5 of 9 points (55.5%); 100% required

                | kind | points met | share |
                |---|---|---|
                | alerts | 2 of 5 | 40% |
                | recording rules | 3 of 4 | 75% |

                Not fully tested:

                - alert `ShopErrorsHigh` (p.vigil:8): missing fires
                - alert `ShopDown` (p.vigil:15): missing fires, silent
                - recording rule `job:shop_unused:max` (p.vigil:6): missing read
                """, CoverageReports.markdown(c, strict));
        var json = CoverageReports.json(c, new TestCoverage(null, null, Set.of(Kind.ALERTS), null));
        assertEquals(2, json.get("covered").asInt());
        assertEquals(5, json.get("points").asInt());
        assertTrue(json.get("required").isNull());
        assertEquals("[\"alerts\"]", json.get("kinds").toString());
        assertEquals(Map.of("covered", 3, "points", 4), Map.of("covered", json.get("byKind").get("recording_rules")
                .get("covered").asInt(), "points", json.get("byKind").get("recording_rules").get("points").asInt()));
        var first = json.get("items").get(0);
        assertEquals("alerts", first.get("kind").asText());
        assertEquals("shop", first.get("service").asText());
        assertEquals(8, first.get("line").asInt());
        assertEquals("no_traffic", first.get("points").get(2).get("point").asText());
        assertEquals("flat", first.get("points").get(2).get("tests").get(0).get("test").asText());
        assertEquals("[\"shop_errors_total\",\"shop_requests_total\"]", first.get("rateInputs").toString());
    }

    @Test
    void theSettingsRequireAShareOfSomeKinds() {
        String service = "service api {\n}\n";
        TestCoverage strict = compile("settings {\n  test_coverage strict\n}\n" + service).settings().testCoverage();
        assertEquals(BigDecimal.valueOf(100), strict.minimumPercent());
        assertEquals(ALL, strict.kinds());
        assertEquals(2, strict.minimumSpan().line());
        TestCoverage some = compile("settings {\n  test_coverage 95.5%\n  test_coverage_kinds [alerts, routes]\n}\n"
                + service).settings().testCoverage();
        assertEquals(new BigDecimal("95.5"), some.minimumPercent());
        assertEquals(Set.of(Kind.ALERTS, Kind.ROUTES), some.kinds());
        assertFalse(compile("settings {\n  test_coverage off\n}\n" + service).settings().testCoverage().required());
        assertFalse(compile(service).settings().testCoverage().required());
        // A build tool's minimum replaces the setting's; the kinds stay.
        assertEquals(Set.of(Kind.ALERTS, Kind.ROUTES), some.withMinimum(BigDecimal.TEN).kinds());
    }
}
