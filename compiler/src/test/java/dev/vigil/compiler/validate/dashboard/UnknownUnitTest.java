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

/** The fix of `Dashboard.UnknownUnit`: offered for one clear meaning written as a string, and it clears the finding. */
class UnknownUnitTest {
    private static String panel(String unit) {
        return "service s {\n  dashboard d \"D\" {\n    stat p \"P\" {\n      query up\n      unit " + unit + "\n    }\n  }\n}\n";
    }

    private static List<Diagnostic> findings(String text) {
        return Compiler.compile(List.of(new SourceFile("f.vigil", text))).diagnostics().stream()
                .filter(d -> d.code().equals("Dashboard.UnknownUnit")).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        "req/s"        | "reqps"
        "MS"           | "ms"
        "seconds"      | "s"
        "Suffix:x"     | "suffix:x"
        "steps"        | "suffix:steps"
        "a \\"b\\""    | "suffix:a \\"b\\""
        """)
    void theFixReplacesTheStringAndClearsTheFinding(String written, String replacement) {
        FixAssertions.fixClears("Dashboard.UnknownUnit", panel(written), written, replacement);
    }

    @Test
    void noFixWhereTheMeaningIsUnclear() {
        Diagnostic d = findings(panel("\"%\"")).get(0);
        assertNull(d.fix());
        assertEquals("Did you mean `percent` (0 to 100) or `percentunit` (0 to 1)?", d.hint());
    }

    @Test
    void noFixWhereTheUnitIsNotWrittenAtThePanel() {
        String constant = panel("$u").replace("service s {\n", "service s {\n  const u = \"req/s\"\n");
        Diagnostic d = findings(constant).get(0);
        assertNull(d.fix());
        assertEquals(6, d.span().line(), "at the panel's `$u`");
        assertEquals("Did you mean `reqps`?", d.hint());

        String template = "template panels p(unit string) {\n  stat p \"P\" {\n    query up\n    unit $unit\n  }\n}\n"
                + "service s {\n  dashboard d \"D\" {\n    use p(unit = \"req/s\")\n  }\n}\n";
        Diagnostic t = findings(template).get(0);
        assertNull(t.fix());
        assertEquals(4, t.span().line(), "at the template's `$unit`");
    }
}
