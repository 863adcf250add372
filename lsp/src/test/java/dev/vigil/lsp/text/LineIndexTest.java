package dev.vigil.lsp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.source.Span;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** Positions as LSP counts them (UTF-16, any line break) against Vigil's spans (code points, \n lines). */
class LineIndexTest {
    @Test
    void aSpanAfterCharactersOutsideTheBmpCountsTwoUnitsForEach() {
        // `🛒` is one code point (column +1 for Vigil) and two UTF-16 units (character +2 for LSP).
        LineIndex l = LineIndex.of("a\n🛒🛒 x yz\n");
        assertEquals(new Range(new Position(1, 7), new Position(1, 9)), l.range(new Span("f", 2, 6, 2, 8)));
        assertEquals(2, l.vigilLine(l.offset(new Position(1, 7))));
        assertEquals(6, l.vigilColumn(l.offset(new Position(1, 7))));
    }

    @Test
    void crlfEndsALineForBothAndALoneCrOnlyForLsp() {
        LineIndex crlf = LineIndex.of("ab\r\ncd");
        assertEquals(new Position(1, 1), crlf.position(crlf.offset(2, 2)));
        assertEquals(2, crlf.lineEnd(0), "the line's content stops before \\r\\n");
        LineIndex cr = LineIndex.of("ab\rcd\nef");
        assertEquals(3, cr.lineCount());
        // Vigil's line 2 is `ef`; its column 2 is LSP's line 2, character 1.
        assertEquals(new Position(2, 1), cr.position(cr.offset(2, 2)));
    }

    @Test
    void positionsPastTheEndAreClamped() {
        LineIndex l = LineIndex.of("ab\ncd");
        assertEquals(2, l.offset(new Position(0, 99)));
        assertEquals(5, l.offset(new Position(9, 0)));
        assertEquals(new Range(new Position(1, 2), new Position(1, 2)), l.range(new Span("f", 2, 9, 3, 1)));
        assertEquals(new Range(new Position(0, 0), new Position(0, 0)), l.range(Span.NONE));
    }

    @Test
    void incrementalChangesApplyInOrderEachInTheTextTheOnesBeforeLeft() {
        TextDocument d = new TextDocument("file:///f.vigil", 1, "const a = 1\n🛒 const b = 2\n");
        TextDocument e = d.edited(2, List.of(
                new TextDocumentContentChangeEvent(new Range(new Position(1, 3), new Position(1, 3)), "// "),
                new TextDocumentContentChangeEvent(new Range(new Position(0, 6), new Position(0, 7)), "alpha"),
                new TextDocumentContentChangeEvent(new Range(new Position(2, 0), new Position(2, 0)), "const c = 3\n")));
        assertEquals("const alpha = 1\n🛒 // const b = 2\nconst c = 3\n", e.text());
        assertEquals(2, e.version());
        assertEquals("x", e.edited(3, List.of(new TextDocumentContentChangeEvent("x"))).text());
    }

    @Test
    void editsApplyAgainstTheOriginalText() {
        String text = "one two three";
        assertEquals("1 two 3!", TextEdits.apply(text, List.of(
                new TextEdit(new Range(new Position(0, 8), new Position(0, 13)), "3!"),
                new TextEdit(new Range(new Position(0, 0), new Position(0, 3)), "1"))));
    }
}
