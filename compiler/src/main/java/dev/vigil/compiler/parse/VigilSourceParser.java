package dev.vigil.compiler.parse;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.source.SourceFile;
import java.util.Optional;

/** Public entry to the DSL parser. Empty when the file has syntax errors, which are then in the sink. */
public final class VigilSourceParser {
    private VigilSourceParser() {
    }

    public static Optional<VigilFile> parse(SourceFile source, DiagnosticSink sink) {
        if (source.text().length() > VigilParsing.MAX_CHARS) {
            sink.error(Ids.INPUT_TOO_LARGE, new dev.vigil.compiler.source.Span(source.path(), 1, 1, 1, 2),
                    "The file has more than " + VigilParsing.MAX_CHARS + " characters.", "Split it into several files.");
            return Optional.empty();
        }
        return AstBuilder.parse(source, sink);
    }
}
