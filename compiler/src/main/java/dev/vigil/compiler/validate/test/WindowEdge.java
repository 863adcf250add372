package dev.vigil.compiler.validate.test;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.SeriesNotation;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.Subquery;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.promql.AtExpr;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.support.Models;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A written test whose result depends on a sample at the very start of a range window. Prometheus 2
 * reads {@code x[5m]} at {@code t} as the closed window {@code [t-5m, t]}; 3.0 made it left-open,
 * {@code (t-5m, t]}. With a series fed every minute and a window of whole minutes, a sample often
 * sits exactly on the start, and Prometheus 2 reads one sample more than Prometheus 3. Reported only
 * where that changes the result, decided from the test's own series: the window must be over an
 * input series (directly, or through recording rules evaluated at the same time), and the function
 * over it must give another value with the extra sample. Only for projects whose rules must load in
 * releases on both sides of 3.0.
 */
public final class WindowEdge implements Validator {
    /** prometheus/prometheus#13904 (3.0): range selectors are left-open. */
    static final Version LEFT_OPEN_RANGES = Version.of(3, 0);
    /** Recording rules read through recording rules, at most this deep. */
    private static final int MAX_DEPTH = 8;

    /** A rule and the constants its queries see. */
    private record Scoped<R>(R rule, Map<String, Constant> constants) {
    }

    /** An input series: its labels (with {@code __name__}) and its samples, null where missing or stale. */
    private record Fed(Map<String, String> labels, List<Double> samples) {
    }

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        if (!project.settings().targets().spans(TargetVersions.Tool.PROMETHEUS, LEFT_OPEN_RANGES)) {
            return;
        }
        Map<String, Scoped<Rule.Recording>> recordings = new HashMap<>();
        Map<String, Scoped<Rule.Alert>> alerts = new HashMap<>();
        for (Service s : project.services()) {
            Map<String, Constant> scope = QueryText.scope(project, s);
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Recording rec) {
                        recordings.putIfAbsent(rec.name(), new Scoped<>(rec, scope));
                    } else if (r instanceof Rule.Alert a) {
                        alerts.putIfAbsent(a.name(), new Scoped<>(a, scope));
                    }
                }
            }
        }
        long evaluation = project.settings().evaluationIntervalMillis();
        for (Service s : project.services()) {
            Map<String, Constant> scope = QueryText.scope(project, s);
            for (TestCase t : s.tests()) {
                if (t.origin() instanceof Origin.Written) {
                    new Scan(t, fed(t), recordings, evaluation, sink).run(alerts, scope);
                }
            }
        }
    }

    private final class Scan {
        private final TestCase test;
        private final List<Fed> fed;
        private final Map<String, Scoped<Rule.Recording>> recordings;
        private final long evaluation;
        private final DiagnosticSink sink;
        /** One finding per expectation. */
        private final Set<TestCase.Expectation> reported = new HashSet<>();
        private TestCase.Expectation current;

        Scan(TestCase test, List<Fed> fed, Map<String, Scoped<Rule.Recording>> recordings, long evaluation,
                DiagnosticSink sink) {
            this.test = test;
            this.fed = fed;
            this.recordings = recordings;
            this.evaluation = evaluation;
            this.sink = sink;
        }

        void run(Map<String, Scoped<Rule.Alert>> alerts, Map<String, Constant> scope) {
            for (TestCase.Expectation e : test.expectations()) {
                current = e;
                if (e instanceof TestCase.ValueExpectation v && v.expr() != null) {
                    visit(v.expr(), v.atMillis(), null, scope, 0);
                } else if (e instanceof TestCase.AlertExpectation a && alerts.containsKey(a.alert().name())) {
                    // promtool evaluates every group at each evaluation step; the alert's state at `at`
                    // comes from the steps since it went pending.
                    Scoped<Rule.Alert> alert = alerts.get(a.alert().name());
                    long last = Math.floorDiv(a.atMillis(), evaluation) * evaluation;
                    long first = Math.max(0, Math.floorDiv(a.atMillis() - alert.rule().forMillis(), evaluation)
                            * evaluation);
                    for (long step = first; step <= last; step += evaluation) {
                        visit(alert.rule().expr(), step, null, alert.constants(), 0);
                    }
                }
            }
        }

        private void visit(Expr e, long at, Call enclosing, Map<String, Constant> constants, int depth) {
            if (e == null || reported.contains(current) || depth > MAX_DEPTH) {
                return;
            }
            if (e instanceof Subquery || e instanceof AtExpr) {
                return; // their own timing; not decided here
            }
            if (e instanceof OffsetExpr o) {
                OptionalLong offset = Models.millis(o.offset(), constants);
                if (offset.isPresent()) {
                    visit(o.expr(), at - offset.getAsLong(), enclosing, constants, depth);
                }
                return;
            }
            if (e instanceof MatrixSelector m) {
                window(m, at, enclosing, constants);
                return;
            }
            if (e instanceof VectorSelector v) {
                // A recording rule read at `at` holds what it computed at the last evaluation step.
                v.name().map(recordings::get).ifPresent(r -> visit(r.rule().expr(),
                        Math.floorDiv(at, evaluation) * evaluation, null, r.constants(), depth + 1));
                return;
            }
            Call call = e instanceof Call c ? c : null;
            for (Expr child : e.children()) {
                visit(child, at, call, constants, depth);
            }
        }

        private void window(MatrixSelector m, long at, Call enclosing, Map<String, Constant> constants) {
            OptionalLong range = Models.millis(m.range(), constants);
            Expr inner = Expr.unparen(m.selector());
            long shift = 0;
            if (inner instanceof OffsetExpr o) {
                OptionalLong offset = Models.millis(o.offset(), constants);
                if (offset.isEmpty()) {
                    return;
                }
                shift = offset.getAsLong();
                inner = Expr.unparen(o.expr());
            }
            if (range.isEmpty() || enclosing == null || !(inner instanceof VectorSelector v)) {
                return;
            }
            long end = at - shift;
            long start = end - range.getAsLong();
            if (start < 0 || start % test.intervalMillis() != 0) {
                return;
            }
            int edge = (int) (start / test.intervalMillis());
            for (Fed f : fed) {
                if (edge >= f.samples().size() || f.samples().get(edge) == null || !selects(v, f, constants)) {
                    continue;
                }
                int last = (int) Math.min(f.samples().size() - 1, Math.floorDiv(end, test.intervalMillis()));
                List<Double> closed = present(f.samples().subList(edge, last + 1));
                List<Double> open = closed.subList(1, closed.size());
                if (differs(enclosing.function(), closed, open)) {
                    reported.add(current);
                    String query = PromqlPrinter.print(enclosing);
                    sink.warning(id(), current.span(), "At `" + Durations.format(at) + "`, the window of `"
                            + (query.length() <= 60 ? query : enclosing.function() + "(...)") + "` starts on a sample of `"
                            + PromqlPrinter.print(fedSelector(f)) + "` (the one at `" + Durations.format(start)
                            + "`), which Prometheus 2 reads and Prometheus 3 does not, and the result differs.",
                            "Expect at a time between samples, or feed values that step evenly across the window's "
                                    + "start, so that both releases compute the same.");
                    return;
                }
            }
        }
    }

    /**
     * Whether {@code function} gives another result over the closed window (with the sample at its
     * start) than over the open one. Unknown functions count as differing unless every sample is equal.
     */
    static boolean differs(String function, List<Double> closed, List<Double> open) {
        double first = closed.get(0);
        return switch (function) {
            case "last_over_time", "ts_of_last_over_time", "timestamp" -> false;
            case "present_over_time", "absent_over_time" -> open.isEmpty();
            case "count_over_time" -> true;
            case "sum_over_time" -> first != 0;
            case "min_over_time" -> open.isEmpty() || first < min(open);
            case "max_over_time" -> open.isEmpty() || first > max(open);
            case "avg_over_time" -> open.isEmpty() || first != avg(open);
            case "changes" -> !open.isEmpty() && first != open.get(0);
            case "resets" -> !open.isEmpty() && first > open.get(0);
            case "irate", "idelta" -> open.size() < 2;
            // Both releases extrapolate to the window's edges: a steady step reads the same either way.
            case "rate", "increase", "delta", "deriv", "predict_linear" -> open.size() < 2 || !evenSteps(closed);
            default -> !constant(closed);
        };
    }

    private static boolean evenSteps(List<Double> samples) {
        double step = samples.get(1) - samples.get(0);
        for (int i = 2; i < samples.size(); i++) {
            double d = samples.get(i) - samples.get(i - 1);
            // Steps of 0.1 differ in the last bits once summed; that is float rounding, not a change of slope.
            if (Math.abs(d - step) > 1e-9 * Math.max(1, Math.abs(step))) {
                return false;
            }
        }
        return true;
    }

    private static boolean constant(List<Double> samples) {
        return samples.stream().allMatch(d -> d.equals(samples.get(0)));
    }

    private static double min(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static double avg(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static List<Double> present(List<Double> samples) {
        List<Double> out = new ArrayList<>();
        for (Double d : samples) {
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** Whether {@code v} selects the input series; a matcher whose value is not known does not. */
    private static boolean selects(VectorSelector v, Fed f, Map<String, Constant> constants) {
        if (v.metricName() != null && !v.metricName().equals(f.labels().get("__name__"))) {
            return false;
        }
        for (LabelMatcher m : v.matchers()) {
            String value = Models.matcherValue(m, constants);
            if (value == null) {
                return false;
            }
            LabelMatcher known = new LabelMatcher(m.name(), m.op(), value, null, m.span());
            if (!known.matches(f.labels().getOrDefault(m.name(), "")).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    private static VectorSelector fedSelector(Fed f) {
        List<LabelMatcher> matchers = new ArrayList<>();
        f.labels().forEach((k, v) -> {
            if (!k.equals("__name__")) {
                matchers.add(new LabelMatcher(k, dev.vigil.compiler.promql.MatchOp.EQ, v, null,
                        dev.vigil.compiler.source.Span.NONE));
            }
        });
        return new VectorSelector(f.labels().get("__name__"), matchers, dev.vigil.compiler.source.Span.NONE);
    }

    private static List<Fed> fed(TestCase t) {
        List<Fed> out = new ArrayList<>();
        for (TestCase.InputSeries in : t.series()) {
            Map<String, String> labels = new java.util.TreeMap<>();
            in.selector().name().ifPresent(n -> labels.put("__name__", n));
            for (LabelMatcher m : in.selector().matchers()) {
                if (m.op() == dev.vigil.compiler.promql.MatchOp.EQ && m.constRef() == null) {
                    labels.put(m.name(), m.value());
                }
            }
            SeriesNotation.expand(in.values()).ifPresent(samples -> out.add(new Fed(labels, samples)));
        }
        return out;
    }
}
