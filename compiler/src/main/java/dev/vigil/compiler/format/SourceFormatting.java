package dev.vigil.compiler.format;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** Replaces the file with its formatted text: written beside it first, then moved over it. */
    public static void write(Outcome outcome) throws IOException {
        String text = outcome.result().formatted().orElseThrow();
        Path file = outcome.file().toAbsolutePath();
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".fmt");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
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
