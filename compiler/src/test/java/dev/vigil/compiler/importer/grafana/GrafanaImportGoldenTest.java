package dev.vigil.compiler.importer.grafana;

import dev.vigil.compiler.importer.slo.ImportGoldens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Grafana dashboards, with and without errors: see {@link ImportGoldens}. */
class GrafanaImportGoldenTest {
    static Stream<Path> cases() throws IOException {
        return ImportGoldens.cases("grafana").stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void importsAsExpected(Path input) throws IOException {
        ImportGoldens.check(input);
    }
}
