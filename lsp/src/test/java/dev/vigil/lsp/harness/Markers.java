package dev.vigil.lsp.harness;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;

/**
 * Cursor markers in test text: {@value #MARKER} never occurs in Vigil (not an operator, not in a name,
 * and tests do not put it in strings). {@link #strip} removes them and returns where each stood, as an
 * LSP position (UTF-16 characters) in the text without them.
 */
public final class Markers {
    public static final String MARKER = "%|%";

    public record Marked(String text, List<Position> positions) {
        public Position position(int i) {
            return positions.get(i);
        }
    }

    private Markers() {
    }

    public static Marked strip(String marked) {
        StringBuilder text = new StringBuilder();
        List<Position> positions = new ArrayList<>();
        int line = 0;
        int character = 0;
        for (int i = 0; i < marked.length();) {
            if (marked.startsWith(MARKER, i)) {
                positions.add(new Position(line, character));
                i += MARKER.length();
                continue;
            }
            char c = marked.charAt(i);
            text.append(c);
            if (c == '\n') {
                line++;
                character = 0;
            } else {
                character++;
            }
            i++;
        }
        return new Marked(text.toString(), positions);
    }
}
