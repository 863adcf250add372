package dev.vigil.compiler.validate.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.validate.FixAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixes of `Dashboard.VariableInterpolation`: each replaces the matcher as written and clears the finding. */
class VariableInterpolationTest {
    private static String dashboard(String options, String query) {
        return "service s {\n  dashboard d \"D\" {\n    variable job = label_values(up, job)" + options
                + "\n    stat p \"P\" {\n      query " + query + "\n    }\n  }\n}\n";
    }

    private static List<Diagnostic> findings(String text) {
        return Compiler.compile(List.of(new SourceFile("f.vigil", text))).diagnostics().stream()
                .filter(d -> d.code().equals("Dashboard.VariableInterpolation")).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        ''                                      | sum(up{job=$job})          | job=$job           | job="$job"
        ''                                      | sum(up{job != $job})       | job != $job        | job!="$job"
        ' { multi true }'                       | sum(up{job=$job})          | job=$job           | job=~"$job"
        ' { include_all true }'                 | sum(up{job!=$job})         | job!=$job          | job!~"$job"
        ' { multi true }'                       | sum(up{job="$job"})        | job="$job"         | job=~"$job"
        ' { multi true include_all true }'      | sum(up{job!="api-$job"})   | job!="api-$job"    | job!~"api-$job"
        """)
    void theFixRewritesTheMatcherAndClearsTheFinding(String options, String query, String written, String replacement) {
        FixAssertions.fixClears("Dashboard.VariableInterpolation", dashboard(options, query), written, replacement);
    }

    @Test
    void noFixWhereEqualsToARegexWouldChangeTheRestOfTheValue() {
        // `=~"a.b-$job"` would let the `.` match any character.
        Diagnostic d = findings(dashboard(" { multi true }", "sum(up{job=\"a.b-$job\"})")).get(0);
        assertNull(d.fix());
    }

    @Test
    void theTextComparedHoldsTheOtherVariablesFilledIn() {
        // With one value, `prod:9100` is what `=` is meant to compare with; only two values break it.
        String text = """
                service s {
                  dashboard d "D" {
                    variable host = label_values(up, instance) { multi true }
                    variable port = custom ["9100"]
                    stat p "P" {
                      query up{instance="$host:$port"}
                    }
                  }
                }
                """;
        assertEquals(List.of("`instance=\"$host:$port\"` in the query of panel `p` compares the label with the text "
                + "`(prod|a\\.b):9100` once Grafana fills in `$host` with two values, `prod` and `a.b`, so it selects "
                + "nothing: a multi-value or include-all variable is filled in as a regex."),
                findings(text).stream().map(Diagnostic::message).toList());
    }

    @Test
    void aQueryWithAnUnknownConstantIsLeftToReferenceUnknown() {
        List<Diagnostic> all = Compiler.compile(List.of(new SourceFile("f.vigil",
                dashboard("", "sum(rate(up{job=~\"$job\"}[$nowhere]))")))).diagnostics();
        assertEquals(List.of("Reference.Unknown"), all.stream().filter(Diagnostic::isError).map(Diagnostic::code)
                .distinct().toList(), all.toString());
    }
}
