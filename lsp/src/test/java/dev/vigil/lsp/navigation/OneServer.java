package dev.vigil.lsp.navigation;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Tests that only ask questions share one server on the {@link Fixture}, started once per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneServer {
    Fixture f;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        f = new Fixture(dir);
    }

    @AfterAll
    void stop() {
        f.h.assertNoInternalErrors();
        f.h.close();
    }
}
