package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.model.KubernetesMetadata;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.tools.Tool;
import dev.vigil.targets.tools.ToolMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle for the AlertmanagerConfig resource: each project's {@code kubernetes/alertmanagerconfig.yaml},
 * merged into a shared configuration as prometheus-operator merges it, routes every case of the
 * project's routing tests as they say, checked by the real {@code amtool config routes test}.
 *
 * <p>The merge follows prometheus-operator's {@code pkg/alertmanager/amcfg.go} ({@code
 * AddAlertmanagerConfigs}, {@code convertRoute}, the default {@code namespaceEnforcer} and {@code
 * continueToNextRoute}, {@code makeNamespacedString}, {@code Matcher.String}): the resource's route
 * becomes the first child of the shared root, with a {@code namespace="<namespace>"} matcher appended
 * and {@code continue: true}; its receivers and time intervals are renamed {@code
 * <namespace>/<name>/<name in the resource>}, and so are the routes' references to them; matchers
 * become {@code name<op>"value"} strings, the value escaped as OpenMetrics escapes it. The shared
 * configuration's own root sends to a receiver {@code null}. Receivers carry no integration here:
 * routing only reads their names, and the Secrets they reference are not in a test.
 */
class AlertmanagerConfigOracleTest {
    private static final String NAMESPACE = "monitoring";
    /** The projects whose routing an AlertmanagerConfig cannot hold: `rich` has a time interval with a time zone. */
    private static final Set<String> REFUSED = Set.of("rich");

    /*
     * The fields of each CRD object that prometheus-operator converts (v1alpha1 Route, Matcher,
     * MuteTimeInterval, TimeInterval, TimeRange, DayOfMonthRange), and of the spec. A key outside
     * them (a snake_case name from the file's dialect, a typo) is one the operator refuses or drops,
     * so the merge fails on it rather than ignore it and pass.
     */
    private static final Set<String> SPEC = Set.of("route", "receivers", "inhibitRules", "muteTimeIntervals");
    private static final Set<String> ROUTE = Set.of("receiver", "groupBy", "groupWait", "groupInterval",
            "repeatInterval", "matchers", "continue", "routes", "muteTimeIntervals", "activeTimeIntervals");
    private static final Set<String> MATCHER = Set.of("name", "value", "matchType");
    private static final Set<String> MUTE_TIME_INTERVAL = Set.of("name", "timeIntervals");
    private static final Set<String> TIME_INTERVAL = Set.of("times", "weekdays", "daysOfMonth", "months", "years");
    private static final Set<String> TIME_RANGE = Set.of("startTime", "endTime");
    private static final Set<String> DAY_OF_MONTH_RANGE = Set.of("start", "end");

    @TempDir
    static Path temp;

    @TestFactory
    Stream<DynamicTest> theMergedResourceRoutesAsTheRoutingTestsSay() {
        ToolMatrix.Entry entry = ToolMatrix.byDefault();
        return Projects.ROUTED.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(entry, name)));
    }

    private static void check(ToolMatrix.Entry entry, String name) throws Exception {
        CompileOptions options = CompileOptions.DEFAULT
                .withKubernetes(new KubernetesMetadata.Metadata(
                        Optional.of(KubernetesMetadata.Entry.fromBuild("namespace", NAMESPACE)), List.of(), List.of()))
                .withKubernetesResources(new KubernetesMetadata.ResourcesByBuild(Optional.of(true), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("--k8s-alertmanager")));
        CompileResult compiled = new Compiler(SourceLoader.fromWorkingDirectory(), options)
                .check(List.of(Projects.sources(name)));
        // A routing the resource cannot hold (a Jira receiver, a time zone) is refused at vigil check, and has no resource.
        boolean refused = compiled.diagnostics().stream().anyMatch(d -> d.isError()
                && d.code().equals("Kubernetes.AlertmanagerConfig"));
        assertEquals(REFUSED.contains(name), refused, name + (refused ? " is refused: " + compiled.diagnostics()
                : " was expected to be refused as an AlertmanagerConfig"));
        if (refused) {
            return;
        }
        Project project = compiled.project().orElseThrow(() -> new AssertionError(compiled.diagnostics()));
        List<RoutingTestCase> cases = RoutingTestCase.of(project);
        assertFalse(cases.isEmpty(), name + " has no routing test to check the resource against");

        @SuppressWarnings("unchecked")
        Map<String, Object> resource = (Map<String, Object>) Yaml.load(
                Projects.text(Projects.emit(project), AlertmanagerEmitter.ALERTMANAGER_CONFIG));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) resource.get("metadata");
        assertEquals(NAMESPACE, metadata.get("namespace"));
        String prefix = NAMESPACE + "/" + metadata.get("name") + "/";
        Path config = temp.resolve(name + ".yml");
        Files.writeString(config, Yaml.dump(merged(resource, prefix)));

        Tool amtool = entry.amtool();
        for (RoutingTestCase c : cases) {
            List<String> expected = c.receivers().stream().map(r -> prefix + r).toList();
            Tool.Result r = amtool.run(arguments(config, c, NAMESPACE, expected));
            assertTrue(r.ok(), c.describe() + " in namespace " + NAMESPACE + ":\n" + r.report());
        }
        // An alert of another namespace never reaches the resource's routing.
        Tool.Result other = amtool.run(arguments(config, cases.get(0), "elsewhere", List.of("null")));
        assertTrue(other.ok(), cases.get(0).describe() + " in namespace elsewhere:\n" + other.report());
    }

    private static List<String> arguments(Path config, RoutingTestCase c, String namespace, List<String> receivers) {
        List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + config,
                "--verify.receivers=" + String.join(",", receivers)));
        c.labels().forEach((k, v) -> args.add(Matchers.equal(k, v)));
        args.add(Matchers.equal("namespace", namespace));
        return args;
    }

    /** The shared configuration with the resource merged in. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merged(Map<String, Object> resource, String prefix) {
        Map<String, Object> spec = known((Map<String, Object>) resource.get("spec"), SPEC, "spec");
        Map<String, Object> top = route((Map<String, Object>) spec.get("route"), prefix);
        List<Object> topMatchers = new ArrayList<>((List<Object>) top.getOrDefault("matchers", List.of()));
        topMatchers.add("namespace=\"" + NAMESPACE + "\"");
        top.put("matchers", topMatchers);
        top.put("continue", true);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("receiver", "null");
        root.put("routes", List.of(top));
        List<Object> receivers = new ArrayList<>(List.of(Map.of("name", "null")));
        for (Object r : (List<Object>) spec.get("receivers")) {
            receivers.add(Map.of("name", prefix + ((Map<String, Object>) r).get("name")));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("route", root);
        config.put("receivers", receivers);
        List<Object> intervals = new ArrayList<>();
        for (Object i : (List<Object>) spec.getOrDefault("muteTimeIntervals", List.of())) {
            intervals.add(timeInterval((Map<String, Object>) i, prefix));
        }
        if (!intervals.isEmpty()) {
            config.put("time_intervals", intervals);
        }
        return config;
    }

    /** {@code convertRoute}: the CRD's fields as Alertmanager's, names prefixed, matchers as strings. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> route(Map<String, Object> in, String prefix) {
        known(in, ROUTE, "route");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("receiver", prefix + in.get("receiver"));
        copy(in, "groupBy", out, "group_by");
        copy(in, "groupWait", out, "group_wait");
        copy(in, "groupInterval", out, "group_interval");
        copy(in, "repeatInterval", out, "repeat_interval");
        copy(in, "continue", out, "continue");
        if (in.get("matchers") instanceof List<?> matchers) {
            out.put("matchers", matchers.stream().map(m -> {
                Map<String, Object> matcher = known((Map<String, Object>) m, MATCHER, "matcher");
                return matcher.get("name") + String.valueOf(matcher.get("matchType")) + "\""
                        + openMetricsEscape(String.valueOf(matcher.get("value"))) + "\"";
            }).toList());
        }
        for (String key : List.of("muteTimeIntervals", "activeTimeIntervals")) {
            if (in.get(key) instanceof List<?> names) {
                out.put(key.equals("muteTimeIntervals") ? "mute_time_intervals" : "active_time_intervals",
                        names.stream().map(n -> prefix + n).toList());
            }
        }
        if (in.get("routes") instanceof List<?> children) {
            out.put("routes", children.stream().map(c -> (Object) route((Map<String, Object>) c, prefix)).toList());
        }
        return out;
    }

    /** {@code convertMuteTimeInterval}: the CRD's interval in Alertmanager's syntax, its name prefixed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> timeInterval(Map<String, Object> in, String prefix) {
        known(in, MUTE_TIME_INTERVAL, "mute time interval");
        List<Object> specs = new ArrayList<>();
        for (Object o : (List<Object>) in.get("timeIntervals")) {
            Map<String, Object> t = known((Map<String, Object>) o, TIME_INTERVAL, "time interval");
            Map<String, Object> spec = new LinkedHashMap<>();
            if (t.get("times") instanceof List<?> times) {
                spec.put("times", times.stream().map(x -> {
                    Map<String, Object> range = known((Map<String, Object>) x, TIME_RANGE, "time range");
                    return (Object) Map.of("start_time", range.get("startTime"), "end_time", range.get("endTime"));
                }).toList());
            }
            copy(t, "weekdays", spec, "weekdays");
            if (t.get("daysOfMonth") instanceof List<?> days) {
                spec.put("days_of_month", days.stream().map(x -> {
                    Map<String, Object> range = known((Map<String, Object>) x, DAY_OF_MONTH_RANGE, "day-of-month range");
                    return range.get("start") + ":" + range.get("end");
                }).toList());
            }
            copy(t, "months", spec, "months");
            copy(t, "years", spec, "years");
            specs.add(spec);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", prefix + in.get("name"));
        out.put("time_intervals", specs);
        return out;
    }

    /** {@code in}, after checking it has no key but the CRD object's {@code fields}. */
    private static Map<String, Object> known(Map<String, Object> in, Set<String> fields, String kind) {
        List<String> unknown = in.keySet().stream().filter(k -> !fields.contains(k)).sorted().toList();
        assertTrue(unknown.isEmpty(), "the " + kind + " has keys the CRD does not know " + unknown + ": " + in);
        return in;
    }

    private static void copy(Map<String, Object> in, String from, Map<String, Object> out, String to) {
        if (in.containsKey(from)) {
            out.put(to, in.get(from));
        }
    }

    /** prometheus-operator's {@code openMetricsEscape}: a backslash, a line feed and a double quote escaped. */
    private static String openMetricsEscape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
    }
}
