package dev.vigil.lsp.navigation;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vigil.lsp.harness.Markers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Named cursor markers, {@code ⟨name⟩} before the character the cursor stands on (the brackets are
 * U+27E8 and U+27E9, which Vigil never uses). {@link #strip} takes them out and keeps where each stood
 * as an LSP position, in UTF-16 units, so a marker after a character outside the BMP tests the conversion.
 */
record Marks(String text, Map<String, Position> positions) {
    private static final Pattern MARK = Pattern.compile("\u27e8([^\u27e9]*)\u27e9");

    /** The harness's anonymous markers in place of the named ones, their positions then named in order. */
    static Marks strip(String marked) {
        List<String> names = new ArrayList<>();
        StringBuilder anonymous = new StringBuilder();
        Matcher m = MARK.matcher(marked);
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(anonymous, Matcher.quoteReplacement(Markers.MARKER));
        }
        m.appendTail(anonymous);
        Markers.Marked stripped = Markers.strip(anonymous.toString());
        Map<String, Position> at = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            at.put(names.get(i), stripped.position(i));
        }
        return new Marks(stripped.text(), Map.copyOf(at));
    }

    Position at(String name) {
        Position p = positions.get(name);
        assertNotNull(p, "no marker " + name);
        return p;
    }

    /** The position {@code offset} UTF-16 units right of the marker, on its line. */
    Position at(String name, int offset) {
        Position p = at(name);
        return new Position(p.getLine(), p.getCharacter() + offset);
    }

    /** The range of {@code length} UTF-16 units from the marker, on its line: a name that starts there. */
    Range range(String name, int length) {
        return new Range(at(name), at(name, length));
    }
}
