package dev.vigil.lsp.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.lsp.harness.ServerHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantic tokens of a small file, decoded from LSP's integers with the legend the server announced. */
class SemanticTokensTest {
    static final String FILE = """
            const threshold = 0.05
            service shop {
              metric http_requests_total counter {
                labels [code, job]
              }
              group api {
                record job:errors:rate5m = sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
                alert HighErrorRate {
                  when job:errors:rate5m > $threshold and on (job) up == 1
                  severity warning
                }
              }
            }
            routing {
              receiver pager webhook { url "https://pager.example.com" }
              route default to pager
            }
            """;

    @TempDir
    Path dir;

    /** A decoded token: its text, type and modifiers. */
    record Tok(int line, int character, String text, String type, Set<String> modifiers) {
    }

    static List<Tok> decode(String text, SemanticTokens tokens, SemanticTokensLegend legend) {
        String[] lines = text.split("\n", -1);
        List<Integer> data = tokens.getData();
        List<Tok> out = new ArrayList<>();
        int line = 0;
        int character = 0;
        for (int i = 0; i < data.size(); i += 5) {
            line += data.get(i);
            character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
            Set<String> modifiers = new TreeSet<>();
            for (int bit = 0; bit < legend.getTokenModifiers().size(); bit++) {
                if ((data.get(i + 4) & (1 << bit)) != 0) {
                    modifiers.add(legend.getTokenModifiers().get(bit));
                }
            }
            out.add(new Tok(line, character, lines[line].substring(character, character + data.get(i + 2)),
                    legend.getTokenTypes().get(data.get(i + 3)), modifiers));
        }
        return out;
    }

    private static List<Tok> tokens(ServerHarness h, String name, String text) {
        h.open(name, text);
        SemanticTokens tokens = h.server.getTextDocumentService().semanticTokensFull(
                new SemanticTokensParams(new TextDocumentIdentifier(h.uri(name)))).join();
        return decode(text, tokens, h.initialized.getCapabilities().getSemanticTokensProvider().getLegend());
    }

    /** The type and modifiers of the token at the {@code nth} (from 0) occurrence of {@code word} on line {@code line}. */
    private static String at(List<Tok> tokens, String text, int line, String word, int nth) {
        String l = text.split("\n", -1)[line];
        int from = -1;
        for (int i = 0; i <= nth; i++) {
            from = l.indexOf(word, from + 1);
        }
        int character = from;
        return tokens.stream().filter(t -> t.line() == line && t.character() == character).findFirst()
                .map(t -> t.text().equals(word) ? t.type() + t.modifiers() : "a token `" + t.text() + "`")
                .orElse("none");
    }

    @Test
    void theLegendIsAnnounced() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            SemanticTokensLegend legend = h.initialized.getCapabilities().getSemanticTokensProvider().getLegend();
            assertTrue(legend.getTokenTypes().containsAll(List.of("keyword", "function", "operator", "variable",
                    "property", "string", "number", "event")), legend.getTokenTypes().toString());
            assertEquals(List.of("declaration", "readonly", "defaultLibrary"), legend.getTokenModifiers());
            assertTrue(h.initialized.getCapabilities().getSemanticTokensProvider().getFull().getLeft());
        }
    }

    @Test
    void embeddedQueriesTellMetricsLabelsFunctionsOperatorsAndKeywordsApart() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            List<Tok> t = tokens(h, "shop.vigil", FILE);
            Map<String, String> expected = new LinkedHashMap<>();
            Map<String, String> actual = new LinkedHashMap<>();
            check(expected, actual, t, 6, "sum", 0, "operator[]");
            check(expected, actual, t, 6, "by", 0, "keyword[]");
            check(expected, actual, t, 6, "job", 1, "property[]");
            check(expected, actual, t, 6, "rate", 1, "function[defaultLibrary]");
            check(expected, actual, t, 6, "http_requests_total", 0, "variable[]");
            check(expected, actual, t, 6, "code", 0, "property[]");
            check(expected, actual, t, 6, "\"5..\"", 0, "string[]");
            check(expected, actual, t, 6, "5m", 1, "number[]");
            check(expected, actual, t, 8, "job:errors:rate5m", 0, "variable[]");
            check(expected, actual, t, 8, "$threshold", 0, "variable[readonly]");
            check(expected, actual, t, 8, "and", 0, "operator[]");
            check(expected, actual, t, 8, "on", 0, "keyword[]");
            check(expected, actual, t, 8, "job", 1, "property[]");
            check(expected, actual, t, 8, "up", 0, "variable[]");
            check(expected, actual, t, 8, "1", 0, "number[]");
            assertEquals(expected, actual);
            h.assertNoInternalErrors();
        }
    }

    @Test
    void declarationsCarryTheDeclarationModifier() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            List<Tok> t = tokens(h, "shop.vigil", FILE);
            Map<String, String> expected = new LinkedHashMap<>();
            Map<String, String> actual = new LinkedHashMap<>();
            check(expected, actual, t, 0, "const", 0, "keyword[]");
            check(expected, actual, t, 0, "threshold", 0, "variable[declaration, readonly]");
            check(expected, actual, t, 0, "0.05", 0, "number[]");
            check(expected, actual, t, 1, "shop", 0, "namespace[declaration]");
            check(expected, actual, t, 2, "http_requests_total", 0, "variable[declaration]");
            check(expected, actual, t, 2, "counter", 0, "type[]");
            check(expected, actual, t, 6, "job:errors:rate5m", 0, "variable[declaration]");
            check(expected, actual, t, 7, "alert", 0, "keyword[]");
            check(expected, actual, t, 7, "HighErrorRate", 0, "event[declaration]");
            check(expected, actual, t, 8, "when", 0, "keyword[]");
            check(expected, actual, t, 9, "warning", 0, "enumMember[]");
            check(expected, actual, t, 14, "pager", 0, "class[declaration]");
            check(expected, actual, t, 14, "webhook", 0, "type[]");
            check(expected, actual, t, 14, "url", 0, "property[]");
            check(expected, actual, t, 15, "to", 0, "keyword[]");
            check(expected, actual, t, 15, "pager", 0, "class[]");
            assertEquals(expected, actual);
            // Tokens come in order, each on one line, none overlapping.
            for (int i = 1; i < t.size(); i++) {
                Tok a = t.get(i - 1);
                Tok b = t.get(i);
                assertTrue(b.line() > a.line() || b.line() == a.line() && b.character() >= a.character() + a.text().length(),
                        a + " " + b);
            }
        }
    }

    @Test
    void aFileWithASyntaxErrorKeepsItsTokens() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            String broken = FILE.replace("severity warning", "severity warning )(");
            List<Tok> t = tokens(h, "broken.vigil", broken);
            assertEquals("operator[]", at(t, broken, 6, "sum", 0));
            assertEquals("event[declaration]", at(t, broken, 7, "HighErrorRate", 0));
            assertEquals("keyword[]", at(t, broken, 15, "route", 0));
            // A multi-line string is one token per line.
            String multi = "const note = `one\ntwo`\n";
            List<Tok> m = tokens(h, "multi.vigil", multi);
            assertEquals(List.of("const", "note", "`one", "two`"), m.stream().map(Tok::text).toList());
            h.assertNoInternalErrors();
        }
    }

    private static void check(Map<String, String> expected, Map<String, String> actual, List<Tok> tokens, int line,
            String word, int nth, String kind) {
        String key = line + ":" + word + "#" + nth;
        expected.put(key, kind);
        actual.put(key, at(tokens, FILE, line, word, nth));
    }
}
