package dev.vigil.compiler.model;

import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.DurationBinary;
import dev.vigil.compiler.promql.DurationCall;
import dev.vigil.compiler.promql.DurationExpr;
import dev.vigil.compiler.promql.DurationParen;
import dev.vigil.compiler.promql.DurationRef;
import dev.vigil.compiler.promql.DurationUnary;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.Subquery;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.util.Map;
import java.util.Set;

/**
 * Checks every {@code $name} inside a query: the constant must exist, and its type must fit the
 * place it is used (a string or list of strings in a matcher, a number or string as an operand, a
 * duration in a range or offset). Names that are Grafana variables in a dashboard, and Grafana built-ins such as {@code $__rate_interval}, are left alone.
 */
final class ConstantTypes {
    private final DiagnosticSink sink;

    ConstantTypes(DiagnosticSink sink) {
        this.sink = sink;
    }

    void check(Expr root, Map<String, Constant> scope) {
        check(root, scope, Set.of());
    }

    /** {@code dashboardVariables}: names that are Grafana variables in this query's context. */
    void check(Expr root, Map<String, Constant> scope, Set<String> dashboardVariables) {
        Expr.walk(root, e -> {
            if (e instanceof ConstRef c) {
                use(c.name(), c.span(), Use.OPERAND, scope, dashboardVariables);
            } else if (e instanceof VectorSelector v) {
                for (LabelMatcher m : v.matchers()) {
                    if (m.isConstRef() && m.name().isEmpty()) {
                        parameterOnly(m.constRef(), m.span(), "`{$" + m.constRef() + "}`", "matchers", dashboardVariables);
                    } else if (m.isConstRef()) {
                        use(m.constRef(), m.span(), Use.MATCHER, scope, dashboardVariables);
                        listNeedsRegex(m, scope);
                    }
                }
            } else if (e instanceof dev.vigil.compiler.promql.Aggregation a && a.grouping() != null) {
                groupingRefs(a.grouping().labels(), a.grouping().span(), dashboardVariables);
            } else if (e instanceof dev.vigil.compiler.promql.Binary b && b.matching() != null) {
                groupingRefs(b.matching().labels(), b.span(), dashboardVariables);
                groupingRefs(b.matching().include(), b.span(), dashboardVariables);
            } else if (e instanceof MatrixSelector m) {
                duration(m.range(), scope, dashboardVariables);
            } else if (e instanceof Subquery s) {
                duration(s.range(), scope, dashboardVariables);
                duration(s.step(), scope, dashboardVariables);
            } else if (e instanceof OffsetExpr o) {
                duration(o.offset(), scope, dashboardVariables);
            }
        });
    }

    private void groupingRefs(java.util.List<String> labels, Span span, Set<String> dashboardVariables) {
        for (String l : labels) {
            if (l.startsWith("$")) {
                parameterOnly(l.substring(1), span, "`" + l + "` in a label list", "labels", dashboardVariables);
            }
        }
    }

    /**
     * `{$m}` and `by ($l)` have no meaning for a constant: only a template parameter of the type can stand
     * there, or in a dashboard query a Grafana variable (`sum by ($group_by)`), which Grafana fills in.
     */
    private void parameterOnly(String name, Span span, String what, String type, Set<String> dashboardVariables) {
        if (dashboardVariables.contains(name) || name.startsWith("__")) {
            return;
        }
        sink.blocking(Ids.REFERENCE_UNKNOWN, span, what + " needs a template parameter of type `" + type
                + "`, and there is none named `" + name + "` here.", "Inside a template, declare `" + name + " " + type
                        + "`; elsewhere, write the " + (type.equals("labels") ? "labels" : "matchers") + " themselves.");
    }

    /** A list becomes an alternation, which only a regex matcher can use. */
    private void listNeedsRegex(LabelMatcher m, Map<String, Constant> scope) {
        Constant c = scope.get(m.constRef());
        boolean regex = m.op() == dev.vigil.compiler.promql.MatchOp.RE || m.op() == dev.vigil.compiler.promql.MatchOp.NRE;
        if (c != null && c.value() instanceof Value.ListValue && !regex) {
            String op = m.op() == dev.vigil.compiler.promql.MatchOp.NEQ ? "!~" : "=~";
            sink.blocking(Ids.TYPE_MISMATCH, m.span(), "Constant `$" + m.constRef() + "` is a list, which `" + m.op().symbol()
                    + "` cannot match.", "Write `" + m.name() + op + "$" + m.constRef() + "`: the list becomes an alternation.");
        }
    }

    private void duration(DurationExpr d, Map<String, Constant> scope, Set<String> variables) {
        if (d == null) {
            return;
        }
        if (d instanceof DurationRef r) {
            use(r.name(), r.span(), Use.DURATION, scope, variables);
        } else if (d instanceof DurationBinary b) {
            duration(b.lhs(), scope, variables);
            duration(b.rhs(), scope, variables);
        } else if (d instanceof DurationUnary u) {
            duration(u.expr(), scope, variables);
        } else if (d instanceof DurationParen p) {
            duration(p.expr(), scope, variables);
        } else if (d instanceof DurationCall c) {
            c.args().forEach(a -> duration(a, scope, variables));
        }
    }

    private enum Use {
        MATCHER("a label matcher", "a string or a list of strings"),
        OPERAND("an expression operand", "a number or a string"),
        DURATION("a range or offset", "a duration");

        final String place;
        final String expected;

        Use(String place, String expected) {
            this.place = place;
            this.expected = expected;
        }
    }

    private void use(String name, Span span, Use use, Map<String, Constant> scope, Set<String> variables) {
        if (variables.contains(name) || name.startsWith("__")) {
            return;
        }
        Constant c = scope.get(name);
        if (c == null) {
            // In a dashboard query `$x` may be meant for either, so a near miss is looked for in both.
            Set<String> known = new java.util.HashSet<>(scope.keySet());
            known.addAll(variables);
            String near = Suggest.closest(name, known);
            String hint = near == null ? "Declare it with `const " + name + " = ...`."
                    : variables.contains(near) ? "Did you mean the dashboard variable `$" + near + "`?"
                    : "Did you mean `$" + near + "`?";
            // Blocking, as every unresolved or mistyped constant: the emitters substitute each one's value.
            sink.blocking(Ids.REFERENCE_UNKNOWN, span, variables.isEmpty() ? "Unknown constant `$" + name + "`."
                    : "Unknown constant or dashboard variable `$" + name + "`.", hint);
            return;
        }
        Value v = c.value();
        boolean ok = switch (use) {
            case MATCHER -> v instanceof Value.StringValue || v instanceof Value.NameValue
                    || (v instanceof Value.ListValue l && l.items().stream().allMatch(
                            i -> i instanceof Value.StringValue || i instanceof Value.NameValue));
            case OPERAND -> v instanceof Value.NumberValue || v instanceof Value.StringValue;
            case DURATION -> v instanceof Value.DurationValue;
        };
        if (!ok) {
            sink.blocking(Ids.TYPE_MISMATCH, span, "Constant `$" + name + "` is " + v.kind() + ", but " + use.place
                    + " needs " + use.expected + ".", "It is declared at " + c.span() + ".");
        }
    }
}
