package dev.vigil.compiler.format;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.SyntaxTree;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code vigil fmt}: the one canonical layout of a {@code .vigil} file. Only whitespace changes: every
 * token and comment stays, in its order, and a comment at the end of a line stays at the end of one.
 * A file that does not parse is not formatted; its diagnostics come back instead.
 */
public final class Formatter {
    private Formatter() {
    }

    /**
     * The outcome for one file: the formatted text, or the diagnostics that kept it from being formatted.
     * {@code formatted} is present exactly when {@code diagnostics} holds no error.
     */
    public record Result(SourceFile source, Optional<String> formatted, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        /** Whether formatting changes the file (false when it could not be formatted). */
        public boolean changed() {
            return formatted.isPresent() && !formatted.get().equals(source.text());
        }
    }

    /** Formats {@code text}, reported under {@code path}. */
    public static Result format(String path, String text) {
        return format(new SourceFile(path, text));
    }

    public static Result format(SourceFile source) {
        DiagnosticSink sink = new DiagnosticSink();
        // The full parse also reports what the grammar accepts but the language does not (a bad escape, say).
        boolean parsed = VigilSourceParser.parse(source, sink).isPresent();
        Optional<SyntaxTree.Node> tree = parsed && !sink.hasErrors()
                ? SyntaxTree.parse(source, sink) : Optional.empty();
        if (tree.isEmpty()) {
            return new Result(source, Optional.empty(), sink.sorted());
        }
        String text = Printer.print(tree.get());
        verify(source, tree.get(), text);
        return new Result(source, Optional.of(text), sink.sorted());
    }

    /** The printed text must hold the same tokens and comments, in order; anything else is a bug here, not the user's. */
    private static void verify(SourceFile source, SyntaxTree.Node before, String text) {
        Optional<SyntaxTree.Node> after = SyntaxTree.parse(new SourceFile(source.path(), text), new DiagnosticSink());
        if (after.isEmpty() || !tokens(before).equals(tokens(after.get()))) {
            throw new IllegalStateException("formatting " + source.path() + " would change its tokens or comments");
        }
    }

    private static List<String> tokens(SyntaxTree.Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(SyntaxTree.Element e, List<String> out) {
        if (e instanceof SyntaxTree.Leaf l) {
            l.comments().forEach(c -> out.add((c.ownLine() ? "own " : "end ") + c.text()));
            out.add(l.type() + " " + l.text());
        } else {
            ((SyntaxTree.Node) e).children().forEach(c -> collect(c, out));
        }
    }
}
