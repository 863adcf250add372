package dev.vigil.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.lint.Linter;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {
    static List<Diagnostic> compose(String yaml) {
        DiagnosticSink sink = new DiagnosticSink();
        YamlDocument.compose(new SourceFile("f.yml", yaml), sink);
        return sink.sorted();
    }

    static CompileResult lint(String yaml) {
        return Linter.lint(List.of(new SourceFile("f.yml", yaml)), Linter.Options.DEFAULT);
    }

    @Test
    void aRepeatedKeyPointsAtTheSecondAndNamesTheFirst() {
        List<Diagnostic> ds = compose("groups:\n- name: a\n  rules: []\ngroups:\n- name: b\n  rules: []\n");
        assertEquals(1, ds.size(), ds.toString());
        Diagnostic d = ds.get(0);
        assertEquals("Yaml.DuplicateKey", d.code());
        assertEquals(List.of(4, 1, 4, 7), List.of(d.span().line(), d.span().column(), d.span().endLine(), d.span().endColumn()));
        assertTrue(d.message().contains("`groups`") && d.message().contains("line 1"), d.message());
    }

    @Test
    void aRepeatedKeyDeeperDownIsFoundToo() {
        List<Diagnostic> ds = compose("groups:\n- name: a\n  rules:\n  - alert: X\n    expr: up\n    expr: down\n");
        assertEquals(List.of("Yaml.DuplicateKey"), ds.stream().map(Diagnostic::code).toList());
        assertEquals(6, ds.get(0).span().line());
    }

    @Test
    void aMergeKeyOverriddenLocallyIsNotADuplicate() {
        assertEquals(List.of(), compose("base: &b {a: 1, c: 2}\nx:\n  <<: *b\n  a: 3\n"));
    }

    @Test
    void aSyntaxErrorHasSnakeYamlsPositionAsLineAndColumn() {
        List<Diagnostic> ds = compose("groups:\n  - name: a\n    rules: [\n  bad: : :\n");
        assertEquals(1, ds.size(), ds.toString());
        assertEquals("Yaml.Syntax", ds.get(0).code());
        assertTrue(ds.get(0).span().line() >= 3, ds.toString());
        assertTrue(ds.get(0).message().startsWith("The YAML cannot be read: "), ds.get(0).message());
        assertTrue(ds.get(0).message().endsWith("."), ds.get(0).message());
    }

    @Test
    void aBadIndentIsReportedWhereItIs() {
        Diagnostic d = compose("a: 1\n  b: 2\n").get(0);
        assertEquals("Yaml.Syntax", d.code());
        assertEquals(2, d.span().line());
        assertEquals(4, d.span().column());
    }

    @Test
    void aBillionLaughsIsRefused() {
        StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 20; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        List<Diagnostic> ds = compose(y.toString());
        assertEquals(List.of("Input.TooLarge"), ds.stream().map(Diagnostic::code).toList());
    }

    @Test
    void aliasesThatMultiplyRoutesAreCutShort() {
        // Few aliases, each naming the previous level nine times: 9^10 routes if expanded naively.
        StringBuilder y = new StringBuilder("receivers: [{name: x}]\nl0: &l0 {receiver: x}\n");
        for (int i = 1; i <= 10; i++) {
            y.append("l").append(i).append(": &l").append(i).append(" {routes: [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            y.append("]}\n");
        }
        y.append("route:\n  receiver: x\n  routes: [*l10]\n");
        CompileResult r = lint(y.toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("Input.TooLarge")), r.diagnostics().toString());
    }

    @Test
    void aRecursiveAliasIsRefused() {
        List<Diagnostic> ds = compose("route: &r\n  receiver: x\n  routes: [*r]\n");
        assertEquals(List.of("Yaml.Syntax"), ds.stream().map(Diagnostic::code).toList());
        assertTrue(ds.get(0).message().contains("alias"), ds.get(0).message());
    }

    @Test
    void deepNestingIsRefused() {
        List<Diagnostic> ds = compose("a: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertEquals(List.of("Input.TooDeep"), ds.stream().map(Diagnostic::code).toList());
    }

    @Test
    void aSecondDocumentIsRefused() {
        List<Diagnostic> ds = compose("groups: []\n---\ngroups: []\n");
        assertEquals(List.of("Yaml.Syntax"), ds.stream().map(Diagnostic::code).toList());
        assertEquals(2, ds.get(0).span().line());
    }

    @Test
    void anEmptyFileIsNothingToReport() {
        assertEquals(List.of(), lint("").diagnostics());
        assertEquals(List.of(), lint("# only a comment\n").diagnostics());
    }

    @Test
    void aFileOfAnotherKindIsAWarningWhenNamed() {
        List<Diagnostic> ds = lint("scrape_configs: []\n").diagnostics();
        assertEquals(List.of("Input.UnknownKind"), ds.stream().map(Diagnostic::code).toList());
    }

    @Test
    void wrongShapesAreTypeMismatchesNotCrashes() {
        for (String y : List.of("groups: 3\n", "groups: [3]\n", "groups:\n- name: [a]\n  rules: {a: b}\n",
                "groups:\n- name: g\n  rules:\n  - alert: [x]\n    expr: {a: 1}\n    labels: [a]\n    annotations: 5\n",
                "route: 5\nreceivers: 3\n", "route:\n  routes: 5\nreceivers: [5, {name: [x]}]\ninhibit_rules: [1]\n",
                "route:\n  receiver: {a: 1}\n  matchers: {a: 1}\n  group_by: {a: 1}\nreceivers:\n- name: x\n  slack_configs: 4\n",
                "groups:\n- name: g\n  rules:\n  - {? [a] : b}\n")) {
            CompileResult r = lint(y);
            assertTrue(r.hasErrors(), y + " -> " + r.diagnostics());
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().startsWith("Internal")), r.diagnostics().toString());
        }
    }

    @Property(tries = 300)
    void anyTextGivesDiagnosticsNeverAnException(@ForAll @StringLength(max = 200) String tail) {
        for (String head : List.of("groups:\n- name: g\n  rules:\n  - alert: A\n    expr: ", "route:\n  receiver: ", "")) {
            CompileResult r = lint(head + tail);
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().startsWith("Internal")), r.diagnostics().toString());
        }
    }

    @Property(tries = 300)
    void shuffledRealisticTokensNeverCrash(@ForAll("yamlish") String text) {
        CompileResult r = lint(text);
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().startsWith("Internal")), r.diagnostics().toString());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> yamlish() {
        return net.jqwik.api.Arbitraries.of("groups:", "route:", "receivers:", "\n", "  ", "- ", "name: g", "rules:",
                "alert: A", "record: a:b", "expr: ", "up == 0", "|", ">-", "'", "\"", "\\", "#", "{", "}", "[", "]",
                "&a ", "*a", "<<: ", "for: 5m", "labels:", "severity: x", "matchers:", "receiver: r", ":", ",", "\t",
                "é", "\u2028", "---", "routes:")
                .list().ofMaxSize(60).map(l -> String.join("", l));
    }
}
