package dev.vigil.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import dev.vigil.lsp.harness.ServerHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnostic snapshots, as Pkl's language server keeps them: each {@code snapshots/NAME.vigil} is opened
 * in the server and what it publishes is written out in {@code NAME.diagnostics}: per diagnostic its
 * severity, id, LSP range (0-based line:character, UTF-16), message, page, the source line with carets
 * under the range, related locations and the quick fixes offered. {@code -Dvigil.golden.update=true}
 * (or {@code VIGIL_UPDATE_GOLDEN=1}) rewrites them; a missing one is written and fails.
 */
class DiagnosticSnapshotTest {
    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");

    @TempDir
    Path tmp;

    static boolean updating() {
        return Boolean.getBoolean("vigil.golden.update") || "1".equals(System.getenv("VIGIL_UPDATE_GOLDEN"));
    }

    @TestFactory
    Stream<DynamicTest> snapshots() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            inputs = files.filter(p -> p.toString().endsWith(".vigil")).sorted().toList();
        }
        assertTrue(inputs.size() >= 4, "expected the snapshot inputs in " + SNAPSHOTS.toAbsolutePath());
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private void check(Path input) throws IOException {
        String name = input.getFileName().toString();
        String text = Files.readString(input, StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory(tmp, "snapshot");
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        JsonObject options = new JsonObject();
        options.addProperty("docsBaseUrl", "https://docs.example.com/vigil/");
        String rendered;
        try (ServerHarness h = ServerHarness.start(dir, options)) {
            h.open(name, text);
            rendered = render(h, name, text, h.diagnostics(name));
            h.assertNoInternalErrors();
        }
        Path expected = input.resolveSibling(name.replaceFirst("\\.vigil$", ".diagnostics"));
        if (updating() || !Files.exists(expected)) {
            Files.writeString(expected, rendered, StandardCharsets.UTF_8);
            if (!updating()) {
                fail("No " + expected.getFileName() + " existed; it was written from the current output. Review it.");
            }
            return;
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), rendered, name);
    }

    private static String render(ServerHarness h, String name, String text, List<Diagnostic> diagnostics) {
        List<String> lines = text.lines().toList();
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            Range r = d.getRange();
            out.append(d.getSeverity().name().toLowerCase()).append('[').append(d.getCode().getLeft()).append("] ")
                    .append(range(r)).append(' ').append(d.getMessage().replace("\n", "\n  ")).append('\n');
            out.append("  page: ").append(d.getCodeDescription() == null ? "none" : d.getCodeDescription().getHref())
                    .append('\n');
            String line = r.getStart().getLine() < lines.size() ? lines.get(r.getStart().getLine()) : "";
            int end = r.getEnd().getLine() == r.getStart().getLine() ? r.getEnd().getCharacter() : line.length();
            out.append("  | ").append(line).append('\n');
            out.append("  | ").append(" ".repeat(r.getStart().getCharacter()))
                    .append("^".repeat(Math.max(1, end - r.getStart().getCharacter())))
                    .append(r.getEnd().getLine() > r.getStart().getLine() ? " ..." : "").append('\n');
            if (d.getRelatedInformation() != null) {
                for (DiagnosticRelatedInformation ri : d.getRelatedInformation()) {
                    String file = ri.getLocation().getUri().equals(h.uri(name)) ? name : ri.getLocation().getUri();
                    out.append("  related: ").append(file).append(' ').append(range(ri.getLocation().getRange())).append(' ')
                            .append(ri.getMessage()).append('\n');
                }
            }
            for (CodeAction a : h.codeActions(name, r, List.of(CodeActionKind.QuickFix))) {
                if (a.getDiagnostics().get(0).equals(d)) {
                    for (TextEdit e : a.getEdit().getChanges().get(h.uri(name))) {
                        out.append("  fix: ").append(a.getTitle()).append(": ").append(range(e.getRange())).append(" -> `")
                                .append(e.getNewText()).append("`\n");
                    }
                }
            }
        }
        return out.length() == 0 ? "no diagnostics\n" : out.toString();
    }

    private static String range(Range r) {
        return "[" + r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-" + r.getEnd().getLine() + ":"
                + r.getEnd().getCharacter() + "]";
    }
}
