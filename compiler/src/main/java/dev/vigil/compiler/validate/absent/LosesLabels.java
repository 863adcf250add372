package dev.vigil.compiler.validate.absent;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An alert on {@code absent} without the labels it counts on: {@code absent} over a computed
 * expression (an aggregation, a function) returns a series without labels, which for
 * {@code absent(rate(x{job="api"}[5m]))} or {@code absent(x{job="api"} == 1)} loses the {@code job} that
 * {@code absent(x{job="api"})} keeps. A {@code summary} reading {@code $labels.x} for a label {@code absent} does
 * not keep renders empty, which is {@code Template.UnknownLabel}'s to report.
 */
public final class LosesLabels implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        AbsentCalls.eachAlert(project, (a, constants) -> {
            for (Call c : AbsentCalls.in(a.expr())) {
                if (AbsentCalls.argument(c).filter(arg -> !(arg instanceof VectorSelector)).isEmpty()) {
                    continue;
                }
                Optional<AbsentCalls.RateInside> rate = AbsentCalls.rateInside(c);
                if (rate.isEmpty()) {
                    // absent(up{job="api"} == 1) is `{}`: the `job` that absent(up{job="api"}) keeps is lost.
                    // Without equality matchers inside, absent(x) would be `{}` too: nothing is lost.
                    Set<String> lost = new TreeSet<>();
                    Map<String, String> values = new TreeMap<>();
                    Expr.walk(AbsentCalls.argument(c).orElseThrow(), e -> {
                        if (e instanceof VectorSelector v) {
                            for (LabelMatcher m : v.matchers()) {
                                if (m.op() == MatchOp.EQ && !m.name().equals("__name__") && m.value() != null) {
                                    lost.add(m.name());
                                    values.putIfAbsent(m.name(), m.value());
                                }
                            }
                        }
                    });
                    lost.removeAll(a.labels().keySet());
                    if (!lost.isEmpty()) {
                        String first = lost.iterator().next();
                        sink.warning(id(), c.span(), "`" + c.function() + "` over a computed expression returns a series "
                                        + "without labels: it loses " + names(lost) + ", which the selector's equality "
                                        + "matchers name.",
                                "Set " + (lost.size() == 1 ? "it" : "them") + " as the alert's static labels (`" + first
                                        + "=" + Strings.quote(values.get(first)) + "`), which keeps the condition as it is.");
                    }
                } else if (rate.get().range().selector() instanceof VectorSelector v) {
                    // absent(rate(x{job="api"}[5m])) is `{}`: Prometheus keeps the equality labels of a bare
                    // selector only. (Its window is Absent.ShortWindow's to judge.) Without equality
                    // matchers nothing is lost: absent(x) is `{}` too.
                    Set<String> lost = new TreeSet<>();
                    for (LabelMatcher m : v.matchers()) {
                        if (m.op() == MatchOp.EQ && !m.name().equals("__name__")) {
                            lost.add(m.name());
                        }
                    }
                    if (!lost.isEmpty()) {
                        String fn = rate.get().function().function();
                        sink.warning(id(), c.span(), "`" + c.function() + "` over `" + fn + "` returns a series without "
                                        + "labels: it loses " + names(lost) + ", which `" + c.function()
                                        + "` over the selector itself keeps.",
                                "Apply `" + c.function() + "` to the selector itself, `" + c.function() + "("
                                        + PromqlPrinter.print(v) + ")`, which keeps " + (lost.size() == 1 ? "it" : "them") + ".");
                    }
                }
            }
        });
    }

    private static String names(Set<String> labels) {
        List<String> quoted = labels.stream().map(l -> "`" + l + "`").toList();
        return quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }
}
