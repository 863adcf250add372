package dev.vigil.targets.alertmanager;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.routing.TestAlerts;
import dev.vigil.compiler.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One case of a DSL routing test, as the {@code amtool config routes test} invocation that checks
 * it. amtool prints the receivers in routing-tree order and compares them, joined by commas, with
 * {@code --verify.receivers}: so the expected receivers are listed in the order their routes match.
 * {@code span} is the case in the {@code .vigil} source.
 */
public record RoutingTestCase(String test, SortedMap<String, String> labels, List<String> receivers, Span span) {
    public RoutingTestCase {
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        receivers = List.copyOf(receivers);
        span = span == null ? Span.NONE : span;
    }

    public RoutingTestCase(String test, SortedMap<String, String> labels, List<String> receivers) {
        this(test, labels, receivers, Span.NONE);
    }

    /**
     * The project's receiver cases; a case that names an alert takes the alert's labels from {@link
     * TestAlerts}. Inhibition cases are left out: amtool cannot test them, and {@code vigil check}
     * decides them ({@code Test.RoutingExpectation}).
     */
    public static List<RoutingTestCase> of(Project project) {
        List<RoutingTestCase> out = new ArrayList<>();
        TestAlerts alerts = null;
        for (Routing.RouteTest t : project.routing().tests()) {
            if (t.isInhibition()) {
                continue;
            }
            SortedMap<String, String> labels = t.alert().labels();
            if (t.alert().alert() != null) {
                alerts = alerts == null ? TestAlerts.of(project) : alerts;
                if (!(alerts.resolve(t.alert()) instanceof TestAlerts.Labels resolved)) {
                    // A name that is no one alert is an error at `vigil check` (Reference.Unknown,
                    // Test.RoutingExpectation); with those checks turned off the case has no labels to run.
                    continue;
                }
                labels = resolved.labels();
            }
            out.add(new RoutingTestCase(t.name(), labels, t.receivers().stream().map(Ref::name).toList(), t.span()));
        }
        return out;
    }

    /** The arguments after the {@code amtool} executable. */
    public List<String> amtoolArguments(Path configFile) {
        List<String> args = new ArrayList<>(List.of("config", "routes", "test",
                "--config.file=" + configFile, "--verify.receivers=" + String.join(",", receivers)));
        // Quoted, so values with spaces, commas or quotes reach amtool intact.
        labels.forEach((k, v) -> args.add(Matchers.equal(k, v)));
        return args;
    }

    /** For test names and failure messages: {@code {alertname="X", severity="critical"} -> pager}. */
    public String describe() {
        List<String> ls = new ArrayList<>();
        labels.forEach((k, v) -> ls.add(Matchers.equal(k, v)));
        return test + ": {" + String.join(", ", ls) + "} -> " + String.join(",", receivers);
    }
}
