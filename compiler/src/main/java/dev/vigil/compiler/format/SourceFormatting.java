package dev.vigil.compiler.format;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.io.FileOps;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Formatting files on disk, for the command line and the build plugin: find, format, compare, write. */
public final class SourceFormatting {
    private SourceFormatting() {
    }

    /** One file: where it is, and what formatting it gives (or why it could not be formatted). */
    public record Outcome(Path file, Formatter.Result result) {
        public String display() {
            return result.source().path();
        }
    }

    /**
     * Formats every {@code .vigil} file among {@code inputs} (directories are searched, skipping build
     * output and hidden directories), in path order. Nothing is written.
     */
    public static List<Outcome> format(List<Path> inputs, SourceLoader loader) throws InputException {
        List<Outcome> out = new ArrayList<>();
        for (Path file : loader.expand(inputs, Compiler.EXTENSION)) {
            DiagnosticSink sink = new DiagnosticSink();
            Optional<SourceFile> source = loader.read(file, sink);
            out.add(new Outcome(file, source.map(Formatter::format).orElseGet(() ->
                    new Formatter.Result(new SourceFile(loader.displayPath(file), ""), Optional.empty(), sink.sorted()))));
        }
        return out;
    }

    /**
     * Replaces the file with its formatted text, atomically: written to a temporary file beside it, then
     * moved over it. Only when the formatted text parses back to the same syntax tree as the file (spans
     * aside); otherwise the file is left untouched and the returned {@code Internal.Formatter} error says
     * so, a bug in the formatter, never the user's.
     */
    public static Optional<Diagnostic> write(Outcome outcome) throws IOException {
        String text = outcome.result().formatted().orElseThrow();
        SourceFile before = outcome.result().source();
        if (!sameModel(before, new SourceFile(before.path(), text))) {
            return Optional.of(Diagnostic.blocking(Ids.INTERNAL_FORMATTER, Span.point(before.path(), 1, 1),
                    "Formatting would change what the file means, so it was left untouched; this is a bug in Vigil; "
                            + "please report it.", null));
        }
        FileOps ops = FileOps.current();
        Path file = outcome.file().toAbsolutePath();
        Path temp = file.resolveSibling("." + file.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".fmt");
        try {
            ops.write(temp, text.getBytes(StandardCharsets.UTF_8));
            ops.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
        return Optional.empty();
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Whether two texts parse to the same declarations and comments, wherever they stand. */
    static boolean sameModel(SourceFile before, SourceFile after) {
        Optional<VigilFile> a = VigilSourceParser.parse(before, new DiagnosticSink());
        Optional<VigilFile> b = VigilSourceParser.parse(after, new DiagnosticSink());
        return a.isPresent() && b.isPresent() && withoutSpans(a.get()).equals(withoutSpans(b.get()));
    }

    /** A syntax tree as nested lists of its values, leaving out every {@link Span}: the parts that carry meaning. */
    private static Object withoutSpans(Object node) {
        if (node instanceof Span) {
            return "";
        }
        if (node instanceof dev.vigil.compiler.ast.Decl.Body body) {
            // A template or loop body, built unbound: as written, with its `$` references.
            return withoutSpans(body.build(body.enclosing(), new DiagnosticSink()));
        }
        if (node instanceof Record r) {
            List<Object> parts = new ArrayList<>();
            parts.add(r.getClass().getName());
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    parts.add(withoutSpans(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("the syntax tree's records are public", e);
                }
            }
            return parts;
        }
        if (node instanceof java.util.Collection<?> items) {
            return items.stream().map(SourceFormatting::withoutSpans).toList();
        }
        if (node instanceof java.util.Map<?, ?> map) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(withoutSpans(k), withoutSpans(v)));
            return out;
        }
        if (node instanceof Optional<?> o) {
            return o.map(SourceFormatting::withoutSpans);
        }
        return node;
    }

    /** A unified diff from the file as it is to the file formatted, with three lines of context. */
    public static String unifiedDiff(Formatter.Result result) {
        String path = result.source().path();
        List<String> before = lines(result.source().text());
        List<String> after = lines(result.formatted().orElse(result.source().text()));
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, before,
                DiffUtils.diff(before, after), 3);
        return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
    }

    private static List<String> lines(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n", -1));
    }
}
