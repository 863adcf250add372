package dev.vigil.compiler.validate.naming;

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
 * Runs {@link UndefinedMetric} directly on its golden cases while it is not registered (README.md's
 * tour reads a recording rule it does not define); the fail case's
 * expectations wait in {@code fail-seed-004-renamed.pending}, to become its {@code .errors} once it is.
 */
class UndefinedMetricTest {
    private static final Path DIR = Path.of("src/test/resources/checks/Naming.UndefinedMetric");

    private static List<Diagnostic> run(String file) throws IOException {
        String text = Files.readString(DIR.resolve(file));
        CompileResult r = Compiler.compile(List.of(new SourceFile(file, text)));
        DiagnosticSink sink = new DiagnosticSink();
        new UndefinedMetric().validate(r.project().orElseThrow(), sink);
        return sink.sorted();
    }

    @Test
    void reportsTheRenamedRecordingRuleAndTheMisspeltMetric() throws IOException {
        String expected = Files.readString(DIR.resolve("fail-seed-004-renamed.pending"));
        List<Diagnostic> actual = run("fail-seed-004-renamed.vigil");
        assertEquals(List.of(), ErrorFile.compare(ErrorFile.parse(expected), actual));
        assertEquals("Did you mean `kafka:group_skew_ratio:max_avg`?", actual.get(0).hint());
    }

    @Test
    void acceptsDeclaredRecordedAndBuiltInNames() throws IOException {
        assertEquals(List.of(), run("pass-declared-and-recorded.vigil"));
    }
}
