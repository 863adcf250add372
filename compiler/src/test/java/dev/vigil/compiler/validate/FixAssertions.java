package dev.vigil.compiler.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;

/** What every offered fix must do: replace exactly the text it names, and clear the finding once applied. */
public final class FixAssertions {
    private FixAssertions() {
    }

    /** The findings of check {@code id} on {@code text}, compiled as the file {@code f.vigil}. */
    public static List<Diagnostic> findings(String id, String text) {
        return Compiler.compile(List.of(new SourceFile("f.vigil", text))).diagnostics().stream()
                .filter(d -> d.code().equals(id)).toList();
    }

    /**
     * {@code text} has one finding of {@code id}, whose fix replaces {@code written} (on one line) with
     * {@code replacement}; the text with the fix applied has none.
     */
    public static void fixClears(String id, String text, String written, String replacement) {
        List<Diagnostic> found = findings(id, text);
        assertEquals(1, found.size(), found.toString());
        Fix fix = found.get(0).fix();
        assertEquals(replacement, fix.replacement());
        List<String> lines = text.lines().toList();
        String line = lines.get(fix.span().line() - 1);
        assertEquals(written, line.substring(fix.span().column() - 1, fix.span().endColumn() - 1));
        StringBuilder fixed = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            fixed.append(i == fix.span().line() - 1 ? l.substring(0, fix.span().column() - 1) + fix.replacement()
                    + l.substring(fix.span().endColumn() - 1) : l).append('\n');
        }
        assertEquals(List.of(), findings(id, fixed.toString()), fixed.toString());
    }
}
