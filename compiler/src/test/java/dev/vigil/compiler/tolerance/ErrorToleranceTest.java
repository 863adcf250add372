package dev.vigil.compiler.tolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A syntax error stops nothing but its own declaration: every other declaration, in every file, is
 * checked, each mistake is reported once, and nothing is reported as unknown because the declaration
 * that names it is the damaged one.
 */
class ErrorToleranceTest {
    private static final String HEAD = String.join("\n",
            "severities page > ticket",
            "service api {",
            "  team \"platform\"",
            "  metric http_requests_total counter { labels [job, code] }",
            "  group g {");

    private static CompileResult compile(String... files) {
        List<SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            sources.add(new SourceFile("f" + i + ".vigil", files[i]));
        }
        return Compiler.compile(sources);
    }

    private static List<Diagnostic> withId(CompileResult r, String prefix) {
        return r.diagnostics().stream().filter(d -> d.code().startsWith(prefix)).toList();
    }

    private static String codes(CompileResult r) {
        return r.diagnostics().stream().map(d -> d.span().file() + ":" + d.span().line() + " " + d.code() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }

    /** The issue's own example: a sample with every file duplicated, and one garbage line. */
    @Test
    void aDuplicatedSampleWithAGarbageLineReportsEveryDuplicateAndTheSyntaxError() {
        List<SourceFile> sample = TolerantProjects.samples().stream()
                .filter(s -> s.get(0).path().startsWith("crm-events/")).findFirst().orElseThrow();
        List<SourceFile> doubled = new ArrayList<>();
        for (SourceFile f : sample) {
            doubled.add(f);
            doubled.add(new SourceFile(f.path().replace(".vigil", "_copy.vigil"), f.text()));
        }
        CompileResult clean = Compiler.compile(doubled);
        List<Diagnostic> duplicates = withId(clean, Ids.NAME_DUPLICATE);
        assertTrue(duplicates.size() >= 10, codes(clean));

        SourceFile first = doubled.get(0);
        doubled.set(0, new SourceFile(first.path(), first.text() + "\nthis is garbage {\n"));
        CompileResult broken = Compiler.compile(doubled);
        assertEquals(1, withId(broken, "Syntax.").size(), codes(broken));
        assertEquals(duplicates.stream().map(Diagnostic::span).toList(),
                withId(broken, Ids.NAME_DUPLICATE).stream().map(Diagnostic::span).toList(), codes(broken));
        assertEquals(clean.diagnostics().size() + 1, broken.diagnostics().size(), codes(broken));
    }

    /**
     * Each mistake (`;` stands for a new line), written inside an alert whose neighbour has a finding of
     * its own: one error, in the damaged alert, and the neighbour's finding.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "when rate(http_requests_total{job=\"x}[5m]) > 1",
            "when rate(http_requests_total[5m] > 1",
            "when rate(http_requests_total[5m]) >",
            "when rate(http_requests_total{job=}[5m]) > 1",
            "when up == 0 ; summary \"not closed",
            "when up == 0 ; for 5m oops oops",
            "when up == 0 ; severity",
            "when up == 0 ; labels { team = }",
            "when up == 0 ; for 10xyz",
            "when @@ up",
            "when up == 0 ; runbook { triage }",
            "when up == 0 ; description \"a\" \"b\"",
    })
    void oneMistakeGivesOneDiagnosticAndTheRestIsChecked(String lines) {
        String text = HEAD + "\n"
                + "    alert Broken {\n      " + lines.replace(" ; ", "\n      ") + "\n      for 5m\n      severity page\n    }\n"
                + "    alert Fine {\n      when rate(http_requests_total[5m]) > 1\n      severity page\n      summary \"s\"\n    }\n"
                + "  }\n}\n";
        CompileResult r = compile(text);
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), codes(r));
        int brokenEnds = text.substring(0, text.indexOf("alert Fine")).split("\n", -1).length - 1;
        assertTrue(errors.get(0).span().line() > 5 && errors.get(0).span().line() <= brokenEnds, codes(r));
        // `Fine` pages on a single evaluation: its own finding is reported whatever `Broken` holds.
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.span().line() > brokenEnds && d.message().contains("`Fine`")),
                codes(r));
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().startsWith("Internal.")), codes(r));
    }

    /** A back-quoted string may run over lines, so one left open takes the rest of the file: still one error. */
    @Test
    void anOpenBackQuoteIsOneError() {
        CompileResult r = compile(HEAD + "\n    alert A {\n      when up == 0\n      summary `open\n      severity page\n"
                + "    }\n  }\n}\n");
        assertEquals(1, r.diagnostics().stream().filter(Diagnostic::isError).count(), codes(r));
        assertEquals(Ids.SYNTAX_UNTERMINATED_STRING, r.diagnostics().stream().filter(Diagnostic::isError).findFirst()
                .orElseThrow().code());
    }

    @Test
    void aFileThatParsesIsCheckedWhateverTheOtherFilesHold() {
        CompileResult r = compile(
                "service a {\n  group g {\n    alert A {\n      when up ==\n    }\n  }\n}\n",
                "service b {\n  group g {\n    alert B {\n      when up > $nope\n    }\n  }\n}\n");
        assertEquals(1, withId(r, "Syntax.").size(), codes(r));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.span().file().equals("f1.vigil")
                && d.code().equals(Ids.REFERENCE_UNKNOWN) && d.message().contains("$nope")), codes(r));
    }

    @Test
    void namesInADamagedDeclarationAreNotReportedUnknownElsewhere() {
        String routing = String.join("\n",
                "routing {",
                "  receiver pager webhook { url_file \"/etc/am/url\" }",
                "  route default to pager",
                "  inhibit Broken while Fine",
                "  test \"pages\" {",
                "    alert Broken { severity = \"page\" } expect pager",
                "  }",
                "}", "");
        String rules = HEAD + "\n"
                + "    alert Broken {\n      when rate(http_requests_total[5m] > 1\n      severity page\n    }\n"
                + "    alert Fine {\n      when up == 0\n      for 5m\n      severity page\n      summary \"s\"\n    }\n"
                + "  }\n}\n";
        CompileResult r = compile(rules, routing);
        assertEquals(1, withId(r, "Syntax.").size(), codes(r));
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().equals(Ids.REFERENCE_UNKNOWN)), codes(r));

        // Without the damage, the same reference to an alert nobody declares is reported.
        CompileResult unknown = compile(rules.replace("alert Broken {\n      when rate(http_requests_total[5m] > 1",
                "alert Other {\n      when rate(http_requests_total[5m]) > 1"), routing);
        assertTrue(unknown.diagnostics().stream().anyMatch(d -> d.code().equals(Ids.REFERENCE_UNKNOWN)
                && d.message().contains("`Broken`")), codes(unknown));
    }

    @Test
    void aMissingClosingBraceIsOneErrorAndTheNextDeclarationIsChecked() {
        CompileResult r = compile(HEAD + "\n    alert A {\n      when up == 0\n      severity page\n\n"
                + "service other {\n  group h {\n    alert B {\n      when up > $missing\n    }\n  }\n}\n");
        assertEquals(1, withId(r, "Syntax.").size(), codes(r));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("$missing")), codes(r));
    }

    @Test
    void aDamagedRouteSilencesOnlyTheFindingsAboutRoutes() {
        CompileResult r = compile(HEAD + "\n    alert A {\n      when up == 0\n      severity page\n      summary \"s\"\n"
                + "    }\n  }\n}\n", String.join("\n",
                "routing {",
                "  receiver pager webhook { url_file \"/etc/am/url\" }",
                "  receiver chat webhook { url_file \"/etc/am/chat\" }",
                "  route severity = to chat",
                "  route default to pager",
                "}", ""));
        assertEquals(1, withId(r, "Syntax.").size(), codes(r));
        // `chat` is named only by the damaged route: not "unused" while it is being typed.
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.message().contains("`chat` is not used")), codes(r));
        // The alert's own findings stay.
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("`A`")), codes(r));
    }
}
