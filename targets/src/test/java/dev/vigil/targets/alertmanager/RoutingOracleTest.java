package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.TestAlerts;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.tools.Tool;
import dev.vigil.targets.tools.ToolMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle for routing: for random label sets over a project's routing, Vigil's own route
 * evaluation names the same receivers, in the same order, as {@code amtool config routes test} on
 * the emitted configuration. The projects are the samples, the test project {@code rich}, and
 * purpose-made routings ({@code alertmanager/oracle/}) that stress regexes, negative matchers,
 * severity orderings, {@code continue}, nesting and the default route. The label sets are the
 * project's routing test cases (what {@code Test.RoutingExpectation} decides at {@code vigil check}),
 * the labels of some of its alerts as a test's {@code alert Name} gives them, and random sets whose
 * names and values are drawn from the routing's own matchers, values that tell RE2 from Java's
 * engine apart, and others. This runs with the amtool of every entry of the tool matrix, each project compiled for
 * that entry's releases. The seed is printed; {@code -Dvigil.oracle.seed=N} replays a run.
 */
class RoutingOracleTest {
    private static final long SEED = Long.getLong("vigil.oracle.seed", new Random().nextLong());
    private static final List<String> PURPOSE_MADE = List.of("regexes", "severities", "tree", "hoisted");
    /**
     * About 560 label sets in all with the routing tests and alerts; each amtool run takes 20-40 ms, three run at
     * once. Each entry of the matrix but the first gets half as many random sets.
     */
    private static final int SETS_PER_SAMPLE = 20;
    private static final int SETS_PER_PURPOSE_MADE = 80;
    /** Label names no matcher mentions. */
    private static final List<String> OTHER_NAMES = List.of("instance", "other_label");
    /** Values where RE2 and Java's engine part ways (line ends, `\v`, braces, POSIX names), and plain ones. */
    private static final List<String> TRICKY = List.of("", " ", "a\nb", "a\rb", "a\u000Bb", "x y", "x\u000By", "x\ny",
            "/api", "/api\n", "/api$", "x.json", "a{,2}", "a{", "aa", "abc", "AB", "ccc", "z:", "zone", "500", "503\n",
            "prod", "db-1", "db-x", "eu-west", "eu-\n", "x,y", "q\"uote", "back\\slash", "critical", "warning");
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @TempDir
    static Path temp;

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @TestFactory
    List<DynamicContainer> vigilAndAmtoolRouteAlike() {
        System.out.println("RoutingOracleTest seed " + SEED + " (replay with -Dvigil.oracle.seed=" + SEED + ")");
        List<DynamicContainer> entries = new ArrayList<>();
        for (ToolMatrix.Entry entry : ToolMatrix.entries()) {
            List<DynamicTest> tests = new ArrayList<>();
            int share = entry == ToolMatrix.byDefault() ? 1 : 2;
            for (String name : Projects.ROUTED) {
                tests.add(DynamicTest.dynamicTest(name, () -> check(entry, name, Projects.sources(name), SETS_PER_SAMPLE / share)));
            }
            for (String name : PURPOSE_MADE) {
                Path dir = Projects.repo().resolve("targets/src/test/resources/alertmanager/oracle");
                tests.add(DynamicTest.dynamicTest(name, () -> check(entry, name, dir.resolve(name + ".vigil"),
                        SETS_PER_PURPOSE_MADE / share)));
            }
            entries.add(DynamicContainer.dynamicContainer(entry.label(), tests));
        }
        return entries;
    }

    private static void check(ToolMatrix.Entry entry, String name, Path sources, int count) throws Exception {
        Project project = Projects.compile(sources, entry);
        if (!entry.runs(project.settings().targets())) {
            System.out.println("RoutingOracleTest " + name + " not run on " + entry.label() + ": it targets "
                    + project.settings().targets());
            return;
        }
        Tool amtool = entry.amtool();
        Path dir = temp.resolve(entry.name()).resolve(name);
        OutputDirectory.commit(Projects.emit(project), dir);
        Path config = dir.resolve(AlertmanagerEmitter.CONFIG);
        AlertRouting semantics = AlertRouting.of(project);
        Random random = new Random(SEED ^ name.hashCode());
        // The project's own routing tests first (an `alert X` case with the alert's labels), then the
        // labels of some of its alerts as `alert X` gives them, then random label sets.
        List<SortedMap<String, String>> sets = new ArrayList<>();
        AlertmanagerEmitter.routingTests(project).forEach(t -> sets.add(t.labels()));
        sets.addAll(alertLabels(project, random, count / 2));
        sets.addAll(labelSets(project.routing(), project.severities(), random, count));
        List<Future<Tool.Result>> runs = new ArrayList<>();
        for (SortedMap<String, String> labels : sets) {
            List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + config));
            labels.forEach((k, v) -> args.add(Matchers.equal(k, v)));
            runs.add(POOL.submit(() -> amtool.run(args)));
        }
        List<String> disagreements = new ArrayList<>();
        Set<String> outcomes = new LinkedHashSet<>();
        for (int i = 0; i < sets.size(); i++) {
            Tool.Result r = runs.get(i).get();
            assertTrue(r.ok(), r.report());
            String amtoolSays = r.stdout().strip();
            outcomes.add(amtoolSays);
            String vigilSays = String.join(",", semantics.receivers(project.routing(), sets.get(i)));
            if (!amtoolSays.equals(vigilSays)) {
                disagreements.add(show(sets.get(i)) + ": Vigil " + vigilSays + ", amtool " + amtoolSays);
            }
        }
        System.out.println("RoutingOracleTest " + name + " on " + entry.name() + ": " + sets.size() + " label sets, " + outcomes.size()
                + " distinct receiver lists, " + disagreements.size() + " disagreements");
        assertTrue(outcomes.size() > 1, name + ": every label set went to " + outcomes + "; the oracle compared nothing");
        assertTrue(disagreements.isEmpty(), name + " on " + entry.label() + ", seed " + SEED + ": " + disagreements.size() + " of " + sets.size()
                + " label sets route differently:\n"
                + String.join("\n", disagreements.subList(0, Math.min(20, disagreements.size()))));
    }

    /** The labels of up to {@code count} of the project's alerts, as a routing test's `alert Name` has them. */
    private static List<SortedMap<String, String>> alertLabels(Project project, Random random, int count) {
        TestAlerts named = TestAlerts.of(project);
        List<SortedMap<String, String>> out = new ArrayList<>();
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        Routing.TestAlert byName = new Routing.TestAlert(Ref.of(Ref.Kind.ALERT, a.name(), null), new TreeMap<>(), null);
                        if (named.resolve(byName) instanceof TestAlerts.Labels l) {
                            out.add(l.labels());
                        }
                    }
                }
            }
        }
        java.util.Collections.shuffle(out, random);
        return out.subList(0, Math.min(count, out.size()));
    }

    /** Distinct label sets over the names the routing matches on, plus others. */
    private static List<SortedMap<String, String>> labelSets(Routing routing, SeverityOrder order, Random random, int count) {
        Map<String, List<String>> values = new TreeMap<>();
        for (String n : List.of("alertname", "severity")) {
            values.put(n, new ArrayList<>());
        }
        OTHER_NAMES.forEach(n -> values.put(n, new ArrayList<>()));
        collect(routing.routes(), values);
        values.get("severity").addAll(order.levels());
        Set<SortedMap<String, String>> out = new LinkedHashSet<>();
        for (int tries = 0; out.size() < count && tries < count * 20; tries++) {
            SortedMap<String, String> labels = new TreeMap<>();
            values.forEach((label, own) -> {
                if (random.nextInt(3) > 0) {
                    labels.put(label, value(own, random));
                }
            });
            out.add(labels);
        }
        return new ArrayList<>(out);
    }

    /** The values the matchers compare with, and the literal pieces of their regexes. */
    private static void collect(List<Routing.Route> routes, Map<String, List<String>> values) {
        for (Routing.Route r : routes) {
            for (Routing.Matcher m : r.matchers()) {
                List<String> own = values.computeIfAbsent(m.label(), k -> new ArrayList<>());
                own.add(m.value());
                if (m.op().endsWith("~")) {
                    for (String piece : m.value().split("\\|")) {
                        own.add(piece.replaceAll("[\\\\^$.*+?(){}\\[\\]]", ""));
                    }
                }
            }
            collect(r.children(), values);
        }
    }

    private static String value(List<String> own, Random random) {
        if (own.isEmpty() || random.nextInt(5) < 2) {
            return TRICKY.get(random.nextInt(TRICKY.size()));
        }
        String v = own.get(random.nextInt(own.size()));
        return switch (random.nextInt(8)) {
            case 0 -> v + "\n";
            case 1 -> v.toUpperCase(Locale.ROOT);
            case 2 -> v + "x";
            case 3 -> v.isEmpty() ? v : v.substring(1);
            default -> v;
        };
    }

    /** The labels as amtool reads them, with the control characters it does not escape made visible. */
    private static String show(Map<String, String> labels) {
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> parts.add(Matchers.equal(k, v).replace("\r", "\\r").replace("\u000B", "\\v")));
        return "{" + String.join(", ", parts) + "}";
    }
}
