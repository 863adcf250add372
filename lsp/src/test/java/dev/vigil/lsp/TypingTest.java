package dev.vigil.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vigil.lsp.harness.ServerHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample file typed into the editor one character at a time, each an incremental change, while the
 * server compiles in the background: nothing fails inside the server, the final version's findings are
 * published, and they are those of a clean start on the same files.
 */
class TypingTest {
    private static final Path SAMPLE = Path.of(System.getProperty("vigil.repo", "..")).toAbsolutePath().normalize()
            .resolve("samples/crm-events/src/main/vigil");

    @TempDir
    Path dir;

    /** The sample's smallest file, and a middle-sized one. */
    @ParameterizedTest
    @ValueSource(strings = {"catalogue.vigil", "rules.vigil"})
    void typingAFileCharacterByCharacterEndsWithTheFindingsOfACleanStart(String name) throws IOException {
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        String text = Files.readString(SAMPLE.resolve(name), StandardCharsets.UTF_8);
        List<Diagnostic> clean;
        try (ServerHarness fresh = ServerHarness.start(dir)) {
            fresh.awaitCompiled();
            PublishDiagnosticsParams p = fresh.client.last(fresh.uri(name));
            clean = p == null ? List.of() : p.getDiagnostics();
        }
        try (ServerHarness h = ServerHarness.start(dir)) {
            h.open(name, "");
            int line = 0;
            int character = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                h.insert(name, new Position(line, character), String.valueOf(c));
                if (c == '\n') {
                    line++;
                    character = 0;
                } else {
                    character++;
                }
            }
            h.awaitCompiled();
            PublishDiagnosticsParams last = h.client.last(h.uri(name));
            assertNotNull(last, "nothing was published for " + name);
            assertEquals(h.version(name), last.getVersion(), "the last publication is of the final version");
            assertEquals(clean, last.getDiagnostics());
            h.assertNoInternalErrors();
        }
    }
}
