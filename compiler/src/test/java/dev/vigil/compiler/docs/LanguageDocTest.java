package dev.vigil.compiler.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/** The `vigil` code blocks of each document form one project that must compile cleanly: the docs cannot rot. */
class LanguageDocTest {
    private static final Pattern BLOCK = Pattern.compile("```vigil\\n(.*?)```", Pattern.DOTALL);

    static Path repo() {
        String configured = System.getProperty("vigil.repo");
        return configured != null ? Path.of(configured) : Path.of("..");
    }

    /** The README and every page of docs/ with a `vigil` block: a new page is covered without being listed. */
    static Stream<String> documents() throws IOException {
        List<String> out = new ArrayList<>(List.of("README.md"));
        try (Stream<Path> pages = Files.walk(repo().resolve("docs"))) {
            // The check pages show failing examples on purpose; their cases are golden tests (CheckContractTest).
            for (Path p : pages.filter(f -> f.toString().endsWith(".md") && !f.getParent().endsWith("checks")).sorted().toList()) {
                if (Files.readString(p).contains("```vigil\n")) {
                    out.add(repo().relativize(p).toString().replace('\\', '/'));
                }
            }
        }
        assertTrue(out.containsAll(List.of("docs/language.md", "docs/libraries.md")), out.toString());
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void examplesCompile(String document) throws IOException {
        String text = Files.readString(repo().resolve(document));
        List<SourceFile> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            // Each block becomes a file; its name says where it came from.
            int line = text.substring(0, m.start()).split("\n", -1).length + 1;
            blocks.add(new SourceFile(document + "@" + line, m.group(1)));
        }
        assertTrue(!blocks.isEmpty(), "expected vigil examples in " + document);
        CompileResult result = Compiler.compile(blocks);
        var sources = new java.util.HashMap<String, SourceFile>();
        blocks.forEach(b -> sources.put(b.path(), b));
        // A finding an example waives with `vigil:ignore` and a reason (the README keeps a seed's names) counts for nothing.
        List<Diagnostic> findings = result.diagnostics().stream().filter(d -> !d.isSuppressed()).toList();
        assertEquals(List.of(), findings, () -> TextRenderer.render(findings, sources));
    }
}
