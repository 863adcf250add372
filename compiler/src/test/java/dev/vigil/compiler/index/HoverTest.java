package dev.vigil.compiler.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.index.HoverInfo.Expression.Label;
import dev.vigil.compiler.index.Workspace.Pos;
import dev.vigil.compiler.promql.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hover data: what label inference says of a query, and what the model says of a metric, an alert and a constant. */
class HoverTest {
    private static final String PROJECT = """
            severities critical > warning > info

            const ⟨c⟩max_error_ratio = 0.05

            service checkout {
              metric ⟨m⟩http_requests_total counter {
                labels          [code, method]
                optional_labels [region]
                help            "Requests served."
              }

              group g {
                record ⟨r⟩job:errors:rate5m = sum by (job, code) (rate(http_requests_total{code="500"}[5m]))

                alert ⟨a⟩CheckoutErrors {
                  when     ⟨w⟩sum by (job) (⟨rate⟩rate(⟨sel⟩http_requests_total{code="500"}[5m])) > $⟨cref⟩max_error_ratio
                  for      5m
                  severity critical
                  panel    overview.errors
                }
                alert ⟨quiet⟩CheckoutQuiet {
                  when     ⟨jr⟩job:errors:rate5m < 1
                  for      10m
                  severity info
                }
              }

              dashboard overview "Overview" {
                timeseries errors "Errors" { query ⟨v⟩vector(1) }
              }
            }

            routing {
              receiver pager webhook { url "https://pager.example.com/hook" }
              receiver chat webhook { url "https://chat.example.com/hook" }
              route severity >= critical to pager
              route default to chat
            }
            """;

    private static final Workspace W = Workspace.of(PROJECT);

    private static Hover hover(String mark) {
        Pos p = W.at(mark);
        return W.index.hover(p.file(), p.line(), p.column()).orElseThrow(() -> new AssertionError("no hover at " + mark));
    }

    @Test
    void aQueryShowsItsTypeAndLabels() {
        Hover h = hover("rate");
        HoverInfo.Expression e = assertInstanceOf(HoverInfo.Expression.class, h.parts().get(0));
        assertEquals(ValueType.VECTOR, e.type());
        assertEquals("rate(http_requests_total{code=\"500\"}[5m])", e.text());
        assertEquals(List.of(new Label("code", "500"), new Label("instance", null), new Label("job", null),
                new Label("method", null)), e.definite());
        assertEquals(List.of("region"), e.possible());
        assertEquals(false, e.open());
        Pos p = W.at("rate");
        assertEquals(p.line(), h.range().line());
        assertEquals(p.column(), h.range().column());
        assertEquals("""
                `rate(http_requests_total{code="500"}[5m])`: an instant vector

                - labels: `code="500"`, `instance`, `job`, `method`
                - possibly: `region`""", h.markdown());
    }

    @Test
    void anAggregationKeepsOnlyItsGroupingLabels() {
        HoverInfo.Expression e = assertInstanceOf(HoverInfo.Expression.class, hover("w").parts().get(0));
        assertEquals(List.of(new Label("job", null)), e.definite());
        assertEquals(List.of(), e.possible());
    }

    @Test
    void aScalarHasNoLabels() {
        HoverInfo.Expression e = assertInstanceOf(HoverInfo.Expression.class, hover("v").parts().get(0));
        assertEquals(ValueType.VECTOR, e.type());
        assertEquals(List.of(), e.definite());
        assertEquals("`vector(1)`: an instant vector\n\n- labels: none for certain", e.markdown());
    }

    @Test
    void aSelectorShowsItsMetricThenItsSeries() {
        Hover h = hover("sel");
        assertEquals(W.name("sel", "http_requests_total"), h.range());
        HoverInfo.Metric m = assertInstanceOf(HoverInfo.Metric.class, h.parts().get(0));
        assertEquals("counter", m.type());
        HoverInfo.Expression e = assertInstanceOf(HoverInfo.Expression.class, h.parts().get(1));
        assertEquals(ValueType.VECTOR, e.type());
        assertTrue(e.definite().contains(new Label("code", "500")), e.toString());
    }

    @Test
    void aMetricShowsItsDeclaration() {
        Hover h = hover("m");
        assertEquals(1, h.parts().size());
        HoverInfo.Metric m = assertInstanceOf(HoverInfo.Metric.class, h.parts().get(0));
        assertEquals(new HoverInfo.Metric("http_requests_total", "counter", List.of("code", "method"), List.of("region"),
                null, "Requests served."), m);
        assertEquals("""
                **metric** `http_requests_total`: counter

                - labels: `code`, `method`
                - optional labels: `region`

                Requests served.""", h.markdown());
    }

    @Test
    void anAlertShowsThresholdForSeverityReceiversAndPanel() {
        HoverInfo.Alert a = assertInstanceOf(HoverInfo.Alert.class, hover("a").parts().get(0));
        assertEquals(new HoverInfo.Alert("CheckoutErrors", "> 0.05", "5m", null, "critical", List.of("pager"), true,
                "overview.errors", null), a);
        assertEquals("""
                **alert** `CheckoutErrors`

                - threshold: `> 0.05`
                - for: `5m`
                - severity: `critical`
                - receivers: `pager`
                - panel: `overview.errors`""", a.markdown());
        HoverInfo.Alert quiet = assertInstanceOf(HoverInfo.Alert.class, hover("quiet").parts().get(0));
        assertEquals("< 1", quiet.threshold());
        assertEquals(List.of("chat"), quiet.receivers());
        assertEquals(null, quiet.panel());
    }

    @Test
    void aConstantShowsItsValue() {
        HoverInfo.Constant c = assertInstanceOf(HoverInfo.Constant.class, hover("cref").parts().get(0));
        assertEquals(new HoverInfo.Constant("max_error_ratio", null, "0.05", "number"), c);
        assertEquals("**constant** `$max_error_ratio` = `0.05` (number, project-wide)", c.markdown());
        assertEquals(c, hover("c").parts().get(0));
    }

    @Test
    void aRecordingRuleShowsItsQueryAndSeries() {
        Hover h = hover("jr");
        HoverInfo.RecordingRule r = assertInstanceOf(HoverInfo.RecordingRule.class, h.parts().get(0));
        assertEquals(1, r.rules());
        assertEquals("sum by (job, code) (rate(http_requests_total{code=\"500\"}[5m]))", r.query());
        assertEquals(List.of(new Label("code", "500"), new Label("job", null)), r.series().definite());
        assertEquals(r, hover("r").parts().get(0));
    }

    @Test
    void queriesInTemplatesAndTheirArguments() {
        Workspace w = Workspace.of("""
                template rules ratio(errors query, job string) {
                  alert "${service|pascal}Errors" {
                    when     ⟨body⟩sum by (code) ($errors) > 1
                    for      5m
                    severity warning
                  }
                }
                service checkout {
                  metric http_requests_total counter { labels [code, method] }
                  group g {
                    use ratio(errors = ⟨arg⟩rate(http_requests_total{code="500"}[5m]), job = "checkout")
                  }
                }
                """);
        Pos body = w.at("body");
        HoverInfo.Expression inBody = assertInstanceOf(HoverInfo.Expression.class,
                w.index.hover(body.file(), body.line(), body.column()).orElseThrow().parts().get(0));
        assertEquals(List.of(new Label("code", "500")), inBody.definite());
        Pos arg = w.at("arg");
        HoverInfo.Expression argument = assertInstanceOf(HoverInfo.Expression.class,
                w.index.hover(arg.file(), arg.line(), arg.column()).orElseThrow().parts().get(0));
        assertEquals("rate(http_requests_total{code=\"500\"}[5m])", argument.text());
        assertTrue(argument.definite().contains(new Label("method", null)), argument.toString());
    }

    @Test
    void nothingToShowOnKeywords() {
        Pos p = W.at("a");
        assertEquals(java.util.Optional.empty(), W.index.hover(p.file(), p.line(), p.column() - 3));
    }

    @Test
    void hoversWithoutACompiledProject() {
        // An unknown receiver is an error: the compilation withholds the project, and the index builds the model itself.
        Workspace broken = Workspace.of(PROJECT.replace("route default to chat", "route default to nobody"));
        assertTrue(broken.result.project().isEmpty());
        Pos p = broken.at("a");
        HoverInfo.Alert a = assertInstanceOf(HoverInfo.Alert.class,
                broken.index.hover(p.file(), p.line(), p.column()).orElseThrow().parts().get(0));
        assertEquals("> 0.05", a.threshold());
        assertEquals(List.of("pager"), a.receivers());
        Pos r = broken.at("rate");
        HoverInfo.Expression e = assertInstanceOf(HoverInfo.Expression.class,
                broken.index.hover(r.file(), r.line(), r.column()).orElseThrow().parts().get(0));
        assertTrue(e.definite().contains(new Label("method", null)));
    }
}
