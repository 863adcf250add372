package dev.vigil.targets;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.tools.ToolMatrix;
import dev.vigil.targets.verify.ToolRunner;
import dev.vigil.targets.verify.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproductions of the "one model" issue, each either a precise diagnostic at check or output
 * that promtool and amtool accept and that behaves as written. Where behaviour is the point, the
 * real tools of every entry of the tool matrix run the emitted files, compiled for its releases.
 */
class OneModelReproductionsTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static CompileResult compile(String text) {
        return Compiler.compile(List.of(new SourceFile("repro.vigil", text)));
    }

    private static List<String> errors(CompileResult r) {
        return r.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.code() + " " + d.message()).toList();
    }

    /**
     * Builds the project for every entry of the tool matrix (into {@code dir/<entry>}) and runs that
     * entry's promtool (rules and tests) and amtool (config and routing tests) on it.
     */
    private void buildAndVerifyOnEveryEntry(String text) {
        assertAll(ToolMatrix.entries().stream().map(entry -> (Executable) () -> {
            CompileResult r = entry.compile(List.of(new SourceFile("repro.vigil", text)));
            assertEquals(List.of(), errors(r), entry.label());
            Path out = dir.resolve(entry.name());
            Build.Result written = Build.write(r, out, EmitSettings.DEFAULT);
            assertTrue(written.succeeded());
            Verifier.Report report = Verifier.verify(out, AlertmanagerEmitter.routingTests(r.project().orElseThrow()),
                    new Verifier.Tools(Optional.of(new ToolRunner(entry.promtool().executable(), LIMIT)),
                            Optional.of(new ToolRunner(entry.amtool().executable(), LIMIT))));
            assertTrue(report.passed(), entry.label() + ":\n" + failures(report));
        }));
    }

    private static String failures(Verifier.Report report) {
        StringBuilder b = new StringBuilder();
        report.failures().forEach(c -> b.append(c.description()).append('\n').append(c.run().stdout())
                .append(c.run().stderr()).append('\n'));
        return b.toString();
    }

    @Test
    void anAlertsOwnTeamRoutesToItsPager() throws IOException {
        buildAndVerifyOnEveryEntry("""
                service payments {
                  team "payments"
                  group g {
                    alert CheckoutDown {
                      when     up{job="checkout"} == 0
                      for      2m
                      severity critical
                      labels   { team = "checkout" }
                      summary  "checkout is down"
                      runbook { triage "Look at the checkout pods." }
                    }
                  }
                  test "checkout down pages with team checkout" {
                    series up{job="checkout", instance="a"} = "0x10"
                    at 5m expect alert CheckoutDown {job="checkout", instance="a"}
                  }
                }
                routing {
                  receiver checkout_pager webhook { url "http://127.0.0.1:9/checkout" }
                  receiver payments_pager webhook { url "http://127.0.0.1:9/payments" }
                  receiver fallback webhook { url "http://127.0.0.1:9/fallback" }
                  route team = "checkout" to checkout_pager
                  route team = "payments" to payments_pager
                  route default to fallback
                  test "the checkout alert pages checkout" {
                    {alertname = "CheckoutDown", team = "checkout", severity = "critical", service = "payments"} expect checkout_pager
                  }
                }
                """);
        String rules = Files.readString(dir.resolve(ToolMatrix.byDefault().name()).resolve("prometheus/rules/payments.rules.yml"),
                StandardCharsets.UTF_8);
        assertTrue(rules.contains("team: checkout") && !rules.contains("team: payments"), rules);
    }

    @Test
    void aStaticLabelOverTheQuerysOwnIsAnError() {
        CompileResult r = compile("""
                service edge {
                  metric nginx_ingress_controller_requests counter { labels [ingress, service, status] }
                  group g {
                    alert EdgeErrors {
                      when     sum by (ingress, service) (rate(nginx_ingress_controller_requests{status=~"5.."}[5m])) > 1
                      for      10m
                      severity warning
                      summary  "{{ $labels.ingress }} fails"
                    }
                  }
                }
                """);
        assertTrue(errors(r).stream().anyMatch(e -> e.startsWith("Alert.LabelOverwrite ")), errors(r).toString());
    }

    @Test
    void sloAlertsAreInhibitedRoutedTestedAndReferencedLikeWrittenOnes() {
        buildAndVerifyOnEveryEntry("""
                severities critical > warning > info
                service shop {
                  team "shop"
                  slo availability {
                    objective 99.9%
                    sli events {
                      errors = http_requests_total{code=~"5.."}
                      total  = http_requests_total
                    }
                  }
                  group g {
                    alert ShopDown {
                      when     up{job="shop"} == 0
                      for      2m
                      severity critical
                      summary  "shop is down"
                      runbook {
                        triage  "Check the pods."
                        related ShopAvailabilityBurnRatePage
                      }
                    }
                  }
                  test "a full outage pages through the SLO" {
                    series http_requests_total{code="500"} = "0+600x30"
                    series http_requests_total{code="200"} = "0+0x30"
                    at 10m expect alert ShopAvailabilityBurnRatePage {service="shop", slo="availability"} value 1000
                    at 10m expect no alert ShopAvailabilityBurnRateTicket
                  }
                }
                routing {
                  receiver pager webhook { url "http://127.0.0.1:9/pager" }
                  receiver chat webhook { url "http://127.0.0.1:9/chat" }
                  route severity >= critical to pager
                  route default to chat
                  inhibit ShopAvailabilityBurnRateTicket while ShopAvailabilityBurnRatePage on [slo]
                  test "the SLO page reaches the pager" {
                    {alertname = "ShopAvailabilityBurnRatePage", severity = "critical", slo = "availability", tier = "page"} expect pager
                  }
                }
                """);
    }

    @Test
    void aWrittenAlertWithAGeneratedNameIsReportedAtBoth() {
        CompileResult r = compile("""
                service shop {
                  slo availability {
                    objective 99.9%
                    sli events {
                      errors = http_requests_total{code=~"5.."}
                      total  = http_requests_total
                    }
                  }
                  group g {
                    alert ShopAvailabilityBurnRatePage {
                      when     up == 0
                      severity warning
                    }
                  }
                }
                """);
        List<Integer> lines = r.diagnostics().stream().filter(d -> d.code().equals("Name.Duplicate"))
                .map(d -> d.span().line()).toList();
        assertEquals(List.of(2, 10), lines, r.diagnostics().toString());
    }

    @Test
    void aUnitlessRangeIsAnErrorNotAWarningForPrometheus2() {
        CompileResult r = compile("""
                settings { prometheus_version "2.42" }
                service shop {
                  group g {
                    record job:x:rate5 = sum by (job) (rate(x_total[5]))
                  }
                }
                """);
        assertTrue(errors(r).stream().anyMatch(e -> e.startsWith("PromQL.DurationWithoutUnit ")), errors(r).toString());
    }

    @Test
    void aGuardOnAPerSeriesDenominatorIsNoFix() {
        CompileResult r = compile("""
                service fleet {
                  metric used_bytes gauge { labels [instance] }
                  metric max_bytes gauge { labels [instance] }
                  group g {
                    alert DiskFull {
                      when     used_bytes / max_bytes > 0.9
                      guard    max_bytes
                      for      10m
                      severity warning
                      summary  "{{ $labels.instance }} is full"
                    }
                  }
                }
                """);
        assertTrue(errors(r).stream().anyMatch(e -> e.startsWith("Division.Unsafe ")), errors(r).toString());
    }

    @Test
    void anExpectedValueOfARecordingRulePassesInPromtool() {
        buildAndVerifyOnEveryEntry("""
                service shop {
                  group g {
                    record job:x:rate5m = sum by (job) (rate(x_total[5m]))
                  }
                  test "the rate is recorded per job" {
                    series x_total{job="shop", instance="a"} = "0+60x20"
                    at 10m expect value job:x:rate5m is [ {job="shop"} = 1 ]
                  }
                }
                """);
    }

    @Test
    void aQuantileOverARecordingRuleWithoutLeIsAnError() {
        CompileResult r = compile("""
                service shop {
                  group g {
                    record job:x_bucket:rate5m = sum by (job) (rate(x_bucket[5m]))
                    alert ShopSlow {
                      when     histogram_quantile(0.99, job:x_bucket:rate5m) > 0.5
                      for      10m
                      severity warning
                      summary  "slow"
                    }
                  }
                }
                """);
        assertTrue(errors(r).stream().anyMatch(e -> e.startsWith("Histogram.QuantileWithoutLe ")), errors(r).toString());
    }

    @Test
    void emitterInputsAreCheckedBeforeTheBuild() {
        CompileResult r = compile("""
                settings { alertmanager_version "0.25" }
                routing {
                  receiver hook webhook { url_file "/etc/am/hook" }
                  time_interval weekend {
                    weekdays ["sundays"]
                    times    ["2am-4am"]
                    location "Europe/Londn"
                  }
                  route default to hook { mute_time_intervals [weekend] }
                }
                """);
        List<String> codes = r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
        assertTrue(codes.containsAll(List.of("Target.Unsupported", "Type.InvalidWeekday", "Type.InvalidTimeRange",
                "Type.InvalidTimeZone")), r.diagnostics().toString());
    }
}
