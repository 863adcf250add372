package dev.vigil.compiler.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The template package is a leaf, like promql: plain Java, nothing else of the compiler. */
class TemplatePackageTest {
    @Test
    void importsNothingElseOfVigil() throws IOException {
        Path dir = Path.of("src/main/java/dev/vigil/compiler/template");
        List<String> foreign;
        try (Stream<Path> files = Files.list(dir)) {
            foreign = files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream()
                            .filter(l -> l.contains("dev.vigil.") && !l.contains("dev.vigil.compiler.template"))
                            .map(l -> f.getFileName() + ": " + l.strip());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), foreign);
    }
}
