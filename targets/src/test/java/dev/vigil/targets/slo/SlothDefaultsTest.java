package dev.vigil.targets.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.AlertWindows;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.EmitSettings;
import dev.vigil.compiler.model.QueryText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Vigil's default windows against Sloth's published model. The data below is Sloth's
 * {@code internal/alert/windows/google-30d.yaml} (repository slok/sloth): "Common and safe month
 * windows", numbers from the SRE Workbook, {@code sloPeriod: 30d}, page quick 2% of the budget over
 * 1h/5m, page slow 5% over 6h/30m, ticket quick 10% over 1d/2h, ticket slow 10% over 3d/6h. Sloth's
 * burn factor is the budget share times the period over the long window, which its documentation
 * and golden rule files give as 14.4, 6, 3 and 1.
 */
class SlothDefaultsTest {
    /** One row of Sloth's window file and the factor Sloth publishes for it. */
    record SlothWindow(String tier, String longWindow, String shortWindow, String budgetPercent, String factor) {
    }

    static final List<SlothWindow> SLOTH_30D = List.of(
            new SlothWindow("page", "1h", "5m", "2", "14.4"),
            new SlothWindow("page", "6h", "30m", "5", "6"),
            new SlothWindow("ticket", "1d", "2h", "10", "3"),
            new SlothWindow("ticket", "3d", "6h", "10", "1"));

    private static final long DAYS_30 = 30L * 24 * 3_600_000;

    @Test
    void theDefaultTableIsSlothsThirtyDayWindows() {
        List<SlothWindow> vigil = new ArrayList<>();
        for (AlertWindows.Row r : AlertWindows.SRE_WORKBOOK.rows()) {
            vigil.add(new SlothWindow(r.tier().id(), AlertWindows.format(r.longMillis()),
                    AlertWindows.format(r.shortMillis()), QueryText.number(r.budgetSpentPercent(DAYS_30)),
                    QueryText.number(r.factor(DAYS_30))));
        }
        assertEquals(SLOTH_30D, vigil);
    }

    @Test
    void generatedAlertsUseSlothsPairsAndFactorsAndAnExactBudget() {
        String rules = rules("""
                service shop {
                  metric http_requests_total counter { labels [code] }
                  slo availability {
                    objective 99.9%
                    window    30d
                    sli events {
                      errors = http_requests_total{code=~"5.."}
                      total  = http_requests_total
                    }
                  }
                }
                """);
        // Each clause: `ratio_rate<long>{...} / <budget> > f and ratio_rate<short>{...} / <budget> > f`.
        Pattern clause = Pattern.compile("slo:sli_error:ratio_rate(\\w+)\\{[^}]*} / ([0-9.]+) > ([0-9.]+)\\s+and\\s+"
                + "slo:sli_error:ratio_rate(\\w+)\\{[^}]*} / ([0-9.]+) > ([0-9.]+)");
        Matcher m = clause.matcher(rules);
        List<SlothWindow> generated = new ArrayList<>();
        while (m.find()) {
            assertEquals(m.group(3), m.group(6), "both windows of a pair compare with one factor");
            assertEquals("0.001", m.group(2), "the budget of 99.9% is written exactly");
            assertEquals("0.001", m.group(5), "the budget of 99.9% is written exactly");
            String tier = rules.lastIndexOf("BurnRatePage", m.start()) > rules.lastIndexOf("BurnRateTicket", m.start())
                    ? "page" : "ticket";
            SlothWindow sloth = SLOTH_30D.get(generated.size());
            generated.add(new SlothWindow(tier, m.group(1), m.group(4), sloth.budgetPercent(), m.group(3)));
        }
        assertEquals(SLOTH_30D, generated);
        assertTrue(rules.contains("expr: vector(0.001)"), "slo:error_budget:ratio is exactly 0.001:\n" + rules);
        assertTrue(rules.contains("expr: vector(0.999)"), "slo:objective:ratio is exactly 0.999:\n" + rules);
        // Sloth's golden files carry 0.0009999999999999432; Vigil's output has no float noise anywhere.
        assertTrue(!rules.contains("0.000999") && !rules.contains("0.998999"), rules);
    }

    private static String rules(String source) {
        CompileResult r = Compiler.compile(List.of(new SourceFile("sloth.vigil", source)));
        Project project = r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
        Map<String, byte[]> files = Build.emit(project, EmitSettings.DEFAULT).files();
        String name = files.keySet().stream().filter(k -> k.startsWith("prometheus/rules/")).findFirst().orElseThrow();
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
