package dev.vigil.compiler.parse;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.Optional;

/** Public entry to the DSL parser. */
public final class VigilSourceParser {
    private VigilSourceParser() {
    }

    /**
     * A parsed file: every declaration that is complete, even when others are not ({@link VigilFile#broken()}
     * lists those); {@code syntaxErrors} says whether any were reported.
     */
    public record Result(VigilFile file, boolean syntaxErrors) {
    }

    /** Empty when the file has syntax errors, which are then in the sink: for tools that need the whole file. */
    public static Optional<VigilFile> parse(SourceFile source, DiagnosticSink sink) {
        Result result = parseTolerant(source, sink);
        return result.syntaxErrors() ? Optional.empty() : Optional.of(result.file());
    }

    /**
     * Where each top-level declaration starts among {@code tokens} (a lexer's, any channels): indices, the first
     * 0. The tolerant parse reads a damaged file one such declaration at a time; an editor that reads the
     * declaration at a cursor (the language server's completion) splits the same way.
     */
    public static List<Integer> declarationStarts(List<org.antlr.v4.runtime.Token> tokens) {
        return VigilParsing.chunkStarts(tokens);
    }

    /** Parses and keeps going after syntax errors, as an editor or {@code vigil check} needs; never throws for input. */
    public static Result parseTolerant(SourceFile source, DiagnosticSink sink) {
        if (source.text().length() > VigilParsing.MAX_CHARS) {
            Span first = new Span(source.path(), 1, 1, 1, 2);
            sink.error(Ids.INPUT_TOO_LARGE, first, "The file has more than " + VigilParsing.MAX_CHARS + " characters.",
                    "Split it into several files.");
            return new Result(new VigilFile(source.path(), List.of(), List.of(), List.of(), first,
                    List.of(new VigilFile.Broken("", first, java.util.Set.of()))), true);
        }
        return AstBuilder.parse(source, sink);
    }
}
