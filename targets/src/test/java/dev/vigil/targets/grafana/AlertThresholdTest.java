package dev.vigil.targets.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.AlertThreshold;
import dev.vigil.compiler.model.AlertThreshold.Direction;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertThresholdTest {
    /** The threshold of an alert whose `when` is {@code when}, with the constants below in scope. */
    private static Optional<AlertThreshold> threshold(String when) {
        Project p = GrafanaFixtures.compile(String.join("\n",
                // 2.54 reads a duration as a number of seconds, as one case below writes its threshold.
                "settings { prometheus_version \"2.54\" }",
                "const global_max = 10",
                "service s {",
                "  const ceiling = 4",
                "  const floor = 0.25",
                "  const name = \"api\"",
                "  metric x gauge { labels [job] help \"x\" }",
                "  metric y gauge { labels [job] help \"y\" }",
                "  group g {",
                "    alert A {",
                "      when " + when,
                "      severity warning",
                "    }",
                "  }",
                "}", ""));
        Map<String, Constant> scope = new HashMap<>();
        p.constants().forEach(c -> scope.put(c.name(), c));
        p.services().get(0).constants().forEach(c -> scope.put(c.name(), c));
        Rule.Alert a = (Rule.Alert) p.services().get(0).groups().get(0).rules().get(0);
        return AlertThreshold.of(a.expr(), scope);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "x > 4                                   | 4    | ABOVE",
        "x >= 4.50                               | 4.50 | ABOVE",
        "x < 0.1                                 | 0.1  | BELOW",
        "x <= 0                                  | 0    | BELOW",
        "x{job=$name} > $ceiling                 | 4    | ABOVE",
        "x < $floor                              | 0.25 | BELOW",
        "x > $global_max                         | 10   | ABOVE",
        "4 < x                                   | 4    | ABOVE",
        "$floor > x                              | 0.25 | BELOW",
        "(x > 4)                                 | 4    | ABOVE",
        "x > -2                                  | -2   | ABOVE",
        "(x > 4) and on() sum(y) > 0             | 4    | ABOVE",
        "x < $floor unless on() y                | 0.25 | BELOW",
        "x > $ceiling * 1.5                      | 6.0  | ABOVE",
        "x > (1 - 0.25)                          | 0.75 | ABOVE",
        "x > 5m                                  | 300  | ABOVE",
        "sum by (job) (rate(x[5m])) / sum by (job) (rate(y[5m])) > 0.05 and sum by (job) (rate(y[5m])) > 0 | 0.05 | ABOVE",
    })
    void theTopLevelComparisonGivesTheThreshold(String when, String value, String direction) {
        Optional<AlertThreshold> t = threshold(when);
        assertEquals(Direction.valueOf(direction), t.orElseThrow().direction().orElseThrow(), when);
        assertEquals(0, new BigDecimal(value).compareTo(t.get().value()), () -> when + " gave " + t.get().value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // `bool` makes every series a result: there is no firing side.
        "x > bool 4",
        // Either side may fire.
        "x > 4 or y < 1",
        // No scalar side.
        "x > y",
        "sum(x)",
        "x > Inf",
    })
    void withoutASingleScalarComparisonThereIsNoThreshold(String when) {
        assertEquals(Optional.empty(), threshold(when), when);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "x == 0     | == 0",
        "x != 1     | != 1",
        "2 > x      | < 2",
        "x >= $ceiling | >= 4",
    })
    void equalityHasAThresholdButNoDirection(String when, String text) {
        AlertThreshold t = threshold(when).orElseThrow();
        assertEquals(text, t.text());
        assertEquals(when.contains("=="), t.direction().isEmpty() && t.op() == dev.vigil.compiler.promql.BinaryOp.EQL);
    }
}
