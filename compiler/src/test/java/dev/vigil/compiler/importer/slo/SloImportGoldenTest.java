package dev.vigil.compiler.importer.slo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sloth, Pyrra and OpenSLO inputs, with and without errors: see {@link ImportGoldens}. */
class SloImportGoldenTest {
    static Stream<Path> cases() throws IOException {
        return Stream.of("sloth", "pyrra", "openslo").flatMap(kind -> {
            try {
                List<Path> c = ImportGoldens.cases(kind);
                if (c.size() < 2) {
                    throw new AssertionError("expected goldens for " + kind);
                }
                return c.stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void importsAsExpected(Path input) throws IOException {
        ImportGoldens.check(input);
    }
}
