package dev.vigil.compiler.analysis;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The checks never throw: every golden case of the checks, cut short and mutated, still compiles to diagnostics. */
class ChecksRobustnessTest {
    private static final String[] INSERTS = {"}", "{", " and ", " / 0", " on () ", "{{", "}}", "$labels.x", " by (le) ",
        "\"", "route default to x\n", " severity critical ", " group_left ", "(", ")", "[5m]", " unless "};

    @Test
    void mutatedGoldenCasesNeverThrow() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/checks"))) {
            cases = s.filter(p -> p.toString().endsWith(".vigil")).sorted().toList();
        }
        Random random = new Random(7);
        for (Path p : cases) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            for (int k = 0; k < 30; k++) {
                int at = random.nextInt(text.length());
                String mutated = switch (k % 3) {
                    case 0 -> text.substring(0, at);
                    case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
                    default -> text.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + text.substring(at);
                };
                Compiler.compile(List.of(new SourceFile(p.getFileName().toString(), mutated)));
            }
        }
    }
}
