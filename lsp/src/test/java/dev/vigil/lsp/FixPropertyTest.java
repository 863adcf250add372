package dev.vigil.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.lsp.harness.ServerHarness;
import dev.vigil.lsp.text.TextEdits;
import dev.vigil.lsp.workspace.ProjectResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fix the compiler offers on the project's golden inputs (compiler/src/test/resources/errors and
 * checks/, each {@code X.vigil} with its {@code X.errors}), applied through the server's quick fix:
 * the finding it fixes is gone (one fewer of its id) and no error appears that was not there before.
 * Then the same through "fix all" on the whole file.
 */
class FixPropertyTest {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", "..")).toAbsolutePath().normalize();
    private static final List<Path> ROOTS = List.of(REPO.resolve("compiler/src/test/resources/errors"),
            REPO.resolve("compiler/src/test/resources/checks"));

    @TempDir
    Path tmp;

    static List<Path> inputsWithFixes() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".vigil")).sorted().toList()) {
                    Path errors = p.resolveSibling(p.getFileName().toString().replaceFirst("\\.vigil$", ".errors"));
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    boolean fixes = Compiler.compile(List.of(new SourceFile(p.getFileName().toString(), text)))
                            .diagnostics().stream().anyMatch(d -> d.fix() != null && !d.isSuppressed());
                    if (Files.exists(errors) && fixes) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyFixClearsItsFindingWithoutANewError() throws IOException {
        List<Path> inputs = inputsWithFixes();
        assertTrue(inputs.size() >= 10, "expected golden inputs with fixes, found " + inputs);
        return inputs.stream().map(p -> DynamicTest.dynamicTest(REPO.relativize(p).toString(), () -> check(p)));
    }

    private void check(Path input) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        String text = Files.readString(input, StandardCharsets.UTF_8);
        try (ServerHarness h = ServerHarness.start(dir)) {
            h.write("f.vigil", text);
            h.open("f.vigil", text);
            List<Diagnostic> before = reported(h);
            List<Diagnostic> fixable = before.stream().filter(d -> d.fix() != null).toList();
            assertTrue(!fixable.isEmpty(), "the server reports no fix: " + before);
            for (Diagnostic d : fixable) {
                Range range = lines(h).range(d.span());
                List<CodeAction> actions = h.codeActions("f.vigil", range, List.of(CodeActionKind.QuickFix));
                CodeAction action = actions.stream().filter(a -> a.getDiagnostics().get(0).getRange().equals(range)
                        && a.getDiagnostics().get(0).getCode().getLeft().equals(d.code())).findFirst()
                        .orElseThrow(() -> new AssertionError("no quick fix for " + d + " among " + actions));
                assertEquals(d.fix().description(), action.getTitle());
                String fixed = TextEdits.apply(text, action.getEdit().getChanges().get(h.uri("f.vigil")));
                List<Diagnostic> after = replace(h, fixed);
                assertTrue(count(after, d.code()) < count(before, d.code()),
                        d.code() + " is still reported after `" + d.fix().description() + "`:\n" + fixed + "\n" + after);
                assertNoNewErrors(before, after, fixed);
                replace(h, text);
            }
            List<CodeAction> all = h.codeActions("f.vigil", new Range(lines(h).position(0), lines(h).position(0)),
                    List.of(CodeActionKind.SourceFixAll));
            assertEquals(1, all.size(), all.toString());
            String fixed = TextEdits.apply(text, all.get(0).getEdit().getChanges().get(h.uri("f.vigil")));
            List<Diagnostic> after = replace(h, fixed);
            assertTrue(after.stream().filter(d -> d.fix() != null).count() < fixable.size(), fixed + "\n" + after);
            assertNoNewErrors(before, after, fixed);
            h.assertNoInternalErrors();
        }
    }

    private static void assertNoNewErrors(List<Diagnostic> before, List<Diagnostic> after, String text) {
        Map<String, Integer> was = new HashMap<>();
        before.stream().filter(Diagnostic::isError).forEach(d -> was.merge(d.code(), 1, Integer::sum));
        Map<String, Integer> now = new HashMap<>();
        after.stream().filter(Diagnostic::isError).forEach(d -> now.merge(d.code(), 1, Integer::sum));
        now.forEach((code, n) -> assertTrue(n <= was.getOrDefault(code, 0),
                "a new " + code + " error after the fix:\n" + text + "\n" + after));
    }

    private static long count(List<Diagnostic> ds, String code) {
        return ds.stream().filter(d -> d.code().equals(code)).count();
    }

    private static ProjectResult result(ServerHarness h) {
        return h.awaitCompiled().resultFor(h.root.resolve("f.vigil")).orElseThrow();
    }

    private static dev.vigil.lsp.text.LineIndex lines(ServerHarness h) {
        ProjectResult r = result(h);
        return r.lines(r.display(h.root.resolve("f.vigil")).orElseThrow()).orElseThrow();
    }

    private static List<Diagnostic> reported(ServerHarness h) {
        return result(h).diagnostics(h.root.resolve("f.vigil"));
    }

    /** Replaces the whole document (a change without a range) and returns what is then reported. */
    private static List<Diagnostic> replace(ServerHarness h, String text) {
        int version = h.version("f.vigil") + 1;
        h.server.getTextDocumentService().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(h.uri("f.vigil"), version),
                List.of(new TextDocumentContentChangeEvent(text))));
        h.setVersion("f.vigil", version);
        return reported(h);
    }
}
