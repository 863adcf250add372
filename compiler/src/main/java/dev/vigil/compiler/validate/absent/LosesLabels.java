package dev.vigil.compiler.validate.absent;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alert on {@code absent} without the labels it counts on: {@code absent} over a computed
 * expression (an aggregation, a function) returns a series without labels, which for
 * {@code absent(rate(x{job="api"}[5m]))} loses the {@code job} that {@code absent(x{job="api"})} keeps;
 * and a {@code summary} or {@code description} reading {@code $labels.x} for a label {@code absent} does
 * not keep renders empty (a static label does not help: {@code $labels} are the query's labels).
 */
public final class LosesLabels implements Validator {
    private static final Pattern LABEL_REF = Pattern.compile("\\$labels\\.([A-Za-z_][A-Za-z0-9_]*)");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        AbsentCalls.eachAlert(project, (a, constants) -> {
            for (Call c : AbsentCalls.in(a.expr())) {
                if (AbsentCalls.argument(c).filter(arg -> !(arg instanceof VectorSelector)).isEmpty()) {
                    continue;
                }
                Optional<AbsentCalls.RateInside> rate = AbsentCalls.rateInside(c);
                if (rate.isEmpty()) {
                    sink.warning(id(), c.span(), "`" + c.function() + "` over a computed expression returns a series "
                                    + "without labels.", "Apply `" + c.function() + "` to the selector itself, such as "
                                    + "`absent(up{job=\"api\"})`, so the alert keeps its labels.");
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
            if (AbsentCalls.isAbsent(Expr.unparen(a.expr()))) {
                textReadsLostLabel(a, (Call) Expr.unparen(a.expr()), sink);
            }
        });
    }

    private static String names(Set<String> labels) {
        List<String> quoted = labels.stream().map(l -> "`" + l + "`").toList();
        return quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    private void textReadsLostLabel(Rule.Alert a, Call top, DiagnosticSink sink) {
        Set<String> kept = AbsentCalls.equalityLabels(top);
        Set<String> lost = new TreeSet<>();
        for (String text : new String[] {a.summary(), a.description()}) {
            if (text != null) {
                Matcher m = LABEL_REF.matcher(text);
                while (m.find()) {
                    if (!kept.contains(m.group(1))) {
                        lost.add(m.group(1));
                    }
                }
            }
        }
        if (!lost.isEmpty()) {
            sink.warning(id(), top.span(), "Alert `" + a.name() + "` reads `$labels." + lost.iterator().next()
                            + "`, but `absent` keeps only the labels of its equality matchers, so it renders empty.",
                    "Match the label with `=` in the selector, or remove it from the text: a static label set in "
                            + "`labels { ... }` reaches routing, but `$labels` in the text holds only the query's labels.");
        }
    }
}
