package dev.vigil.compiler.validate.test;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An {@code expect alert X {labels}} whose labels cannot be the alert's: promtool compares the label
 * set exactly, and Vigil adds only the rule's static labels to what the test writes. A label the
 * query's result always carries (by label inference, and on every input series the query reads)
 * left out, or a label that is not static and that no series of the query can carry, fails the
 * promtool test whatever the values. Where inference does not know (an open label set, a selector
 * without a name), the check stays silent.
 */
public final class AlertLabels implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Map<String, Rule.Alert> alerts = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.name() != null && alerts.putIfAbsent(a.name(), a) != null) {
                        ambiguous.add(a.name());
                    }
                }
            }
        }
        LabelInference inference = analysis.labels();
        for (Service s : project.services()) {
            for (TestCase t : s.tests()) {
                if (!(t.origin() instanceof Origin.Written)) {
                    continue;
                }
                for (TestCase.Expectation e : t.expectations()) {
                    if (e instanceof TestCase.AlertExpectation a && a.firing() && a.alert() != null
                            && !ambiguous.contains(a.alert().name())) {
                        Rule.Alert alert = alerts.get(a.alert().name());
                        if (alert != null && alert.expr() != null) {
                            check(t, a, alert, inference, sink);
                        }
                    }
                }
            }
        }
    }

    private void check(TestCase t, TestCase.AlertExpectation a, Rule.Alert alert, LabelInference inference,
            DiagnosticSink sink) {
        LabelSet query = inference.templateLabels(alert);
        Set<String> statics = alert.labels().keySet();
        Reads reads = Reads.of(alert.expr(), inference);
        Set<String> fed = new TreeSet<>();
        List<VectorSelector> read = new ArrayList<>();
        for (TestCase.InputSeries in : t.series()) {
            if (in.selector() != null) {
                in.selector().matchers().forEach(m -> fed.add(m.name()));
                if (in.selector().name().filter(reads.metrics()::contains).isPresent()) {
                    read.add(in.selector());
                }
            }
        }
        fed.remove("__name__");

        Set<String> suggested = new HashSet<>();
        for (String label : a.labels().keySet()) {
            if (statics.contains(label) || label.equals("alertname")) {
                continue;
            }
            // In a test the input series are all there is: a label none of them has, no matcher names
            // and no function makes cannot be on the alert, even when inference does not know the metric.
            // A label the series have is dropped only where inference knows it from the operations
            // alone: a declared metric's closed label set says nothing of the extra labels a test feeds.
            boolean cannot = fed.contains(label)
                    ? query.cannotHave(label) && !reads.unsure()
                            && reads.metrics().stream().allMatch(m -> inference.metric(m).isEmpty())
                    : query.cannotHave(label) || !reads.unsure() && !reads.mentioned().contains(label);
            if (!cannot) {
                continue;
            }
            Set<String> known = new TreeSet<>(query.names());
            known.addAll(statics);
            known.addAll(fed);
            known.addAll(reads.mentioned());
            String near = Suggest.closest(label, known);
            if (near != null) {
                suggested.add(near); // one finding for a misspelt label, not a second for the label it misses
            }
            String why = fed.contains(label) ? "its query's result carries " + query.describe() + " only"
                    : "it is not a static label and no series of its query has it in this test";
            sink.error(id(), a.span(), "`" + alert.name() + "` never carries `" + label + "`: " + why
                    + ", so promtool never matches this alert.",
                    near != null && !a.labels().containsKey(near) ? "Did you mean `" + near + "`?"
                            : "Leave `" + label + "` out; expect the labels the query's result carries.");
        }

        List<String> missing = new ArrayList<>();
        if (!reads.unsure()) {
            for (LabelSet.Label l : query.labels().values()) {
                String name = l.name();
                if (statics.contains(name) || a.labels().containsKey(name) || suggested.contains(name)) {
                    continue;
                }
                // A label the result may carry is always there when every series the query reads has it,
                // unless the query also makes series of its own (`or vector(0)`).
                boolean everyInput = !reads.makesSeries() && !read.isEmpty()
                        && read.stream().allMatch(v -> has(v, name));
                if (l.definite() && l.value() != null || everyInput) {
                    missing.add("`" + name + "`");
                }
            }
        }
        if (!missing.isEmpty()) {
            sink.error(id(), a.span(), "`" + alert.name() + "`'s query always gives its alerts "
                    + String.join(", ", missing) + ", which this expectation leaves out, so promtool never matches "
                    + "this alert.", "Add " + String.join(", ", missing) + " with the value the test's series give it.");
        }
    }

    private static boolean has(VectorSelector v, String label) {
        for (LabelMatcher m : v.matchers()) {
            if (m.name().equals(label)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What an alert's query reads, through recording rules: the metric names of its selectors, every
     * label a matcher or a recording rule's static label names, and whether it is {@code unsure}: a
     * selector without a name, a function that makes labels ({@code label_replace}, {@code label_join},
     * {@code count_values}, {@code info}) or the rule engine's own {@code ALERTS} series; and whether
     * it makes series of its own ({@code vector}, {@code absent}), which carry none of the inputs' labels.
     */
    private record Reads(Set<String> metrics, Set<String> mentioned, boolean unsure, boolean makesSeries) {
        private static final Set<String> MAKES_LABELS = Set.of("label_replace", "label_join", "info");
        private static final Set<String> MAKES_SERIES = Set.of("vector", "absent", "absent_over_time");

        static Reads of(Expr root, LabelInference inference) {
            Set<String> metrics = new HashSet<>();
            Set<String> mentioned = new HashSet<>();
            Set<String> seen = new HashSet<>();
            boolean[] unsure = {false};
            boolean[] makesSeries = {false};
            Deque<Expr> todo = new ArrayDeque<>();
            todo.push(root);
            while (!todo.isEmpty()) {
                Expr.walk(todo.pop(), e -> {
                    if (e instanceof Call c && MAKES_LABELS.contains(c.function())
                            || e instanceof Aggregation g && g.op() == AggregateOp.COUNT_VALUES) {
                        unsure[0] = true;
                    }
                    if (e instanceof Call c && MAKES_SERIES.contains(c.function())) {
                        makesSeries[0] = true;
                    }
                    if (!(e instanceof VectorSelector v)) {
                        return;
                    }
                    v.matchers().forEach(m -> mentioned.add(m.name()));
                    String name = v.name().orElse(null);
                    if (name == null || name.startsWith("ALERTS")) {
                        unsure[0] = true;
                    } else if (inference.isRecordingRule(name)) {
                        if (seen.add(name)) {
                            for (Rule.Recording r : inference.recordingRules(name)) {
                                mentioned.addAll(r.labels().keySet());
                                if (r.expr() != null) {
                                    todo.push(r.expr());
                                }
                            }
                        }
                    } else {
                        metrics.add(name);
                    }
                });
            }
            return new Reads(metrics, mentioned, unsure[0], makesSeries[0]);
        }
    }
}
