package dev.vigil.compiler.validate.alert;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.PromqlChecker;
import dev.vigil.compiler.promql.ValueType;
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.support.Models;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pitfalls of {@code absent()} in alerts. Its result is a single series whose only labels are the
 * selector's equality matchers, so: a regex or an aggregation inside loses the labels, templates
 * that read other labels render empty, and a binary operation with another vector matches nothing.
 * It also fires right after a Prometheus restart unless {@code for} covers two scrapes, and flaps
 * over a {@code rate} whose window is so short a missed scrape empties it.
 */
public final class Absent implements Validator {
    private static final Pattern LABEL_REF = Pattern.compile("\\$labels\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> TWO_SAMPLES = Set.of("rate", "irate", "increase", "delta", "idelta", "deriv");

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        long scrape = project.settings() == null ? 60_000 : project.settings().scrapeIntervalMillis();
        for (Service s : project.services()) {
            Map<String, Constant> scope = dev.vigil.compiler.model.Queries.scope(project, s);
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.expr() != null) {
                        check(a, scrape, scope, sink);
                    }
                }
            }
        }
    }

    private void check(Rule.Alert a, long scrape, Map<String, Constant> constants, DiagnosticSink sink) {
        boolean[] any = {false};
        Expr.walk(a.expr(), e -> {
            if (e instanceof Call c && isAbsent(c)) {
                any[0] = true;
                argument(a, c, scrape, constants, sink);
            } else if (e instanceof Binary b && b.op() != BinaryOp.OR) {
                combined(a, b, b.lhs(), b.rhs(), sink);
                combined(a, b, b.rhs(), b.lhs(), sink);
            }
        });
        if (!any[0]) {
            return;
        }
        if (scrape > 0 && a.forMillis() < 2 * scrape) {
            sink.warning(id(), a.expr().span(), "Alert `" + a.name() + "` uses `absent` with a `for` shorter than two scrape intervals (`"
                            + Durations.format(2 * scrape) + "`), so it fires after every Prometheus restart.",
                    "After a restart the rule runs before the first scrapes; add `for " + Durations.format(Math.max(2 * scrape, 300_000))
                            + "` or longer.");
        }
        if (Expr.unparen(a.expr()) instanceof Call top && isAbsent(top)) {
            Set<String> kept = equalityLabels(top);
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

    private void argument(Rule.Alert a, Call c, long scrape, Map<String, Constant> constants, DiagnosticSink sink) {
        if (c.args().isEmpty()) {
            return;
        }
        Expr arg = Expr.unparen(c.args().get(0));
        if (arg instanceof MatrixSelector ms) {
            arg = ms.selector();
        }
        if (arg instanceof VectorSelector v) {
            for (LabelMatcher m : v.matchers()) {
                if (m.op() == MatchOp.RE && !m.name().equals("__name__")) {
                    sink.warning(id(), m.span(), "`" + c.function() + "` over the regex matcher on `" + m.name()
                                    + "` fires only when no value matches, and its alert has no `" + m.name() + "` label.",
                            "Write one alert per value with `=`, or alert on `count by (" + m.name()
                                    + ") (...)` being below the expected number of values.");
                    return;
                }
            }
            return;
        }
        if (arg instanceof Call inner && TWO_SAMPLES.contains(inner.function()) && !inner.args().isEmpty()
                && Expr.unparen(inner.args().get(0)) instanceof MatrixSelector ms) {
            OptionalLong window = Models.millis(ms.range(), constants);
            // Below two scrape intervals is Rate.WindowTooShort's finding.
            if (scrape > 0 && window.isPresent() && window.getAsLong() >= 2 * scrape && window.getAsLong() < 4 * scrape) {
                sink.warning(id(), ms.range().span(), "`" + c.function() + "` over `" + inner.function() + "` with a `"
                                + Durations.format(window.getAsLong()) + "` window fires whenever one scrape is missed.",
                        "`" + inner.function() + "` needs two samples; widen the window to `" + Durations.format(4 * scrape)
                                + "` or more, or use `absent` on the selector itself.");
            }
            return;
        }
        if (!(arg instanceof VectorSelector)) {
            sink.warning(id(), c.span(), "`" + c.function() + "` over a computed expression returns a series without labels.",
                    "Apply `" + c.function() + "` to the selector itself, such as `absent(up{job=\"api\"})`, so the alert keeps its labels.");
        }
    }

    private void combined(Rule.Alert a, Binary b, Expr side, Expr other, DiagnosticSink sink) {
        if (!(Expr.unparen(side) instanceof Call c) || !isAbsent(c)) {
            return;
        }
        if (PromqlChecker.typeOf(other) != ValueType.VECTOR) {
            return;
        }
        VectorMatching vm = b.matching();
        Set<String> kept = equalityLabels(c);
        if (vm != null && vm.kind() == VectorMatching.Kind.ON && kept.containsAll(vm.labels())) {
            return;
        }
        sink.warning(id(), b.span(), "`" + c.function() + "` is combined with `" + b.op().symbol()
                        + "`, but its result carries only its equality labels and matches no series on the other side.",
                "Use `or` to add the absence case to another condition, or match with `on(" + String.join(", ", kept) + ")`.");
    }

    private static boolean isAbsent(Call c) {
        return c.function().equals("absent") || c.function().equals("absent_over_time");
    }

    private static Set<String> equalityLabels(Call c) {
        Set<String> out = new LinkedHashSet<>();
        if (c.args().isEmpty()) {
            return out;
        }
        Expr arg = Expr.unparen(c.args().get(0));
        if (arg instanceof MatrixSelector ms) {
            arg = ms.selector();
        }
        if (arg instanceof VectorSelector v) {
            for (LabelMatcher m : v.matchers()) {
                if (m.op() == MatchOp.EQ && !m.name().equals("__name__")) {
                    out.add(m.name());
                }
            }
        }
        return out;
    }
}
