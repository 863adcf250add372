package dev.vigil.lsp.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.grammar.VigilParser;
import dev.vigil.lsp.text.LineIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The walk over a shortened declaration ({@link Caret#prefixAttempts}) against the walk over the whole
 * declaration, at line ends of every sample, and how short it stays in a long group.
 */
class CandidateWalkTest {
    private static final Path SAMPLES = Path.of(System.getProperty("vigil.repo", "..")).toAbsolutePath().normalize()
            .resolve("samples");

    private static Set<CandidateCollector.Candidate> whole(Caret caret) {
        return CandidateCollector.collect(VigilParser.RULE_vigilFile, caret.prefixTypes());
    }

    /**
     * The shortened walk never finds what the whole one does not, and finds something wherever the whole
     * one does. It may find less: a member that starts a line is read as one, where the whole walk also
     * tries to read the line before as unfinished (`thresholds from X` then `width 9` is also `thresholds`
     * set to `from`, then `X` set to `width`), which is the grammar's ambiguity, not the text's meaning.
     */
    @Test
    void theShortenedWalkFindsOnlyWhatTheWholeOneFinds() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SAMPLES)) {
            s.filter(p -> p.toString().endsWith(".vigil") && p.toString().contains("/src/")).sorted().forEach(files::add);
        }
        assertFalse(files.isEmpty());
        int compared = 0;
        int same = 0;
        for (Path f : files) {
            LineIndex lines = LineIndex.of(Files.readString(f));
            List<org.antlr.v4.runtime.Token> all = Caret.lex(lines.text());
            // Every other line: the whole walks make this quadratic in a declaration's length, and long
            // declarations are left to the test below.
            for (int line = 0; line < lines.lineCount(); line += 2) {
                Caret caret = Caret.at(lines, all, lines.lineEnd(line));
                if (caret.mode == Caret.Mode.NONE || caret.index - caret.chunkStart > 400) {
                    continue;
                }
                Set<CandidateCollector.Candidate> expected = whole(caret);
                Set<CandidateCollector.Candidate> shortened = Completions.candidates(caret);
                Set<CandidateCollector.Candidate> extra = new java.util.LinkedHashSet<>(shortened);
                extra.removeAll(expected);
                String where = SAMPLES.relativize(f) + " line " + (line + 1);
                assertEquals(Set.of(), extra, where);
                assertEquals(expected.isEmpty(), shortened.isEmpty(), where);
                compared++;
                same += expected.equals(shortened) ? 1 : 0;
            }
        }
        assertTrue(compared > 1500, "compared " + compared);
        assertTrue(same > compared * 0.95, same + " of " + compared + " the same");
    }

    @Test
    void inALongGroupOnlyTheMemberAtTheCursorIsWalked() {
        StringBuilder b = new StringBuilder("service big {\n  group g {\n");
        for (int i = 0; i < 300; i++) {
            b.append("    record r").append(i).append(":rate5m =\n      sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n");
            b.append("    alert A").append(i).append(" {\n      when r").append(i).append(":rate5m > 0.5\n      for 5m\n    }\n");
        }
        b.append("    alert Last {\n      when rate(http_requests_total{");
        String text = b.toString();
        Caret caret = Caret.at(LineIndex.of(text), text.length());
        List<int[]> attempts = caret.prefixAttempts();
        // `service big { group g { alert Last { when rate ( http_requests_total {`
        assertEquals(14, attempts.get(0).length);
        assertEquals(whole(caret), Completions.candidates(caret));
    }
}
