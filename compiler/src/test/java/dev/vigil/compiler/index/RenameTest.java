package dev.vigil.compiler.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.index.Workspace.Pos;
import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renames of every kind that supports them, their edits, and each reason to refuse one. */
class RenameTest {
    private static final Workspace W = NavigationTest.workspace();

    /** Renames the symbol at the marker, recompiles, and checks what a rename must keep. */
    private static Workspace.Renamed renameAndCheck(Workspace w, String mark, String newName) {
        Symbol s = w.symbolAt(mark);
        RenameResult r = w.index.rename(s, newName);
        RenameResult.Edits edits = assertInstanceOf(RenameResult.Edits.class, r, () -> r.toString());
        assertEquals(w.index.occurrences(s).size(), edits.count());
        for (List<TextEdit> inFile : edits.byFile().values()) {
            inFile.forEach(e -> assertEquals(newName, e.newText()));
        }
        Workspace.Renamed after = w.renamed(r);
        assertEquals(Workspace.diagnosticKeys(w.result), Workspace.diagnosticKeys(after.result()),
                () -> "diagnostics changed: " + after.result().diagnostics());
        Symbol renamed = s.renamed(newName);
        assertEquals(w.index.references(s, false).size(), after.index().references(renamed, false).size());
        assertEquals(w.index.definitions(s).size(), after.index().definitions(renamed).size());
        assertEquals(List.of(), after.index().occurrences(s), "the old name is gone");
        return after;
    }

    private static String refusal(Workspace w, String mark, String newName) {
        RenameResult r = w.index.rename(w.symbolAt(mark), newName);
        return assertInstanceOf(RenameResult.Refused.class, r, () -> r.toString()).reason();
    }

    private static String lineAt(Workspace.Renamed r, Pos p) {
        return r.text(p.file()).split("\n", -1)[p.line() - 1];
    }

    @Test
    void anAlertEverywhereItIsNamed() {
        Workspace.Renamed after = renameAndCheck(W, "adef", "CheckoutErrorRatio");
        assertEquals("    alert CheckoutErrorRatio {", lineAt(after, W.at("adef")));
        assertEquals("      thresholds from CheckoutErrorRatio", lineAt(after, W.at("aref2")));
        assertEquals("  inhibit CheckoutFewInstances while CheckoutErrorRatio", lineAt(after, W.at("aref7")));
    }

    @Test
    void anAlertNamedInAStringMatcher() {
        Workspace.Renamed after = renameAndCheck(W, "a2def", "CheckoutUnderProvisioned");
        assertEquals("  route alertname = \"CheckoutUnderProvisioned\" to slack_ops", lineAt(after, W.at("aref4")));
    }

    @Test
    void aRecordingRuleAndTheSelectorsThatReadIt() {
        Workspace.Renamed after = renameAndCheck(W, "rdef", "job:http_errors:ratio_rate5m_v2");
        assertEquals("      query           job:http_errors:ratio_rate5m_v2", lineAt(after, W.at("rref2")));
    }

    @Test
    void constantsOfTheProjectAndOfAService() {
        Workspace.Renamed after = renameAndCheck(W, "wdef", "rate_window");
        assertTrue(lineAt(after, W.at("wref1")).contains("[$rate_window]"), lineAt(after, W.at("wref1")));
        renameAndCheck(W, "sref1", "fewest_instances");
    }

    @Test
    void receiversPanelsAndTemplates() {
        Workspace.Renamed after = renameAndCheck(W, "vref2", "oncall_pager");
        assertEquals("  route severity >= critical to oncall_pager {", lineAt(after, W.at("vref1")));
        after = renameAndCheck(W, "pdef", "error_ratio");
        assertEquals("      panel    overview.error_ratio", lineAt(after, W.at("dref1")));
        after = renameAndCheck(W, "tref1", "uptime");
        assertEquals("    use uptime(job = \"checkout\")", lineAt(after, W.at("tref1")));
    }

    @Test
    void theSameNameChangesNothing() {
        Symbol s = W.symbolAt("adef");
        RenameResult.Edits edits = assertInstanceOf(RenameResult.Edits.class, W.index.rename(s, "CheckoutErrors"));
        assertEquals(0, edits.count());
    }

    @Test
    void prepareRenameGivesTheNameUnderTheCursor() {
        Pos p = W.at("aref3");
        PrepareRename.Allowed ok = assertInstanceOf(PrepareRename.Allowed.class, W.index.prepareRename(p.file(), p.line(),
                p.column() + 3));
        assertEquals(W.name("aref3", "CheckoutErrors"), ok.range());
        assertEquals("CheckoutErrors", ok.name());
        Pos c = W.at("gref1");
        assertEquals(W.name("gref1", "error_ratio"), assertInstanceOf(PrepareRename.Allowed.class,
                W.index.prepareRename(c.file(), c.line(), c.column())).range());
        PrepareRename.Refused none = assertInstanceOf(PrepareRename.Refused.class,
                W.index.prepareRename(p.file(), p.line(), 1));
        assertTrue(none.reason().startsWith("There is no name"), none.reason());
        Pos m = W.at("mref1");
        PrepareRename.Refused metric = assertInstanceOf(PrepareRename.Refused.class,
                W.index.prepareRename(m.file(), m.line(), m.column()));
        assertTrue(metric.reason().startsWith("Renaming a metric is not supported"), metric.reason());
    }

    // ------------------------------------------------------------ refusals

    @Test
    void aNameTheLanguageDoesNotAcceptForTheKind() {
        assertEquals("`1Checkout` is not a valid alert name: a name of letters, digits and `_`, not starting with a digit.",
                refusal(W, "adef", "1Checkout"));
        assertTrue(refusal(W, "adef", "Checkout Errors").startsWith("`Checkout Errors` is not a valid alert name"));
        assertTrue(refusal(W, "rdef", "job-errors").startsWith("`job-errors` is not a valid recording rule name"));
        assertTrue(refusal(W, "gdef", "9ratio").startsWith("`9ratio` is not a valid constant name"));
        assertTrue(refusal(W, "vdef", "pager.main").startsWith("`pager.main` is not a valid receiver name"));
        assertTrue(refusal(W, "pdef", "").startsWith("A name cannot be empty"));
        assertTrue(refusal(W, "tdef", "a{").startsWith("`a{` is not a valid template name"));
        // A recording rule's name may have colons; an alert's may not.
        assertTrue(refusal(W, "adef", "job:errors").startsWith("`job:errors` is not a valid alert name"));
    }

    @Test
    void aNameAlreadyTakenInTheSameScope() {
        assertEquals("`CheckoutFewInstances` is already the name of an alert.", refusal(W, "adef", "CheckoutFewInstances"));
        assertEquals("`checkoutfewinstances` and alert `CheckoutFewInstances` would share one catalogue page.",
                refusal(W, "adef", "checkoutfewinstances"));
        assertEquals("`error_ratio` is already a constant of the project.", refusal(W, "wdef", "error_ratio"));
        assertEquals("`window` is already a constant of the project.", refusal(W, "sdef", "window"));
        assertEquals("`min_instances` is already a constant of service `checkout`.", refusal(W, "wdef", "min_instances"));
        assertEquals("`slack_ops` is already the name of a receiver.", refusal(W, "vdef", "slack_ops"));
        assertTrue(refusal(W, "rdef", "http_requests_total").startsWith("`http_requests_total` is already a series of a "
                + "declared metric"));
        assertTrue(refusal(W, "rdef", "http_request_duration_seconds_bucket").startsWith(
                "`http_request_duration_seconds_bucket` is already a series of a declared metric"));
        assertEquals("`job:http_latency:p99` is already the name of a recording rule.",
                refusal(W, "rdef", "job:http_latency:p99"));
    }

    @Test
    void panelsAreUniqueInTheirDashboardOnly() {
        Workspace w = Workspace.of("""
                service a {
                  dashboard one "One" {
                    timeseries ⟨p⟩errors "Errors" { query vector(1) }
                    timeseries latency "Latency" { query vector(1) }
                  }
                  dashboard two "Two" {
                    timeseries traffic "Traffic" { query vector(1) }
                  }
                }
                """);
        assertEquals("`latency` is already a panel of dashboard `one`.", refusal(w, "p", "latency"));
        renameAndCheck(w, "p", "traffic");
    }

    @Test
    void aMetricOrATimeIntervalIsNotRenamed() {
        assertTrue(refusal(W, "mdef", "requests_total").startsWith("Renaming a metric is not supported"));
        assertTrue(refusal(W, "idef", "weekends").startsWith("Renaming a time interval is not supported"));
        assertTrue(refusal(W, "ddef", "main").startsWith("Renaming a dashboard is not supported"));
    }

    @Test
    void aNameATemplateBuilds() {
        Symbol down = Symbol.global(SymbolKind.ALERT, "CheckoutDown");
        RenameResult.Refused r = assertInstanceOf(RenameResult.Refused.class, W.index.rename(down, "CheckoutUnreachable"));
        Pos b = W.at("built");
        assertEquals("`CheckoutDown` is built by template `availability` from `\"${service|pascal}Down\"` at main.vigil:"
                + b.line() + ":" + (b.column() - 1) + ", which a rename cannot change; rename it there.", r.reason());
        PrepareRename.Refused p = assertInstanceOf(PrepareRename.Refused.class,
                W.index.prepareRename(b.file(), b.line(), b.column() + 3));
        assertEquals(r.reason(), p.reason());
    }

    @Test
    void textATemplateWritesForSeveralSymbols() {
        Workspace w = Workspace.of("""
                template panels traffic_row() {
                  timeseries ⟨p⟩requests "Requests" { query vector(1) }
                }
                service a {
                  dashboard one "One" { use traffic_row() }
                  dashboard two "Two" { use traffic_row() }
                }
                """);
        Pos p = w.at("p");
        PrepareRename.Refused r = assertInstanceOf(PrepareRename.Refused.class, w.index.prepareRename(p.file(), p.line(),
                p.column()));
        assertEquals("`requests` at test.vigil:2:14 is written once in template `traffic_row` for 2 panels; renaming it "
                + "there would rename all of them.", r.reason());
        assertEquals(2, w.index.symbolsAt(p.file(), p.line(), p.column()).size());
    }

    @Test
    void aTemplateUsedOnceIsRenamedInItsBody() {
        Workspace w = Workspace.of("""
                const ⟨c⟩ceiling = 0.5
                template rules ⟨t⟩latency(job string) {
                  alert ⟨a⟩SlowRequests {
                    when     max(http_latency_seconds{job=$job}) > $⟨cref⟩ceiling
                    for      5m
                    severity warning
                  }
                }
                service a {
                  group g { use latency(job = "a") }
                }
                """);
        Workspace.Renamed after = renameAndCheck(w, "a", "SlowResponses");
        assertEquals("  alert SlowResponses {", lineAt(after, w.at("a")));
        after = renameAndCheck(w, "cref", "latency_ceiling");
        assertTrue(lineAt(after, w.at("cref")).endsWith("> $latency_ceiling"));
        renameAndCheck(w, "t", "slow");
    }

    @Test
    void aConstantThatAParameterOrVariableWouldCapture() {
        Workspace w = Workspace.of("""
                const ⟨c⟩ceiling = 0.5
                const ⟨q⟩queue = "orders"
                template rules latency(job string) {
                  alert SlowRequests {
                    when     max(http_latency_seconds{job=$job}) > $⟨cu⟩ceiling
                    for      5m
                    severity warning
                  }
                }
                service a {
                  group g { use latency(job = "a") }
                  dashboard d "D" {
                    variable instance = label_values(up, instance)
                    timeseries p "P" { query queue_depth{queue=$⟨qu⟩queue} }
                  }
                }
                """);
        Pos cu = w.at("cu");
        assertEquals("`$job` at test.vigil:5:" + cu.column() + " would mean the parameter or variable `job` of the block "
                + "at test.vigil:3:1, not the constant.", refusal(w, "c", "job"));
        assertTrue(refusal(w, "c", "service").startsWith("`$service` at test.vigil:5:" + cu.column() + " would mean"));
        Pos qu = w.at("qu");
        assertTrue(refusal(w, "q", "instance").startsWith("`$instance` at test.vigil:14:" + qu.column() + " would mean"));
        renameAndCheck(w, "q", "queue_name");
    }

    @Test
    void aNameFromALibraryFile() {
        Workspace w = Workspace.of("""
                import "lib:std/prometheus.vigil"
                service monitoring {
                  use ⟨u⟩prometheus_server()
                }
                """);
        Symbol t = w.symbolAt("u");
        assertEquals(Symbol.global(SymbolKind.TEMPLATE, "prometheus_server"), t);
        RenameResult.Refused r = assertInstanceOf(RenameResult.Refused.class, w.index.rename(t, "prometheus"));
        assertTrue(r.reason().startsWith("`prometheus_server` is declared in the library file `lib:std/prometheus.vigil`"),
                r.reason());
        assertTrue(r.reason().endsWith(", which is read-only."), r.reason());
        assertTrue(w.index.definitions(t).get(0).inLibrary());
    }

    @Test
    void anAlertAnSloGenerates() {
        Workspace w = Workspace.of("""
                service checkout {
                  metric http_requests_total counter { labels [code] }
                  slo ⟨slo⟩availability {
                    objective 99.9%
                    window    30d
                    sli events {
                      errors = http_requests_total{code=~"5.."}
                      total  = http_requests_total
                    }
                    alerting {
                      page   critical
                      ticket warning
                    }
                  }
                }
                """);
        Pos p = w.at("slo");
        List<Symbol> generated = w.index.symbolsAt(p.file(), p.line(), p.column());
        Symbol page = Symbol.global(SymbolKind.ALERT, "CheckoutAvailabilityBurnRatePage");
        assertTrue(generated.contains(page), generated.toString());
        assertEquals(Occurrence.Form.GENERATED, w.index.definitions(page).get(0).form());
        assertEquals(w.name("slo", "availability"), w.index.definitions(page).get(0).span());
        RenameResult.Refused r = assertInstanceOf(RenameResult.Refused.class, w.index.rename(page, "CheckoutBurn"));
        assertEquals("`CheckoutAvailabilityBurnRatePage` is generated by the compiler from the declaration at test.vigil:3:7; "
                + "rename that declaration instead.", r.reason());
    }

    @Test
    void editsAreGroupedByFileInSourceOrder() {
        RenameResult.Edits edits = assertInstanceOf(RenameResult.Edits.class,
                W.index.rename(W.symbolAt("adef"), "CheckoutErrorRatio"));
        assertEquals(List.of("main.vigil", "routing.vigil"), List.copyOf(edits.byFile().keySet()));
        for (Map.Entry<String, List<TextEdit>> e : edits.byFile().entrySet()) {
            List<Span> spans = e.getValue().stream().map(TextEdit::range).toList();
            assertEquals(spans.stream().sorted().toList(), spans);
        }
    }
}
