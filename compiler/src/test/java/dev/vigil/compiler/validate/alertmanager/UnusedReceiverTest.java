package dev.vigil.compiler.validate.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.golden.ErrorFile;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link UnusedReceiver} directly on its golden cases while it is not registered
 * (docs/language.md declares two receivers no route uses); the fail case's expectations wait in
 * {@code fail-forgotten-pager.pending}, to become its {@code .errors} once it is.
 */
class UnusedReceiverTest {
    private static final Path DIR = Path.of("src/test/resources/checks/Alertmanager.UnusedReceiver");

    private static List<Diagnostic> run(String file) throws IOException {
        String text = Files.readString(DIR.resolve(file));
        CompileResult r = Compiler.compile(List.of(new SourceFile(file, text)));
        DiagnosticSink sink = new DiagnosticSink();
        new UnusedReceiver().validate(r.project().orElseThrow(), sink);
        return sink.sorted();
    }

    @Test
    void reportsTheForgottenPager() throws IOException {
        String expected = Files.readString(DIR.resolve("fail-forgotten-pager.pending"));
        assertEquals(List.of(), ErrorFile.compare(ErrorFile.parse(expected), run("fail-forgotten-pager.vigil")));
    }

    @Test
    void acceptsReceiversUsedByChildRoutes() throws IOException {
        assertEquals(List.of(), run("pass-every-receiver-routed.vigil"));
    }
}
