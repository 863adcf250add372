package dev.vigil.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.test.AlertLabels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hints of names looked up in dashboards and tests: a near miss names what was meant. */
class DidYouMeanTest {
    private static final String DASHBOARD = """
            service checkout {
              const window = 5m
              group api {
                alert CheckoutDown {
                  when     up{job="checkout"} == 0
                  for      2m
                  severity warning
                  panel    overview.%s
                }
              }
              dashboard overview "Checkout" {
                variable interval = interval [1m, 5m]
                stat uptime "Up" { query up{job="checkout"} }
                timeseries requests "Requests" {
                  query sum(rate(http_requests_total{job="checkout"}[%s]))
                }
              }
            }
            """;

    @Test
    void aMisspeltDashboardVariableNamesTheVariable() {
        assertEquals(List.of("Did you mean the dashboard variable `$interval`?"),
                hints(DASHBOARD.formatted("uptime", "$intervl"), Ids.REFERENCE_UNKNOWN));
    }

    @Test
    void aMisspeltConstantInADashboardNamesTheConstant() {
        assertEquals(List.of("Did you mean `$window`?"),
                hints(DASHBOARD.formatted("uptime", "$windw"), Ids.REFERENCE_UNKNOWN));
    }

    @Test
    void aNameNearNothingIsToldToBeDeclared() {
        assertEquals(List.of("Declare it with `const zzzzzz = ...`."),
                hints(DASHBOARD.formatted("uptime", "$zzzzzz"), Ids.REFERENCE_UNKNOWN));
    }

    @Test
    void aMisspeltPanelNamesThePanel() {
        assertEquals(List.of("Did you mean `overview.uptime`?"),
                hints(DASHBOARD.formatted("uptme", "$interval"), Ids.REFERENCE_UNKNOWN));
    }

    @Test
    void aMisspeltLabelInAnAlertExpectationNamesTheLabel() {
        String source = """
                service rag {
                  group cache {
                    alert RagCacheCold {
                      when     sum by (tenant_id) (rate(rag_cache_misses_total[5m])) > 0.5
                      for      5m
                      severity warning
                      summary  "Cache cold"
                    }
                  }
                  test "a cold cache alerts" {
                    every 1m
                    series rag_cache_misses_total{tenant_id="t1"} = "0+60x30"
                    at 20m expect alert RagCacheCold {tenant_di="t1"}
                  }
                }
                """;
        assertEquals(List.of("Did you mean `tenant_id`?"), hints(source, Validator.idOf(AlertLabels.class)));
    }

    private static List<String> hints(String source, String id) {
        CompileResult r = Compiler.compile(List.of(new SourceFile("t.vigil", source)));
        return r.diagnostics().stream().filter(d -> d.code().equals(id)).map(Diagnostic::hint).toList();
    }
}
