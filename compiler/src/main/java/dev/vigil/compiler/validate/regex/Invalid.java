package dev.vigil.compiler.validate.regex;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.StringLiteral;
import dev.vigil.compiler.regex.Re2;
import dev.vigil.compiler.validate.Validator;
import java.util.Optional;

/**
 * A regex that RE2 refuses: in a label matcher, a {@code label_replace} pattern, or a route or
 * inhibition matcher. Prometheus will not load the rule and Alertmanager will not load the
 * configuration. Java's own regex engine accepts most of these, so they are read with an RE2
 * syntax check ({@link Re2#problem}).
 */
public final class Invalid implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        for (RegexUses.Use u : RegexUses.of(project)) {
            Optional<String> problem = Re2.problem(u.value());
            problem.ifPresent(p -> sink.error(id(), u.span(), "The regex `" + u.value() + "` is not valid RE2: " + p + ".",
                    (u.alertmanager() ? "Alertmanager" : "Prometheus")
                            + " uses Go's RE2 engine, which refuses it; rewrite it without that construct."));
        }
        for (Queries.Use q : Queries.of(project)) {
            Expr.walk(q.expr(), e -> {
                if (e instanceof Call c && c.function().equals("label_replace") && c.args().size() == 5
                        && c.args().get(4) instanceof StringLiteral s) {
                    Re2.problem(s.value()).ifPresent(p -> sink.error(id(), s.span(),
                            "The regex `" + s.value() + "` is not valid RE2: " + p + ".",
                            "Prometheus uses Go's RE2 engine, which refuses it; rewrite it without that construct."));
                }
            });
        }
    }
}
