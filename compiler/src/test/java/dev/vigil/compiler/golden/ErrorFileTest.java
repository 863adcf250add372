package dev.vigil.compiler.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An errors file tells one expansion's finding from another's by its note lines, and holds the hint
 * where it is written: a wrong or missing note, or another hint, is a mismatch.
 */
class ErrorFileTest {
    /** The same template line fails in the `payments` use only; the `refunds` use misspells an argument. */
    private static final String SNIPPET = """
            template rules lag(queue string, window duration) {
              alert "${queue|pascal}Lag" {
                when     sum(rate(kafka_consumergroup_lag{topic=$queue}[$window])) > 0
                for      10m
                severity warning
                summary  "behind"
              }
            }
            service orders {
              team "orders"
              group g {
                use lag(queue = "orders", window = 10m)
                use lag(queue = "payments", window = 0s)
                use lag(queue = "refunds", windw = 5m)
              }
            }
            """;

    private static List<Diagnostic> diagnostics() {
        return Compiler.compile(List.of(new SourceFile("q.vigil", SNIPPET))).diagnostics();
    }

    @Test
    void theWrittenFileMatchesAndCarriesNotesAndHints() {
        String written = ErrorFile.format(diagnostics());
        assertEquals(List.of(), ErrorFile.compare(ErrorFile.parse(written), diagnostics()), written);
        assertEquals(true, written.contains("\n  = note: in the expansion of `lag` at q.vigil:13:5\n"), written);
    }

    @Test
    void aNoteOfAnotherUseIsAMismatch() {
        String written = ErrorFile.format(diagnostics());
        String otherUse = written.replace("at q.vigil:13:5", "at q.vigil:12:5");
        assertEquals(2, ErrorFile.compare(ErrorFile.parse(otherUse), diagnostics()).size(), otherUse);
    }

    @Test
    void aFindingWithoutItsNotesIsAMismatch() {
        String written = ErrorFile.format(diagnostics());
        String noNotes = written.lines().filter(l -> !l.contains("= note:")).reduce("", (a, b) -> a + b + "\n");
        assertEquals(2, ErrorFile.compare(ErrorFile.parse(noNotes), diagnostics()).size(), noNotes);
    }

    @Test
    void aWrittenHintMustBeTheHintButMayBeLeftOut() {
        String written = ErrorFile.format(diagnostics());
        String noHints = written.lines().filter(l -> !l.contains("= hint:")).reduce("", (a, b) -> a + b + "\n");
        assertEquals(List.of(), ErrorFile.compare(ErrorFile.parse(noHints), diagnostics()), noHints);
        String otherHint = written.replaceFirst("= hint: .*", "= hint: Something else.");
        assertEquals(2, ErrorFile.compare(ErrorFile.parse(otherHint), diagnostics()).size(), otherHint);
    }

    @Test
    void aNoteBeforeAnyFindingIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ErrorFile.parse("  = note: in the expansion of `lag` at q.vigil:13:5\n"));
    }
}
