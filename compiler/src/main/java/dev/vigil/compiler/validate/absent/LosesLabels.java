package dev.vigil.compiler.validate.absent;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alert on {@code absent} without the labels it counts on: {@code absent} over a computed
 * expression (an aggregation, a function) returns a series without labels, and a {@code summary} or
 * {@code description} reading {@code $labels.x} for a label {@code absent} does not keep renders empty.
 */
public final class LosesLabels implements Validator {
    private static final Pattern LABEL_REF = Pattern.compile("\\$labels\\.([A-Za-z_][A-Za-z0-9_]*)");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        AbsentCalls.eachAlert(project, (a, constants) -> {
            for (Call c : AbsentCalls.in(a.expr())) {
                // absent(rate(x[w])) is Absent.ShortWindow's to judge.
                if (AbsentCalls.argument(c).filter(arg -> !(arg instanceof VectorSelector)).isPresent()
                        && AbsentCalls.rateInside(c).isEmpty()) {
                    sink.warning(id(), c.span(), "`" + c.function() + "` over a computed expression returns a series "
                                    + "without labels.", "Apply `" + c.function() + "` to the selector itself, such as "
                                    + "`absent(up{job=\"api\"})`, so the alert keeps its labels.");
                }
            }
            if (AbsentCalls.isAbsent(Expr.unparen(a.expr()))) {
                textReadsLostLabel(a, (Call) Expr.unparen(a.expr()), sink);
            }
        });
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
                    "Match the label with `=` in the selector, set it in `labels { ... }`, or remove it from the text.");
        }
    }
}
