package dev.vigil.compiler.analysis;

import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.lowering.Lowering;
import dev.vigil.compiler.model.ModelBuilder;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;

/** Builds the lowered model from source text, whatever the validators would say about it. */
final class TestProjects {
    private TestProjects() {
    }

    static Project compile(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        VigilFile file = VigilSourceParser.parse(new SourceFile("test.vigil", text), sink)
                .orElseGet(() -> fail("does not parse: " + sink.sorted()));
        return Lowering.lower(ModelBuilder.build(List.of(file), sink), sink);
    }
}
