package dev.vigil.compiler.lowering;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.ResultName;
import dev.vigil.compiler.promql.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes the expected samples of {@code expect value} tests with the metric name the query's
 * result keeps: {@code expect value job:x:rate5m is [ {job="shop"} = 1 ]} means the series
 * {@code job:x:rate5m{job="shop"}}, and promtool compares {@code __name__} like any label. Samples
 * that name a metric are kept as written; the {@code Test.ExpectedName} check judges those, and
 * results whose name cannot be known.
 */
final class ExpectedNames {
    private ExpectedNames() {
    }

    static Project apply(Project project) {
        List<Service> services = new ArrayList<>();
        for (Service s : project.services()) {
            List<TestCase> tests = new ArrayList<>();
            for (TestCase t : s.tests()) {
                tests.add(complete(t));
            }
            services.add(s.withTests(tests));
        }
        return project.withServices(services);
    }

    private static TestCase complete(TestCase t) {
        List<TestCase.Expectation> out = new ArrayList<>();
        for (TestCase.Expectation e : t.expectations()) {
            if (e instanceof TestCase.ValueExpectation v && v.expr() != null) {
                ResultName result = ResultName.of(v.expr());
                List<TestCase.ExpectedSample> samples = new ArrayList<>();
                for (TestCase.ExpectedSample s : v.samples()) {
                    VectorSelector labels = s.labels();
                    boolean unnamed = labels != null && labels.name().isEmpty()
                            && labels.matchers().stream().noneMatch(m -> m.name().equals("__name__"));
                    if (unnamed && result.fate() == ResultName.Fate.KEPT && result.name() != null) {
                        labels = new VectorSelector(result.name(), labels.matchers(), labels.span());
                    }
                    samples.add(new TestCase.ExpectedSample(labels, s.value(), s.span()));
                }
                out.add(new TestCase.ValueExpectation(v.atMillis(), v.expr(), samples, v.span()));
            } else {
                out.add(e);
            }
        }
        return new TestCase(t.name(), t.intervalMillis(), t.series(), out, t.origin(), t.span());
    }
}
