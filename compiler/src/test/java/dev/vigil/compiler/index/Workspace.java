package dev.vigil.compiler.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inline projects for the index tests: files whose text carries cursor markers, {@code ⟨name⟩} before the
 * character the cursor stands on. The markers are taken out, the files compiled as the compiler does, and
 * the index built from the result.
 */
final class Workspace {
    private static final char OPEN = '\u27e8';
    private static final char CLOSE = '\u27e9';

    /** A cursor: file, 1-based line, 1-based column in code points. */
    record Pos(String file, int line, int column) {
        /** The span of {@code length} characters from here, on one line. */
        Span span(int length) {
            return new Span(file, line, column, line, column + length);
        }
    }

    final Map<String, SourceFile> sources = new LinkedHashMap<>();
    private final Map<String, Pos> marks = new HashMap<>();
    final CompileResult result;
    final SymbolIndex index;

    private Workspace(Map<String, String> files) {
        files.forEach(this::add);
        result = Compiler.compile(new ArrayList<>(sources.values()));
        index = SymbolIndex.of(result);
    }

    /** Files by path, each text with markers. */
    static Workspace of(String... pathsAndTexts) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return new Workspace(files);
    }

    /** One file, {@code test.vigil}. */
    static Workspace of(String text) {
        return of("test.vigil", text);
    }

    private void add(String path, String marked) {
        StringBuilder text = new StringBuilder();
        int line = 1;
        int column = 1;
        for (int i = 0; i < marked.length(); ) {
            char c = marked.charAt(i);
            if (c == OPEN) {
                int end = marked.indexOf(CLOSE, i);
                marks.put(marked.substring(i + 1, end), new Pos(path, line, column));
                i = end + 1;
                continue;
            }
            int cp = marked.codePointAt(i);
            text.appendCodePoint(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(cp);
        }
        sources.put(path, new SourceFile(path, text.toString()));
    }

    Pos at(String mark) {
        Pos p = marks.get(mark);
        assertNotNull(p, "no marker " + mark);
        return p;
    }

    /** The span of the name that starts at the marker. */
    Span name(String mark, String name) {
        return at(mark).span(name.length());
    }

    Symbol symbolAt(String mark) {
        Pos p = at(mark);
        return index.symbolAt(p.file(), p.line(), p.column()).orElseThrow(() -> new AssertionError("no symbol at " + mark));
    }

    List<Span> spans(List<Occurrence> occurrences) {
        return occurrences.stream().map(Occurrence::span).toList();
    }

    /** The sources with the edits made, each file's edits applied from its end so earlier positions stay put. */
    static Map<String, SourceFile> apply(Map<String, SourceFile> sources, RenameResult.Edits edits) {
        Map<String, SourceFile> out = new LinkedHashMap<>(sources);
        edits.byFile().forEach((file, list) -> {
            SourceFile s = sources.get(file);
            assertNotNull(s, "edit in an unknown file " + file);
            String text = s.text();
            List<TextEdit> ordered = new ArrayList<>(list);
            ordered.sort((a, b) -> b.range().compareTo(a.range()));
            for (TextEdit e : ordered) {
                int start = offset(text, e.range().line(), e.range().column());
                int end = offset(text, e.range().endLine(), e.range().endColumn());
                text = text.substring(0, start) + e.newText() + text.substring(end);
            }
            out.put(file, new SourceFile(file, text));
        });
        return out;
    }

    static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
        }
        return text.offsetByCodePoints(at, column - 1);
    }

    /** The workspace's sources with the rename's edits, compiled and indexed again. */
    Renamed renamed(RenameResult result) {
        RenameResult.Edits edits = (RenameResult.Edits) result;
        Map<String, SourceFile> after = apply(sources, edits);
        CompileResult compiled = Compiler.compile(new ArrayList<>(after.values()));
        return new Renamed(after, compiled, SymbolIndex.of(compiled));
    }

    record Renamed(Map<String, SourceFile> sources, CompileResult result, SymbolIndex index) {
        String text(String file) {
            return sources.get(file).text();
        }
    }

    /** The diagnostics as (code, severity, file, line): what a rename must not change. */
    static List<String> diagnosticKeys(CompileResult r) {
        return r.diagnostics().stream().map(d -> d.code() + " " + d.severity() + " " + d.span().file() + ":" + d.span().line())
                .sorted().toList();
    }

    void assertNoErrors() {
        assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.isError()).toList());
    }
}
