package dev.vigil.compiler.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.index.Workspace.Pos;
import dev.vigil.compiler.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Definitions, references and highlights of every kind of symbol, on one small project with cursor markers. */
class NavigationTest {
    static final String MAIN = """
            severities critical > warning > info

            const ⟨gdef⟩error_ratio = 0.05
            const ⟨wdef⟩window = 5m

            template rules ⟨tdef⟩availability(job string) {
              alert "⟨built⟩${service|pascal}Down" {
                when     up{job=$job} == 0
                for      2m
                severity critical
              }
            }

            service checkout {
              const ⟨sdef⟩min_instances = 2

              metric ⟨mdef⟩http_requests_total counter {
                labels [code, method]
                help   "Requests served."
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
                  sum by (job) (rate(⟨mref1⟩http_requests_total{code=~"5.."}[$⟨wref1⟩window]))
                    / (sum by (job) (rate(⟨mref2⟩http_requests_total[5m])) > 0)
                record job:http_latency:p99 =
                  histogram_quantile(0.99, sum by (le) (rate(⟨href⟩http_request_duration_seconds_bucket[5m])))

                alert ⟨adef⟩CheckoutErrors {
                  when     ⟨rref1⟩job:http_errors:ratio_rate5m > $⟨gref1⟩error_ratio
                  for      $⟨wref2⟩window
                  severity critical
                  panel    ⟨dref1⟩overview.⟨pref1⟩errors
                  runbook {
                    related ⟨aref1⟩CheckoutFewInstances, ⟨dref2⟩overview
                  }
                }
                alert ⟨a2def⟩CheckoutFewInstances {
                  when     count(up{job="checkout"}) < ⟨sdollar⟩$⟨sref1⟩min_instances
                  for      5m
                  severity warning
                }
                use ⟨tref1⟩availability(job = "checkout")
              }

              dashboard ⟨ddef⟩overview "Checkout" {
                timeseries ⟨pdef⟩errors "Errors" {
                  query           ⟨rref2⟩job:http_errors:ratio_rate5m
                  thresholds from ⟨aref2⟩CheckoutErrors
                }
              }

              test "errors page" {
                every 1m
                series ⟨mref3⟩http_requests_total{job="checkout", code="500", method="GET"} = "0+10x20"
                at 15m expect no alert ⟨aref3⟩CheckoutErrors
              }
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
              route alertname = "⟨aref4⟩CheckoutFewInstances" to slack_ops
              route default to slack_ops

              inhibit ⟨aref5⟩CheckoutFewInstances while ⟨aref7⟩CheckoutErrors

              test "routes" {
                alert ⟨aref6⟩CheckoutErrors expect ⟨vref2⟩pager
              }
            }
            """;

    static Workspace workspace() {
        return Workspace.of("main.vigil", MAIN, "routing.vigil", ROUTING);
    }

    private static final Workspace W = workspace();

    private static void assertNavigation(String definition, String name, List<String> references) {
        Symbol s = W.symbolAt(definition);
        assertEquals(name, s.name());
        Span def = W.name(definition, name);
        for (String r : references) {
            assertEquals(s, W.symbolAt(r), "the symbol at " + r);
            Pos p = W.at(r);
            assertEquals(List.of(def), W.spans(W.index.definitionsAt(p.file(), p.line(), p.column())), "definition from " + r);
        }
        List<Span> expected = references.stream().map(r -> W.name(r, name)).sorted().toList();
        assertEquals(expected, W.spans(W.index.references(s, false)));
        Pos first = W.at(references.get(0));
        assertEquals(expected, W.spans(W.index.referencesAt(first.file(), first.line(), first.column(), false)));
        assertEquals(expected.size() + 1, W.index.references(s, true).size());
        // Highlights at the definition: the definition and the references written in its file.
        Pos d = W.at(definition);
        List<Span> sameFile = java.util.stream.Stream.concat(java.util.stream.Stream.of(def), expected.stream())
                .filter(x -> x.file().equals(d.file())).sorted().toList();
        assertEquals(sameFile, W.spans(W.index.highlights(d.file(), d.line(), d.column())), "highlights of " + name);
        assertTrue(W.index.references(s, true).stream().anyMatch(o -> o.isDefinition() && o.span().equals(def)));
    }

    @Test
    void theProjectCompiles() {
        W.assertNoErrors();
        assertTrue(W.result.project().isPresent());
    }

    @Test
    void projectConstants() {
        assertNavigation("gdef", "error_ratio", List.of("gref1"));
        assertNavigation("wdef", "window", List.of("wref1", "wref2"));
        assertEquals(new Symbol(SymbolKind.CONSTANT, "window", null, null), W.symbolAt("wref1"));
    }

    @Test
    void serviceConstantsAreScopedToTheirService() {
        assertNavigation("sdef", "min_instances", List.of("sref1"));
        assertEquals("checkout", W.symbolAt("sdef").service());
        // The cursor on the `$` finds the constant too.
        Pos dollar = W.at("sdollar");
        assertEquals(W.symbolAt("sdef"), W.index.symbolAt(dollar.file(), dollar.line(), dollar.column()).orElseThrow());
    }

    @Test
    void metricsAndTheSeriesOfAHistogram() {
        assertNavigation("mdef", "http_requests_total", List.of("mref1", "mref2", "mref3"));
        Symbol histogram = W.symbolAt("hdef");
        Pos bucket = W.at("href");
        Occurrence derived = W.index.occurrencesAt(bucket.file(), bucket.line(), bucket.column()).get(0);
        assertEquals(histogram, derived.symbol());
        assertEquals(Occurrence.Form.DERIVED, derived.form());
        assertEquals(W.name("href", "http_request_duration_seconds_bucket"), derived.span());
    }

    @Test
    void recordingRulesFromTheSelectorsThatReadThem() {
        assertNavigation("rdef", "job:http_errors:ratio_rate5m", List.of("rref1", "rref2"));
    }

    @Test
    void alertsFromPanelsTestsRunbooksRoutesInhibitionsAndRoutingTests() {
        assertNavigation("adef", "CheckoutErrors", List.of("aref2", "aref3", "aref6", "aref7"));
        // `alertname = "..."` in a route and the alert side of an inhibit rule name alerts too.
        assertNavigation("a2def", "CheckoutFewInstances", List.of("aref1", "aref4", "aref5"));
    }

    @Test
    void anAlertATemplateBuildsIsDefinedWhereTheTemplateBuildsIt() {
        Symbol down = Symbol.global(SymbolKind.ALERT, "CheckoutDown");
        List<Occurrence> defs = W.index.definitions(down);
        assertEquals(1, defs.size());
        assertEquals(Occurrence.Form.BUILT, defs.get(0).form());
        assertEquals(W.name("built", "\"${service|pascal}Down\"").file(), defs.get(0).span().file());
        Pos built = W.at("built");
        // The span is the whole string the template builds the name from, quotes included.
        assertEquals(new Span("main.vigil", built.line(), built.column() - 1, built.line(),
                built.column() - 1 + "\"${service|pascal}Down\"".length()), defs.get(0).span());
        assertEquals(Span.Via.Kind.TEMPLATE, defs.get(0).via().kind());
        assertEquals("availability", defs.get(0).via().name());
    }

    @Test
    void receivers() {
        assertNavigation("vdef", "pager", List.of("vref1", "vref2"));
    }

    @Test
    void dashboardsAndPanels() {
        assertNavigation("ddef", "overview", List.of("dref1", "dref2"));
        assertNavigation("pdef", "errors", List.of("pref1"));
        assertEquals(new Symbol(SymbolKind.PANEL, "errors", "checkout", "overview"), W.symbolAt("pref1"));
        assertEquals(new Symbol(SymbolKind.DASHBOARD, "overview", "checkout", null), W.symbolAt("dref1"));
    }

    @Test
    void timeIntervals() {
        assertNavigation("idef", "nights", List.of("iref1"));
    }

    @Test
    void templatesFromTheirUses() {
        assertNavigation("tdef", "availability", List.of("tref1"));
    }

    @Test
    void highlightsAreTheOccurrencesInTheSameFile() {
        Pos p = W.at("aref2");
        List<Span> inMain = W.spans(W.index.highlights(p.file(), p.line(), p.column()));
        assertEquals(List.of(W.name("adef", "CheckoutErrors"), W.name("aref2", "CheckoutErrors"),
                W.name("aref3", "CheckoutErrors")), inMain);
        Pos r = W.at("aref6");
        List<Span> inRouting = W.spans(W.index.highlights(r.file(), r.line(), r.column()));
        assertEquals(List.of(W.name("aref7", "CheckoutErrors"), W.name("aref6", "CheckoutErrors")), inRouting);
    }

    @Test
    void aCursorJustAfterANameFindsIt() {
        Pos p = W.at("vref1");
        assertEquals(W.symbolAt("vdef"), W.index.symbolAt(p.file(), p.line(), p.column() + "pager".length()).orElseThrow());
    }

    @Test
    void nothingStandsOnKeywordsOrWhitespace() {
        Pos p = W.at("adef");
        assertEquals(List.of(), W.index.symbolsAt(p.file(), p.line(), p.column() - 3));
        assertEquals(List.of(), W.index.symbolsAt(p.file(), p.line() + 100, 1));
        assertEquals(List.of(), W.index.symbolsAt("other.vigil", 1, 1));
    }

    @Test
    void workspaceSymbolsListEveryKind() {
        List<SymbolKind> kinds = W.index.symbols().stream().map(Symbol::kind).distinct().sorted().toList();
        assertEquals(List.of(SymbolKind.values()), kinds);
        assertEquals(List.of(new Symbol(SymbolKind.DASHBOARD, "overview", "checkout", null)),
                W.index.named(SymbolKind.DASHBOARD, "overview"));
    }
}
