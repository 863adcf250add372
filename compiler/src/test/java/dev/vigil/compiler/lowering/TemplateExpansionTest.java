package dev.vigil.compiler.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a template expands to: each parameter type in each place it may stand, repetition, nesting, the
 * spans of what an expansion declares, and that a template with an error at its definition is reported
 * once however often it is used.
 */
class TemplateExpansionTest {
    private static final String PRELUDE = "severities critical > warning > info\n";

    private static CompileResult compile(String... files) {
        List<SourceFile> sources = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            sources.add(new SourceFile("f" + i + ".vigil", (i == 0 ? PRELUDE : "") + files[i]));
        }
        return Compiler.compile(sources);
    }

    private static Project ok(String... files) {
        CompileResult r = compile(files);
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(), errors, () -> TextRenderer.render(errors, r.sources()));
        return r.project().orElseThrow();
    }

    private static Rule.Alert alert(Project p, String name) {
        return p.services().stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.rules().stream())
                .filter(r -> r instanceof Rule.Alert a && a.name().equals(name)).map(r -> (Rule.Alert) r)
                .findFirst().orElseThrow(() -> new AssertionError("no alert " + name));
    }

    private static String query(Project p, String alert) {
        Service owner = p.services().stream().filter(s -> s.groups().stream().flatMap(g -> g.rules().stream())
                .anyMatch(r -> r.name().equals(alert))).findFirst().orElseThrow();
        return QueryText.of(alert(p, alert).expr(), QueryText.scope(p, owner));
    }

    @Test
    void eachParameterTypeStandsWhereItMay() {
        Project p = ok("""
                template rules all(name string, n number, ratio percentage, window duration, by_one label,
                                   by_many labels, names strings, sel matchers, q query) {
                  alert "${name|pascal}Typed" {
                    when     sum by ($by_many) (rate(x_total{job=$name, $sel, tenant=~$names}[$window] offset $window))
                               > $ratio
                    for      $window
                    severity warning
                    summary  "${name} over ${ratio} (${n}, ${window}, ${names}) $${kept}"
                  }
                  alert "${name|pascal}Query" {
                    when     $q > $n
                    severity warning
                    summary  "q"
                  }
                  alert "${name|pascal}Label" {
                    when     sum by ($by_one) (rate(x_total[$window])) > $n
                    severity warning
                    summary  "l"
                  }
                }
                service s {
                  group g {
                    use all(name = "check-out", n = 3, ratio = 2.5%, window = 10m, by_one = job,
                            by_many = [job, code], names = ["a.b", "c"], sel = {env!="dev", region=~"eu-.*"},
                            q = up{job="x"} + 1)
                  }
                }
                """);
        assertEquals("sum by (job, code) (rate(x_total{job=\"check-out\", env!=\"dev\", region=~\"eu-.*\", "
                + "tenant=~\"a\\\\.b|c\"}[10m] offset 10m)) > 0.025", query(p, "CheckOutTyped"));
        // A query argument stays one operand.
        assertEquals("(up{job=\"x\"} + 1) > 3", query(p, "CheckOutQuery"));
        assertEquals("sum by (job) (rate(x_total[10m])) > 3", query(p, "CheckOutLabel"));
        Rule.Alert a = alert(p, "CheckOutTyped");
        assertEquals(600_000, a.forMillis());
        assertEquals("check-out over 2.5% (3, 10m, a.b, c) ${kept}", a.annotations().get("summary"));
    }

    @Test
    void defaultsFillWhatAUseLeavesOutAndServiceIsTheUsingService() {
        Project p = ok("""
                blueprint red(job string, max number = 0.05, for_ duration = 5m) {
                  group "${service}_red" {
                    alert "${service|pascal}Errors" {
                      when     rate(errors_total{job=$job, service=$service}[5m]) > $max
                      for      $for_
                      severity warning
                      summary  "x"
                    }
                  }
                }
                service checkout_api { use red(job = "checkout") }
                service payments { use red(max = 0.01, job = "pay") }
                """);
        assertEquals("rate(errors_total{job=\"checkout\", service=\"checkout_api\"}[5m]) > 0.05",
                query(p, "CheckoutApiErrors"));
        assertEquals("rate(errors_total{job=\"pay\", service=\"payments\"}[5m]) > 0.01", query(p, "PaymentsErrors"));
        assertEquals(List.of("checkout_api_red"), p.services().stream().filter(s -> s.name().equals("checkout_api"))
                .flatMap(s -> s.groups().stream()).map(g -> g.name()).toList());
    }

    @Test
    void aForBlockRepeatsItsBodyPerElementAndItsSpansSayWhichIteration() {
        Project p = ok("""
                const queues = ["orders", "refunds"]
                service s {
                  group lag {
                    for q in $queues {
                      alert "${q|pascal}Lag" {
                        when     kafka_lag{topic=$q} > 100
                        severity warning
                        summary  "lag"
                      }
                    }
                  }
                }
                """);
        assertEquals("kafka_lag{topic=\"refunds\"} > 100", query(p, "RefundsLag"));
        Span.Via via = alert(p, "OrdersLag").span().via();
        assertEquals(Span.Via.Kind.LOOP, via.kind());
        assertEquals("q = \"orders\"", via.name());
        assertEquals(5, via.site().line());
        assertNull(alert(p, "OrdersLag").span().template());
    }

    @Test
    void nestedTemplatesKeepEveryLevelInTheSpan() {
        Project p = ok("""
                template rules down(job string) {
                  alert "${job|pascal}Down" {
                    when     up{job=$job} == 0
                    severity critical
                    summary  "down"
                  }
                }
                blueprint base(jobs strings) {
                  group "${service}_up" {
                    for j in $jobs {
                      use down(job = $j)
                    }
                  }
                }
                """, """
                service s {
                  use base(jobs = ["api", "worker"])
                }
                """);
        Span span = alert(p, "WorkerDown").span();
        assertEquals(List.of("down", "base"), span.templates());
        assertEquals("f0.vigil", span.file());
        assertEquals(3, span.line());
        // The outermost use is where the service asked for it.
        Span site = span.via().site();
        while (site.via() != null) {
            site = site.via().site();
        }
        assertEquals("f1.vigil", site.file());
        assertEquals(2, site.line());
    }

    @Test
    void aDefinitionErrorIsReportedOnceAtTheTemplateAndItsUsesAreNotExpanded() {
        CompileResult r = compile("""
                template rules bad(window duration) {
                  alert "${service|pascal}Bad" {
                    when     up > $window
                    severity warning
                    summary  "x"
                  }
                }
                service a { group g { use bad(window = 5m) } }
                service b { group g { use bad(window = 5m) } }
                service c { group g { use bad(window = 5m) } }
                """);
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> TextRenderer.render(errors, r.sources()));
        Diagnostic d = errors.get(0);
        assertEquals("Reuse.ParameterType", d.code());
        assertEquals(4, d.span().line());
        assertNull(d.span().via());
    }

    @Test
    void anErrorOfOneExpansionNamesItsUse() {
        CompileResult r = compile("""
                blueprint avail(objective percentage) {
                  slo availability {
                    objective $objective
                    window    30d
                    sli events {
                      errors = http_requests_total{code=~"5.."}
                      total  = http_requests_total
                    }
                  }
                }
                service a { use avail(objective = 99.9%) }
                service b { use avail(objective = 100%) }
                """);
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> TextRenderer.render(errors, r.sources()));
        Diagnostic d = errors.get(0);
        assertEquals("Slo.ObjectiveRange", d.code());
        assertEquals(4, d.span().line());
        assertEquals("avail", d.span().template());
        assertEquals(13, d.span().via().site().line());
        String text = TextRenderer.render(errors, r.sources());
        assertTrue(text.contains("= note: in the expansion of `avail` at f0.vigil:13:"), text);
    }

    @Test
    void aTemplateThatUsesItselfIsStopped() {
        CompileResult r = compile("""
                blueprint a() { use b() }
                blueprint b() { use a() }
                service s { use a() }
                """);
        List<Diagnostic> found = r.diagnostics().stream().filter(x -> x.code().equals("Reuse.Recursive")).toList();
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).message().contains("a → b → a"), found.get(0).message());
        // Where the cycle closes, in `b`'s body, at the definitions: not at the service's use.
        assertEquals(3, found.get(0).span().line());
        assertNull(found.get(0).span().via());
    }

    @Test
    void aCycleIsFoundEvenWhenNothingUsesIt() {
        CompileResult r = compile("""
                blueprint x() { use y() }
                blueprint y() { use z() }
                blueprint z() { use x() }
                service s { team "t" }
                """);
        List<Diagnostic> found = r.diagnostics().stream().filter(x -> x.code().equals("Reuse.Recursive")).toList();
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).message().contains("x → y → z → x"), found.get(0).message());
    }

    @Test
    void theSameTextIsTwoPlacesInTwoExpansions() {
        Project p = ok("""
                template rules down(job string) {
                  alert "${job|pascal}Down" {
                    when     up{job=$job} == 0
                    severity critical
                    summary  "down"
                  }
                }
                service s { group g { use down(job = "a") use down(job = "b") } }
                """);
        Span a = alert(p, "ADown").span();
        Span b = alert(p, "BDown").span();
        assertTrue(a.sameRange(b));
        assertTrue(!a.equals(b) && a.compareTo(b) < 0);
        assertNotNull(a.via());
    }
}
