package dev.vigil.compiler.ast;

import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import java.util.List;

/**
 * What a {@code $name} stands for while a template body or {@code for} block is built: a DSL value, a
 * query or label matchers, of the parameter's type. A value may itself be a {@code $constant}, which
 * the model builder resolves as anywhere else.
 */
public record Binding(ParamType type, Value value, Expr query, List<LabelMatcher> matchers) {
    public Binding {
        matchers = matchers == null ? null : List.copyOf(matchers);
    }

    public static Binding value(ParamType type, Value value) {
        return new Binding(type, value, null, null);
    }

    public static Binding query(Expr query) {
        return new Binding(ParamType.QUERY, null, query, null);
    }

    public static Binding matchers(List<LabelMatcher> matchers) {
        return new Binding(ParamType.MATCHERS, null, null, matchers);
    }
}
