package dev.vigil.compiler.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.validate.alertmanager.UnusedReceiver;
import dev.vigil.compiler.validate.naming.UndefinedMetric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The checks that are built but not yet registered find nothing in the sample project either. */
class PendingChecksOnSampleTest {
    @Test
    void sampleIsClean() throws IOException {
        Path dir = Path.of(System.getProperty("vigil.repo", "..")).resolve("samples/crm-events/src/main/vigil");
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".vigil")).sorted().toList()) {
                files.add(new SourceFile(p.getFileName().toString(), Files.readString(p)));
            }
        }
        CompileResult r = Compiler.compile(files);
        assertEquals(List.of(), r.diagnostics());
        DiagnosticSink sink = new DiagnosticSink();
        new UndefinedMetric().validate(r.project().orElseThrow(), sink);
        new UnusedReceiver().validate(r.project().orElseThrow(), sink);
        assertEquals(List.of(), sink.sorted());
    }
}
