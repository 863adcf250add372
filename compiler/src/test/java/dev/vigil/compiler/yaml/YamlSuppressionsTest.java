package dev.vigil.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.lint.Linter;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rule a `# vigil:ignore` comment belongs to. Each rule below has `for: 5x`, a Type.InvalidDuration. */
class YamlSuppressionsTest {
    private static List<String> lint(String rules) {
        String yaml = "groups:\n- name: g\n  rules:\n" + rules;
        return Linter.lint(List.of(new SourceFile("s.yml", yaml)), Linter.Options.DEFAULT).diagnostics().stream()
                .filter(d -> !d.isSuppressed() && ReadersTest.READER_FAMILIES.stream().anyMatch(d::inFamily))
                .map(d -> d.span().line() + " " + d.code()).toList();
    }

    private static final String BAD = "    expr: up == 0\n    for: 5x\n";

    @Test
    void aCommentDirectlyAboveSilencesThatRuleOnly() {
        assertEquals(List.of("10 Type.InvalidDuration"), lint(
                "  # vigil:ignore Type.InvalidDuration kept for the old Prometheus\n"
                        + "  - alert: A\n" + BAD
                        + "  - alert: B\n" + BAD));
    }

    @Test
    void severalCommentLinesAboveAllCount() {
        assertEquals(List.of(), lint(
                "  # vigil:ignore Type.InvalidDuration reason one\n"
                        + "  # an ordinary comment\n"
                        + "  - alert: A\n" + BAD));
    }

    @Test
    void aCommentAtTheEndOfTheAlertLine() {
        assertEquals(List.of(), lint("  - alert: A # vigil:ignore Type.InvalidDuration a reason\n" + BAD));
    }

    @Test
    void aCommentAtTheEndOfTheAlertLineWhenItIsNotTheFirst() {
        assertEquals(List.of(), lint("  - expr: up\n    alert: \"A\"  # vigil:ignore Type a whole family\n"
                + "    for: 5x\n"));
    }

    @Test
    void aFamilyIdCoversItsChecks() {
        assertEquals(List.of(), lint("  # vigil:ignore Type old habits\n  - alert: A\n" + BAD));
    }

    @Test
    void aBlankLineDetachesTheComment() {
        assertEquals(List.of("4 Suppression.Unused", "8 Type.InvalidDuration"), lint(
                "  # vigil:ignore Type.InvalidDuration detached\n\n  - alert: A\n" + BAD));
    }

    @Test
    void aHashInsideAStringIsNotAComment() {
        assertEquals(List.of("6 Type.InvalidDuration"), lint("  - alert: 'A # vigil:ignore Type.InvalidDuration x'\n" + BAD));
    }

    @Test
    void aCommentLikeLineInsideTheBlockScalarAboveIsContent() {
        // The `# vigil:ignore` line is part of rule A's description, not a comment on B.
        assertEquals(List.of("6 Type.InvalidDuration", "12 Type.InvalidDuration"), lint(
                "  - alert: A\n" + BAD + "    annotations:\n      description: |\n        # vigil:ignore Type.InvalidDuration no\n"
                        + "  - alert: B\n" + BAD));
    }

    @Test
    void aSuppressionWithoutReasonIsAnError() {
        List<String> ds = lint("  # vigil:ignore Type.InvalidDuration\n  - alert: A\n" + BAD);
        assertEquals(List.of("4 Suppression.MissingReason", "7 Type.InvalidDuration"), ds);
    }

    @Test
    void yamlErrorsCannotBeSuppressed() {
        List<Diagnostic> ds = Linter.lint(List.of(new SourceFile("s.yml", "groups:\n- name: g\n  rules:\n"
                + "  # vigil:ignore Yaml.DuplicateKey we like it\n  - alert: A\n    expr: up == 0\n    expr: down == 0\n")),
                Linter.Options.DEFAULT).diagnostics();
        assertEquals(List.of("Suppression.NotAllowed", "Yaml.DuplicateKey"),
                ds.stream().map(Diagnostic::code).sorted().toList());
    }
}
