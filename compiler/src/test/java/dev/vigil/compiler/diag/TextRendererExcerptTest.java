package dev.vigil.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A diagnostic on a long line shows a window around the span, so its size does not grow with the input. */
class TextRendererExcerptTest {
    private static List<String> render(String line, int column, int length) {
        SourceFile source = new SourceFile("a.vigil", line + "\n");
        Span span = new Span("a.vigil", 1, column, 1, column + length);
        return TextRenderer.render(Diagnostic.error("Input.TooDeep", span, "Too deep.", null), source).lines().toList();
    }

    @Test
    void aMegabyteLineShowsAWindowWithTheCaretUnderTheSpan() {
        String line = "x+".repeat(500_000) + "TARGET" + "+x".repeat(500_000);
        int column = 1_000_001;
        List<String> out = render(line, column, 6);
        assertEquals(4, out.size(), String.join("\n", out));
        String excerpt = out.get(2);
        String carets = out.get(3);
        assertTrue(excerpt.startsWith("1 | …") && excerpt.endsWith("…"), excerpt);
        assertTrue(excerpt.length() < 220, "excerpt of " + excerpt.length() + " characters");
        int at = carets.indexOf('^');
        assertEquals("TARGET", excerpt.substring(at, at + 6));
        assertEquals("^^^^^^", carets.substring(at).strip());
    }

    @Test
    void aShortLineIsShownWhole() {
        List<String> out = render("record a = b", 12, 1);
        assertEquals("1 | record a = b", out.get(2));
        assertEquals("  |            ^", out.get(3));
    }

    @Test
    void aSpanNearTheStartOfALongLineIsNotShiftedLeft() {
        String line = "TARGET" + "+x".repeat(1000);
        List<String> out = render(line, 1, 6);
        assertTrue(out.get(2).startsWith("1 | TARGET") && out.get(2).endsWith("…"), out.get(2));
        assertEquals("  | ^^^^^^", out.get(3));
    }
}
