package dev.vigil.targets.prometheus;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.template.TemplateException;
import dev.vigil.compiler.template.TemplateRenderer;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Yaml;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code prometheus/tests/<service>.test.yml}: promtool unit tests compiled from the DSL tests, and
 * {@code <service>.slo.test.yml} with the burn-rate tests lowered from the service's SLOs, both
 * with {@code rule_files} pointing at the generated rules by relative path. promtool compares
 * alerts' labels and annotations exactly, so both are computed here from the alert's definition:
 * the rule's own labels are added to the expected ones, and annotations are rendered with the
 * expected labels and the {@code value} the test gives.
 */
public final class PrometheusTestsEmitter implements Emitter {
    @Override
    public String name() {
        return "prometheus-tests";
    }

    public static String path(Service service) {
        return "prometheus/tests/" + Links.segment(service.name()) + ".test.yml";
    }

    /** Where the tests lowered from the service's SLOs go. */
    public static String sloPath(Service service) {
        return "prometheus/tests/" + Links.segment(service.name()) + ".slo.test.yml";
    }

    @Override
    public void emit(Project project, EmitSettings settings, OutputManifest out) {
        Map<String, Rule.Alert> alerts = new HashMap<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        alerts.putIfAbsent(a.name(), a);
                    }
                }
            }
        }
        Needs needs = new Needs(project);
        for (Service service : project.services()) {
            Map<String, Constant> constants = QueryText.scope(project, service);
            List<TestCase> written = service.tests().stream().filter(t -> t.origin() instanceof Origin.Written).toList();
            List<TestCase> generated = service.tests().stream().filter(t -> !(t.origin() instanceof Origin.Written))
                    .toList();
            if (!generated.isEmpty()) {
                // An SLO's tests read only its service's rules, evaluated as often as their finest interval.
                long interval = generated.stream().mapToLong(TestCase::intervalMillis).min().orElseThrow();
                out.writeText(sloPath(service), Yaml.dump(document(List.of("../rules/" + RuleFiles.fileName(service)),
                        interval, RuleFiles.evaluationOrder(List.of(service)), generated, constants, alerts)));
            }
            if (!written.isEmpty()) {
                List<Service> withRules = needs.of(service, written);
                out.writeText(path(service), Yaml.dump(document(
                        withRules.stream().map(s -> "../rules/" + RuleFiles.fileName(s)).toList(),
                        project.settings().evaluationIntervalMillis(), RuleFiles.evaluationOrder(withRules), written,
                        constants, alerts)));
            }
        }
    }

    /**
     * The services whose rule files a service's written tests load: its own, those whose alerts the
     * tests expect, and, transitively, those that record a series these rules or the tests' queries
     * read (by name, less the rules whose labels the selector's equality matchers rule out). Loading every rule file of the project into every test file made the tests quadratic in
     * the number of services (20 services: every test file evaluated all 20 files' rules).
     */
    private static final class Needs {
        /** Series Prometheus writes for alerts: a rule reading them may read any service's alerts. */
        private static final Set<String> ALERT_SERIES = Set.of("ALERTS", "ALERTS_FOR_STATE");

        private record Writer(String service, Rule.Recording rule) {
        }

        private final List<Service> order;
        private final LabelInference inference;
        private final Map<String, List<String>> alertOwners = new HashMap<>();
        private final Set<String> withAlerts = new HashSet<>();
        private final Map<String, List<Writer>> writers = new HashMap<>();
        private final Map<String, List<VectorSelector>> reads = new HashMap<>();

        Needs(Project project) {
            order = project.services().stream().filter(RuleFiles::hasRules).toList();
            inference = LabelInference.forProject(project);
            for (Service s : order) {
                List<VectorSelector> selectors = new ArrayList<>();
                for (RuleGroup g : s.groups()) {
                    for (Rule r : g.rules()) {
                        if (r instanceof Rule.Alert a) {
                            // Blueprints repeat alert names across services: a test may expect any copy.
                            alertOwners.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(s.name());
                            withAlerts.add(s.name());
                            // What the rule file writes: the condition and its traffic guard.
                            selectors.addAll(selectors(a.emittedExpr()));
                        } else if (r instanceof Rule.Recording rec) {
                            writers.computeIfAbsent(rec.name(), k -> new ArrayList<>()).add(new Writer(s.name(), rec));
                            selectors.addAll(selectors(rec.expr()));
                        }
                    }
                }
                reads.put(s.name(), selectors);
            }
        }

        List<Service> of(Service service, List<TestCase> tests) {
            Deque<String> services = new ArrayDeque<>(List.of(service.name()));
            Deque<VectorSelector> selectors = new ArrayDeque<>();
            for (TestCase t : tests) {
                for (TestCase.Expectation e : t.expectations()) {
                    if (e instanceof TestCase.AlertExpectation a) {
                        services.addAll(alertOwners.getOrDefault(a.alert().name(), List.of()));
                    } else if (e instanceof TestCase.ValueExpectation v) {
                        selectors.addAll(selectors(v.expr()));
                    }
                }
            }
            Set<String> needed = new HashSet<>();
            Set<VectorSelector> seen = new HashSet<>();
            while (!services.isEmpty() || !selectors.isEmpty()) {
                if (!services.isEmpty()) {
                    String s = services.poll();
                    if (reads.containsKey(s) && needed.add(s)) {
                        selectors.addAll(reads.get(s));
                    }
                } else {
                    VectorSelector v = selectors.poll();
                    if (!seen.add(v)) {
                        continue;
                    }
                    String name = v.name().orElse(null);
                    if (name == null) {
                        // A `__name__` regex (or no name) may read any recorded series: every rule file.
                        order.forEach(s -> services.add(s.name()));
                        continue;
                    }
                    if (ALERT_SERIES.contains(name)) {
                        services.addAll(withAlerts);
                    }
                    for (Writer w : writers.getOrDefault(name, List.of())) {
                        if (!inference.excludes(v, w.rule())) {
                            services.add(w.service());
                        }
                    }
                }
            }
            return order.stream().filter(s -> needed.contains(s.name())).toList();
        }

        private static List<VectorSelector> selectors(Expr expr) {
            List<VectorSelector> out = new ArrayList<>();
            if (expr != null) {
                Expr.walk(expr, e -> {
                    if (e instanceof VectorSelector v) {
                        out.add(v);
                    }
                });
            }
            return out;
        }
    }

    private static Map<String, Object> document(List<String> ruleFiles, long evaluationInterval, List<String> order,
            List<TestCase> cases, Map<String, Constant> constants, Map<String, Rule.Alert> alerts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rule_files", ruleFiles);
        doc.put("evaluation_interval", Durations.format(evaluationInterval));
        doc.put("group_eval_order", order);
        List<Object> tests = new ArrayList<>();
        for (TestCase t : cases) {
            tests.add(test(t, constants, alerts));
        }
        doc.put("tests", tests);
        return doc;
    }

    private static Map<String, Object> test(TestCase t, Map<String, Constant> constants, Map<String, Rule.Alert> alerts) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", t.name());
        test.put("interval", Durations.format(t.intervalMillis()));
        List<Object> series = new ArrayList<>();
        for (TestCase.InputSeries s : t.series()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("series", PromqlPrinter.print(s.selector()));
            m.put("values", s.values().strip());
            series.add(m);
        }
        test.put("input_series", series);
        // Expectations for one alert at one time form one promtool check listing every firing series.
        Map<String, Map<String, Object>> alertTests = new LinkedHashMap<>();
        List<Object> exprTests = new ArrayList<>();
        for (TestCase.Expectation e : t.expectations()) {
            if (e instanceof TestCase.AlertExpectation a) {
                String key = a.atMillis() + "/" + a.alert().name();
                Map<String, Object> check = alertTests.computeIfAbsent(key, k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("eval_time", Durations.format(a.atMillis()));
                    m.put("alertname", a.alert().name());
                    m.put("exp_alerts", new ArrayList<>());
                    return m;
                });
                if (a.firing()) {
                    @SuppressWarnings("unchecked")
                    List<Object> expected = (List<Object>) check.get("exp_alerts");
                    expected.add(expectedAlert(a, alerts.get(a.alert().name()), t));
                }
            } else if (e instanceof TestCase.ValueExpectation v) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("expr", QueryText.of(v.expr(), constants));
                m.put("eval_time", Durations.format(v.atMillis()));
                List<Object> samples = new ArrayList<>();
                for (TestCase.ExpectedSample s : v.samples()) {
                    Map<String, Object> sample = new LinkedHashMap<>();
                    sample.put("labels", PromqlPrinter.print(s.labels()));
                    sample.put("value", number(s.value()));
                    samples.add(sample);
                }
                m.put("exp_samples", samples);
                exprTests.add(m);
            }
        }
        if (!alertTests.isEmpty()) {
            test.put("alert_rule_test", new ArrayList<>(alertTests.values()));
        }
        if (!exprTests.isEmpty()) {
            test.put("promql_expr_test", exprTests);
        }
        return test;
    }

    /** The labels and annotations promtool will see on the alert, rendered as Prometheus renders them. */
    private static Map<String, Object> expectedAlert(TestCase.AlertExpectation a, Rule.Alert alert, TestCase t) {
        // Templates see the labels the query produced, not the rule's own: that is Prometheus's $labels.
        Map<String, String> queryLabels = new TreeMap<>(a.labels());
        double value = a.value() == null ? Double.NaN : a.value().doubleValue();
        Map<String, String> labels = new TreeMap<>(queryLabels);
        for (Map.Entry<String, String> e : alert.labels().entrySet()) {
            labels.put(e.getKey(), render(e.getValue(), queryLabels, value, a, t));
        }
        Map<String, String> annotations = new TreeMap<>();
        for (Map.Entry<String, String> e : alert.annotations().entrySet()) {
            annotations.put(e.getKey(), a.annotations().containsKey(e.getKey())
                    ? a.annotations().get(e.getKey()) : render(e.getValue(), queryLabels, value, a, t));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exp_labels", labels);
        if (!annotations.isEmpty()) {
            m.put("exp_annotations", annotations);
        }
        return m;
    }

    private static String render(String template, Map<String, String> labels, double value,
            TestCase.AlertExpectation a, TestCase t) {
        if (!template.contains("{{")) {
            return template;
        }
        try {
            return TemplateRenderer.render(template, labels, value, Map.of());
        } catch (TemplateException e) {
            // Unreachable: Test.AlertValue reports such a test as blocking, so nothing is emitted.
            throw new IllegalStateException("test `" + t.name() + "`: cannot render `" + template + "` for "
                    + a.alert().name() + ": " + e.getMessage(), e);
        }
    }

    /** A whole number as an integer, else the plain decimal digits ({@code 0.0001}), which promtool reads as that float. */
    private static Object number(BigDecimal v) {
        BigDecimal s = QueryText.plain(v);
        if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return s.longValueExact();
        }
        return s;
    }
}
