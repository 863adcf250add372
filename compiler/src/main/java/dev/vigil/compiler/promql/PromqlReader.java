package dev.vigil.compiler.promql;

import java.util.Optional;

/**
 * Reads PromQL text, as Prometheus would, into an {@link Expr}. The parser stage implements it (it is
 * registered in {@code META-INF/services}), so that a check that judges text another tool writes, such
 * as a dashboard query once Grafana has filled in its variables, reads it with the one PromQL parser
 * without depending on the stage that parses sources.
 */
public interface PromqlReader {
    /** The expression, or empty when {@code text} is not PromQL Prometheus accepts (any error). */
    Optional<Expr> read(String text);

    /** The registered reader. */
    static PromqlReader standard() {
        return RegisteredReader.READER;
    }
}

