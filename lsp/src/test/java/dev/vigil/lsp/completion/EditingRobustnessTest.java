package dev.vigil.lsp.completion;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.lsp.harness.ServerHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editing features on text as it is being typed: a sample's rule file typed one character at a time,
 * completion and signature help asked at the cursor as it goes (the state an editor asks them in),
 * semantic tokens and inlay hints every line. Nothing fails inside the server, every completion
 * answers a list, and where the typed text is a whole alert body the answer has its keywords.
 */
class EditingRobustnessTest {
    private static final Path SAMPLE = Path.of(System.getProperty("vigil.repo", "..")).toAbsolutePath().normalize()
            .resolve("samples/crm-events/src/main/vigil");

    @TempDir
    Path dir;

    @Test
    void typingARuleFileWithTheEditingFeaturesAskedAsItGoes() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        String name = "rules.vigil";
        String text = Files.readString(SAMPLE.resolve(name), StandardCharsets.UTF_8);
        try (ServerHarness h = ServerHarness.start(dir)) {
            h.open(name, "");
            TextDocumentIdentifier doc = new TextDocumentIdentifier(h.uri(name));
            int line = 0;
            int character = 0;
            int keywordAnswers = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                h.insert(name, new Position(line, character), String.valueOf(c));
                if (c == '\n') {
                    line++;
                    character = 0;
                    SemanticTokens tokens = h.server.getTextDocumentService()
                            .semanticTokensFull(new SemanticTokensParams(doc)).join();
                    assertNotNull(tokens);
                    assertNotNull(h.server.getTextDocumentService().inlayHint(new InlayHintParams(doc,
                            new Range(new Position(0, 0), new Position(line, 0)))).join());
                } else {
                    character++;
                }
                // Every line start and every twentieth character: each answer waits for the compilation of the edit.
                if (c != '\n' && i % 20 != 0) {
                    continue;
                }
                Position at = new Position(line, character);
                List<CompletionItem> items = h.server.getTextDocumentService()
                        .completion(new CompletionParams(doc, at)).join().getLeft();
                assertNotNull(items, "completion after character " + i);
                h.server.getTextDocumentService().signatureHelp(new SignatureHelpParams(doc, at)).join();
                if (items.stream().anyMatch(it -> it.getLabel().equals("keep_firing_for"))) {
                    keywordAnswers++;
                }
            }
            // Each alert's body offers its keywords after each of its properties' lines.
            assertTrue(keywordAnswers >= 3, "alert keywords offered " + keywordAnswers + " times");
            h.assertNoInternalErrors();
        }
    }
}
