package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Fix;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.promql.PromqlChecker;
import dev.vigil.compiler.promql.StringLiteral;
import dev.vigil.compiler.promql.ValueType;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus's own parse-time rules (argument types, arity, `bool`, set operators ...) applied to
 * every query of the project, with constants typed by their values and as the target Prometheus
 * release parses them. These are part of what PromQL accepts, so they run before the validators,
 * which assume well-typed queries.
 */
public final class ExpressionChecks {
    private ExpressionChecks() {
    }

    public static void run(Project project, DiagnosticSink sink) {
        for (Queries.Use use : Queries.of(project)) {
            ValueType type = PromqlChecker.check(use.expr(), sink, name -> typeOf(name, use.constants()),
                    project.settings().targets());
            if (use.vectorOrScalar() && (type == ValueType.MATRIX || type == ValueType.STRING)) {
                Diagnostic d = Diagnostic.error(Ids.PROMQL_RESULT_TYPE, use.expr().span(),
                        "`" + use.slot() + "` needs an instant vector or a scalar, but this query gives "
                                + type.withArticle() + ".",
                        type == ValueType.MATRIX ? "Apply a function over the range, such as `rate(...)` or `max_over_time(...)`."
                                : null);
                // The YAML habit: a whole query in quotes is a string, not a query.
                if (use.expr() instanceof StringLiteral quoted && !quoted.value().isBlank()) {
                    d = new Diagnostic(d.code(), d.severity(), d.span(), d.message(),
                            "Queries are written without quotes.", new Fix("Remove the quotes", quoted.span(),
                                    quoted.value().strip()));
                }
                sink.report(d);
            }
        }
    }

    private static Optional<ValueType> typeOf(String name, Map<String, Constant> constants) {
        Constant c = constants.get(name);
        if (c == null) {
            return Optional.empty();
        }
        Value v = c.value();
        if (v instanceof Value.NumberValue) {
            return Optional.of(ValueType.SCALAR);
        }
        if (v instanceof Value.StringValue) {
            return Optional.of(ValueType.STRING);
        }
        return Optional.empty();
    }
}
