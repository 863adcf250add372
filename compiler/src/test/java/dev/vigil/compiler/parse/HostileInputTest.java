package dev.vigil.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pathological inputs end in a diagnostic, never in a StackOverflowError. */
class HostileInputTest {
    private static String nested(int depth) {
        return "(".repeat(depth) + "up" + ")".repeat(depth);
    }

    private static CompileResult compileRecord(String expr) {
        String text = "service s {\n  group g {\n    record job:x:sum = sum(" + expr + ")\n  }\n}\n";
        return Compiler.compile(List.of(new SourceFile("deep.vigil", text)));
    }

    @Test
    void deepButReasonableNestingCompiles() {
        CompileResult r = compileRecord(nested(200));
        assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    }

    @Test
    void excessiveNestingIsADiagnostic() {
        CompileResult r = compileRecord(nested(100_000));
        assertTrue(r.hasErrors());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("Input.TooDeep", d.code());
        assertEquals(3, d.span().line());
    }

    @Test
    void longRunsOfUnarySignsAreADiagnostic() {
        DiagnosticSink sink = new DiagnosticSink();
        assertTrue(PromqlParser.parse("-".repeat(50_000) + "1", sink).isEmpty());
        assertEquals("Input.TooDeep", sink.sorted().get(0).code());
    }

    @Test
    void anOversizedExpressionIsTheSameFindingAsAnOversizedFile() {
        DiagnosticSink sink = new DiagnosticSink();
        assertTrue(PromqlParser.parse("x".repeat(VigilParsing.MAX_CHARS + 1), sink).isEmpty());
        assertEquals("Input.TooLarge", sink.sorted().get(0).code());
    }

    @Test
    void longFlatExpressionsParse() {
        // 500 additions, the most an expression may chain: more than real rule files hold. One more is
        // refused, since each nests the tree one level deeper for every pass after parsing.
        String wide = String.join(" + ", java.util.Collections.nCopies(501, "up"));
        DiagnosticSink sink = new DiagnosticSink();
        assertTrue(PromqlParser.parse(wide, sink).isPresent(), () -> sink.sorted().toString());
        DiagnosticSink longer = new DiagnosticSink();
        assertTrue(PromqlParser.parse(wide + " + up", longer).isEmpty());
        assertTrue(longer.sorted().stream().anyMatch(d -> d.code().equals("Input.TooDeep")), longer.sorted()::toString);
    }
}
