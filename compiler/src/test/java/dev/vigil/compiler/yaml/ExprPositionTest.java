package dev.vigil.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.lint.Linter;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A mistake inside `expr` is reported at its line and column in the YAML file, whatever the scalar
 * style: each case places the unknown function `bar` somewhere and says where it must be reported.
 */
class ExprPositionTest {
    static Diagnostic only(String yaml, String code) {
        CompileResult r = Linter.lint(List.of(new SourceFile("r.yml", yaml)), Linter.Options.DEFAULT);
        List<Diagnostic> hits = r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertEquals(1, hits.size(), r.diagnostics().toString());
        return hits.get(0);
    }

    private static String rule(String exprLines) {
        return "groups:\n- name: g\n  rules:\n  - record: a:b\n    expr: " + exprLines + "\n";
    }

    private static void at(String yaml, int line, int column, int endLine, int endColumn) {
        Diagnostic d = only(yaml, "PromQL.UnknownFunction");
        assertEquals(List.of(line, column, endLine, endColumn),
                List.of(d.span().line(), d.span().column(), d.span().endLine(), d.span().endColumn()), yaml);
    }

    @Test
    void plainScalar() {
        at(rule("foo + bar(1)"), 5, 17, 5, 23);
    }

    @Test
    void plainScalarOverSeveralLines() {
        at(rule("foo\n      + bar(1)"), 6, 9, 6, 15);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"|", "|-", "|+", "|2", "|-2", "|2-", ">", ">-", ">+", ">2"})
    void blockScalarsWithChompingAndIndentIndicators(String header) {
        // The `|2` forms fix the indentation at 2 more than the key's line: content at column 7.
        at(rule(header + "\n      foo\n        + bar(1)\n\n"), 7, 11, 7, 17);
    }

    @Test
    void literalWithCommentLikeLine() {
        at(rule("|\n      # why\n      foo + bar(1)"), 7, 13, 7, 19);
    }

    @Test
    void singleQuotedWithDoubledQuote() {
        at(rule("'foo{a=\"it''s\"} + bar(1)'"), 5, 29, 5, 35);
    }

    @Test
    void doubleQuotedWithEscapes() {
        at(rule("\"foo{a=\\\"\\u00e9\\\"} + bar(1)\""), 5, 32, 5, 38);
    }

    @Test
    void doubleQuotedOverSeveralLines() {
        at(rule("\"foo{a=\\\"b\\\"}\n      + bar(1)\""), 6, 9, 6, 15);
    }

    @Test
    void wideCharactersCountAsOneColumn() {
        // A code point outside the BMP is one column, as in .vigil files.
        at(rule("'foo{a=\"😀\"} + bar(1)'"), 5, 25, 5, 31);
    }

    @Test
    void lineSeparatorInsideAStringDoesNotShiftLines() {
        // SnakeYAML counts U+2028 as a line break; positions here follow LF only, as editors do.
        String yaml = "groups:\n- name: g\n  annotations_note: \"a\u2028b\"\n  rules:\n  - record: a:b\n    expr: foo + bar(1)\n";
        Diagnostic d = only(yaml, "PromQL.UnknownFunction");
        assertEquals(6, d.span().line());
        assertEquals(17, d.span().column());
    }
}
