package dev.vigil.compiler.parse;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.promql.ConstantUse;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlReader;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.grammar.VigilParser;
import java.util.Optional;

/**
 * Parses a standalone PromQL expression, such as the {@code expr:} of a Prometheus rule file, into
 * the {@link Expr} AST. Syntax errors become {@code Syntax.*} diagnostics and Prometheus's
 * parse-time rules {@code PromQL.*} ones; type rules are {@link dev.vigil.compiler.promql.PromqlChecker}'s.
 * Vigil constants ({@code $name}) are not PromQL and are reported here.
 */
public final class PromqlParser {
    private PromqlParser() {
    }

    /** Parses {@code text} as if it were a file of its own, named {@code <promql>}. */
    public static Optional<Expr> parse(String text, DiagnosticSink sink) {
        return parse(text, "<promql>", 1, 1, sink);
    }

    /**
     * Parses {@code text}, which starts at {@code line}/{@code column} (1-based, code points) of the
     * file {@code path}, so that diagnostics point into that file (a YAML rule file, say).
     *
     * @return the expression, or empty when it has syntax errors; semantic errors still give a tree
     */
    public static Optional<Expr> parse(String text, String path, int line, int column, DiagnosticSink sink) {
        return parse(text, path, line, column, sink, false);
    }

    /**
     * Like {@link #parse(String, String, int, int, DiagnosticSink)}, but after syntax errors returns
     * whatever tree could still be built (for editor tooling); empty only when nothing could.
     */
    public static Optional<Expr> parseTolerant(String text, String path, int line, int column, DiagnosticSink sink) {
        return parse(text, path, line, column, sink, true);
    }

    private static Optional<Expr> parse(String text, String path, int line, int column, DiagnosticSink sink,
            boolean tolerant) {
        SourceFile source = new SourceFile(path, text);
        if (text.length() > VigilParsing.MAX_CHARS) {
            sink.error(Ids.INPUT_TOO_LARGE, Span.point(path, line, column),
                    "This expression is " + text.length() + " characters long, more than Vigil reads.", null);
            return Optional.empty();
        }
        int lineOffset = line - 1;
        int columnOffset = column - 1;
        try {
            VigilParsing.Result<VigilParser.PromqlRootContext> result =
                    VigilParsing.parse(source, lineOffset, columnOffset, PromqlParser::standaloneRoot, sink);
            // No tree at all when the input was refused before parsing (too deep).
            if (result.tree() == null || (result.hadSyntaxErrors() && !tolerant)) {
                return Optional.empty();
            }
            // After syntax errors the semantic findings would mostly be noise about the repaired tree.
            DiagnosticSink target = result.hadSyntaxErrors() ? new DiagnosticSink() : sink;
            PromqlTreeBuilder builder = new PromqlTreeBuilder(source, lineOffset, columnOffset, target);
            Expr expr = builder.expr(result.tree().expr());
            if (expr == null) {
                return Optional.empty();
            }
            for (ConstantUse use : ConstantUse.in(expr)) {
                target.error(Ids.PROMQL_CONSTANT_OUTSIDE_VIGIL, use.span(),
                        "`$" + use.name() + "` names a Vigil constant, which plain PromQL does not have.",
                        "Write the value itself, or move the expression into a .vigil file.");
            }
            return Optional.of(expr);
        } catch (StackOverflowError e) {
            // Deeply nested input exhausts the recursive-descent parser; refuse it rather than crash.
            sink.error(Ids.INPUT_TOO_DEEP, Span.point(path, line, column),
                    "This expression is nested too deeply to analyse.", "Split it into recording rules.");
            return Optional.empty();
        }
    }

    /** {@link PromqlReader} for the checks: the text parses without any error, or it is refused. */
    public static final class Reader implements PromqlReader {
        @Override
        public Optional<Expr> read(String text) {
            DiagnosticSink sink = new DiagnosticSink();
            Optional<Expr> expr = parse(text, sink);
            return sink.hasErrors() ? Optional.empty() : expr;
        }
    }

    /** Plain PromQL: the DSL's reserved words are ordinary metric names there. */
    private static VigilParser.PromqlRootContext standaloneRoot(VigilParser parser) {
        parser.standalonePromql = true;
        return parser.promqlRoot();
    }
}
