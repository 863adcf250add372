package dev.vigil.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `vigil fmt`'s write: atomic, and never when the formatted text would mean something else. */
class FormatWriteTest {
    private static final String MESSY = "service api {\n team \"platform\"\n  group g { alert A { when up == 0 "
            + "severity warning summary \"Down\" } }\n}\n";

    private static SourceFormatting.Outcome outcome(Path file, String formatted) throws IOException {
        SourceFile source = new SourceFile(file.getFileName().toString(), Files.readString(file));
        return new SourceFormatting.Outcome(file, new Formatter.Result(source, Optional.of(formatted), List.of()));
    }

    @Test
    void aFormattedTextThatMeansSomethingElseIsRefusedAndTheFileUntouched(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("api.vigil");
        Files.writeString(file, MESSY);
        // What a formatter bug could produce: same layout rules, another summary.
        String wrong = Formatter.format("api.vigil", MESSY).formatted().orElseThrow().replace("\"Down\"", "\"Up\"");
        Optional<Diagnostic> refused = SourceFormatting.write(outcome(file, wrong));
        assertTrue(refused.isPresent());
        assertEquals(Ids.INTERNAL_FORMATTER, refused.get().code());
        assertEquals("api.vigil", refused.get().span().file());
        assertEquals(MESSY, Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left");
        }
    }

    @Test
    void onlyLayoutAndSpansMayDiffer(@TempDir Path dir) throws IOException {
        SourceFile messy = new SourceFile("a.vigil", MESSY);
        String tidy = Formatter.format(messy).formatted().orElseThrow();
        assertTrue(SourceFormatting.sameModel(messy, new SourceFile("a.vigil", tidy)));
        assertTrue(!SourceFormatting.sameModel(messy, new SourceFile("a.vigil", tidy.replace("platform", "Platform"))));
        assertTrue(!SourceFormatting.sameModel(messy, new SourceFile("a.vigil", tidy.replace("service api {", "service api {\n  // new"))),
                "a comment is part of what the file says");
        Path file = dir.resolve("a.vigil");
        Files.writeString(file, MESSY);
        assertEquals(Optional.empty(), SourceFormatting.write(outcome(file, tidy)));
        assertEquals(tidy, Files.readString(file));
    }
}
