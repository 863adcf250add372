package dev.vigil.lsp.navigation;

import dev.vigil.lsp.harness.ServerHarness;
import java.nio.file.Path;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/**
 * A project of two files with every kind of symbol: {@code main.vigil}, which tests open in the editor,
 * and {@code routing.vigil}, which stays on disk (its positions come from the text the compiler read;
 * a line with characters outside the BMP before a name checks the UTF-16 columns). Markers name the
 * definitions ({@code ...def}) and references ({@code ...ref}).
 */
final class Fixture {
    static final String MAIN = """
            import "lib:std/prometheus.vigil"

            severities critical > warning > info

            const ⟨gdef⟩error_ratio = 0.05
            const ⟨wdef⟩window = 5m
            const ⟨down⟩down = 0

            template rules ⟨tdef⟩availability(job string) {
              alert ⟨built⟩"${service|pascal}Down" {
                when     up{job=$job} == $down
                for      2m
                severity critical
              }
            }

            template panels traffic_row() {
              timeseries ⟨shared⟩requests "Requests" { query vector(1) }
            }

            service checkout {
              const ⟨sdef⟩min_instances = 2

              metric ⟨mdef⟩http_requests_total counter {
                labels          [code, method]
                optional_labels [region]
                help            "Requests served."
              }
              metric ⟨hdef⟩http_request_duration_seconds histogram {
                labels  [method]
                buckets [0.1, 0.5, 1]
              }
              metric up gauge {
                labels [job, instance]
              }

              group checkout_rules {
                record ⟨rdef⟩job:http_errors:ratio_rate5m =
                  sum by (job) (⟨rate⟩rate(⟨mref1⟩http_requests_total{code=~"5.."}[$⟨wref1⟩window])⟨rateEnd⟩)
                    / (sum by (job) (rate(⟨mref2⟩http_requests_total[5m])) > 0)
                record job:http_latency:p99 =
                  histogram_quantile(0.99, sum by (le) (rate(⟨href⟩http_request_duration_seconds_bucket[5m])))

                alert ⟨adef⟩CheckoutErrors {
                  when     ⟨rref1⟩job:http_errors:ratio_rate5m > $⟨gref1⟩error_ratio
                  for      $⟨wref2⟩window
                  severity critical
                  panel    ⟨dref1⟩overview.⟨pref1⟩errors
                  runbook {
                    related ⟨a2ref1⟩CheckoutFewInstances, ⟨dref2⟩overview
                  }
                }
                alert ⟨a2def⟩CheckoutFewInstances {
                  when     count(up{job="checkout"}) < $⟨sref1⟩min_instances
                  for      5m
                  severity warning
                }
                use ⟨tref1⟩availability(job = "checkout")
              }

              slo ⟨slo⟩availability {
                objective 99.9%
                window    30d
                sli events {
                  errors = ⟨mref3⟩http_requests_total{code=~"5.."}
                  total  = ⟨mref4⟩http_requests_total
                }
                alerting {
                  page   critical
                  ticket warning
                }
              }

              dashboard ⟨ddef⟩overview "Checkout" {
                timeseries ⟨pdef⟩errors "Errors" {
                  query           ⟨rref2⟩job:http_errors:ratio_rate5m
                  thresholds from ⟨aref1⟩CheckoutErrors
                }
              }
              dashboard traffic "Traffic" { use traffic_row() }
              dashboard traffic2 "Traffic 2" { use traffic_row() }

              test "errors page" {
                every 1m
                series ⟨mref5⟩http_requests_total{job="checkout", code="500", method="GET"} = "0+10x20"
                at 15m expect no alert ⟨aref2⟩CheckoutErrors
              }
            }

            service monitoring {
              use ⟨lib⟩prometheus_server()
            }
            """;

    static final String ROUTING = """
            routing {
              receiver ⟨vdef⟩pager pagerduty {
                routing_key_file "/etc/alertmanager/pagerduty-key"
              }
              receiver slack_ops webhook {
                url "https://hooks.example.com/ops"
              }
              time_interval ⟨idef⟩nights {
                times ["00:00-06:00"]
              }

              route severity >= critical to ⟨vref1⟩pager {
                mute_time_intervals [⟨iref1⟩nights]
              }
              route alertname = "⟨a2ref2⟩CheckoutFewInstances" to slack_ops
              route default to slack_ops

              inhibit ⟨a2ref3⟩CheckoutFewInstances while ⟨aref3⟩CheckoutErrors

              test "routes 🚨 é" { alert ⟨aref4⟩CheckoutErrors expect ⟨vref2⟩pager }
            }
            """;

    final Marks main = Marks.strip(MAIN);
    final Marks routing = Marks.strip(ROUTING);
    final ServerHarness h;

    /** Starts a server on {@code dir} with {@code routing.vigil} on disk and {@code main.vigil} open. */
    Fixture(Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("routing.vigil"), routing.text());
        h = ServerHarness.start(dir);
        h.open("main.vigil", main.text());
        h.awaitCompiled();
    }

    Marks marks(String file) {
        return file.equals("main.vigil") ? main : routing;
    }

    /** The file a marker is in: the names are unique across the two. */
    String file(String mark) {
        return main.positions().containsKey(mark) ? "main.vigil" : "routing.vigil";
    }

    Position at(String mark) {
        return marks(file(mark)).at(mark);
    }

    /** {@code offset} UTF-16 units right of the marker. */
    Position at(String mark, int offset) {
        return marks(file(mark)).at(mark, offset);
    }

    TextDocumentIdentifier doc(String mark) {
        return new TextDocumentIdentifier(h.uri(file(mark)));
    }

    /** Where the name that starts at the marker is. */
    Location location(String mark, String name) {
        return new Location(h.uri(file(mark)), marks(file(mark)).range(mark, name.length()));
    }
}
