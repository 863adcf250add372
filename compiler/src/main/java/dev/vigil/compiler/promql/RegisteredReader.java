package dev.vigil.compiler.promql;

import java.util.ServiceLoader;

/** The registered {@link PromqlReader}, looked up once, on first use. */
final class RegisteredReader {
    static final PromqlReader READER = ServiceLoader.load(PromqlReader.class, PromqlReader.class.getClassLoader())
            .findFirst().orElseThrow(() -> new IllegalStateException("no PromqlReader registered"));

    private RegisteredReader() {
    }
}
