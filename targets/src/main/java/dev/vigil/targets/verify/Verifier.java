package dev.vigil.targets.verify;

import dev.vigil.compiler.target.FeatureFlag;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.alertmanager.RoutingTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proves a committed build output with the real tools: {@code promtool check rules} on every rule
 * file, {@code promtool test rules} on the generated unit tests, {@code amtool check-config} on the
 * Alertmanager configuration, and {@code amtool config routes test} for every routing test case.
 * The files are taken from the output's {@code manifest.json}, so only what Vigil wrote is judged.
 * The routing test cases come from the compiled project, since they are not part of the output.
 * The tools run in parallel, one process per available core.
 */
public final class Verifier {
    /** promtool's rule files; the Mimir namespace files carry a `namespace` key promtool refuses, so they are not here. */
    private static final String RULES_DIR = "prometheus/rules/";
    private static final String TESTS_DIR = "prometheus/tests/";

    private Verifier() {
    }

    /** The tools to use; an empty one means its checks are skipped and listed as such. */
    public record Tools(Optional<ToolRunner> promtool, Optional<ToolRunner> amtool) {
    }

    /** What a run checks. */
    public enum Kind {
        CHECK_RULES, TEST_RULES, CHECK_CONFIG, ROUTES_TEST
    }

    /**
     * One tool run and what it proved: {@code file} is the output file it read (for a routing case, the
     * configuration), {@code routing} the routing case it checked, else null.
     */
    public record Check(String tool, String description, Kind kind, String file, RoutingTestCase routing,
            ToolRunner.Run run) {
        public boolean passed() {
            return run.ok();
        }
    }

    /** Every check that ran, and a line for each one that could not run because its tool was missing. */
    public record Report(List<Check> checks, List<String> skipped) {
        public Report {
            checks = List.copyOf(checks);
            skipped = List.copyOf(skipped);
        }

        public List<Check> failures() {
            return checks.stream().filter(c -> !c.passed()).toList();
        }

        public boolean passed() {
            return failures().isEmpty();
        }
    }

    /**
     * Runs every check on the output in {@code output}.
     *
     * @throws NoSuchFileException when the directory holds no Vigil output (no {@code manifest.json})
     */
    public static Report verify(Path output, List<RoutingTestCase> routingTests, Tools tools) throws IOException {
        return verify(output, routingTests, Set.of(), tools);
    }

    /**
     * As {@link #verify(Path, List, Tools)}, with promtool enabling {@code flags}, the feature flags
     * the target Prometheus runs with (a promtool that does not know one warns and reads on).
     */
    public static Report verify(Path output, List<RoutingTestCase> routingTests, Set<FeatureFlag> flags, Tools tools)
            throws IOException {
        return verify(output, routingTests, flags, tools, Runtime.getRuntime().availableProcessors());
    }

    /** The tools each needed by the output in {@code output}: {@code promtool}, {@code amtool} or both, sorted. */
    public static List<String> toolsNeeded(Path output) throws IOException {
        Map<String, String> files = OutputDirectory.readManifest(output.toAbsolutePath().normalize());
        List<String> out = new ArrayList<>();
        if (files.containsKey(AlertmanagerEmitter.CONFIG)) {
            out.add("amtool");
        }
        if (files.keySet().stream().anyMatch(p -> p.startsWith(RULES_DIR) || p.startsWith(TESTS_DIR))) {
            out.add("promtool");
        }
        return out;
    }

    /**
     * As {@link #verify(Path, List, Set, Tools)}, running up to {@code parallelism} tools at once; the
     * checks come back in the same order whatever the order they finish in.
     */
    public static Report verify(Path output, List<RoutingTestCase> routingTests, Set<FeatureFlag> flags, Tools tools,
            int parallelism) throws IOException {
        List<String> enable = flags.isEmpty() ? List.of()
                : List.of("--enable-feature=" + flags.stream().map(FeatureFlag::flag).sorted()
                        .collect(java.util.stream.Collectors.joining(",")));
        Path dir = output.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(OutputDirectory.MANIFEST))) {
            throw new NoSuchFileException(dir.resolve(OutputDirectory.MANIFEST).toString(), null,
                    "no Vigil output here; generate it first");
        }
        Map<String, String> files = OutputDirectory.readManifest(dir);
        List<String> ruleFiles = new ArrayList<>();
        List<String> testFiles = new ArrayList<>();
        for (String path : files.keySet()) {
            if (path.startsWith(RULES_DIR) && path.endsWith(".yml")) {
                ruleFiles.add(path);
            } else if (path.startsWith(TESTS_DIR) && path.endsWith(".test.yml")) {
                testFiles.add(path);
            }
        }
        boolean hasAlertmanager = files.containsKey(AlertmanagerEmitter.CONFIG);

        List<Planned> plan = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (tools.promtool().isPresent()) {
            ToolRunner promtool = tools.promtool().get();
            // One run per file, so a failure names the file it is about.
            for (String f : ruleFiles) {
                plan.add(new Planned(promtool, "promtool", "promtool check rules " + f, Kind.CHECK_RULES, f, null,
                        concat(enable, "check", "rules", f)));
            }
            for (String f : testFiles) {
                // promtool resolves the tests' rule_files relative to the test file.
                plan.add(new Planned(promtool, "promtool", "promtool test rules " + f, Kind.TEST_RULES, f, null,
                        concat(enable, "test", "rules", f)));
            }
        } else if (!ruleFiles.isEmpty() || !testFiles.isEmpty()) {
            skipped.add("promtool: rule files not checked: " + ruleFiles.size() + ", unit test files not run: "
                    + testFiles.size());
        }
        if (hasAlertmanager) {
            if (tools.amtool().isPresent()) {
                ToolRunner amtool = tools.amtool().get();
                Path config = dir.resolve(AlertmanagerEmitter.CONFIG);
                plan.add(new Planned(amtool, "amtool", "amtool check-config " + AlertmanagerEmitter.CONFIG,
                        Kind.CHECK_CONFIG, AlertmanagerEmitter.CONFIG, null, List.of("check-config", config.toString())));
                for (RoutingTestCase c : routingTests) {
                    plan.add(new Planned(amtool, "amtool", "amtool config routes test: " + c.describe(), Kind.ROUTES_TEST,
                            AlertmanagerEmitter.CONFIG, c, c.amtoolArguments(config)));
                }
            } else {
                skipped.add("amtool: " + AlertmanagerEmitter.CONFIG + " not checked, routing tests not run: "
                        + routingTests.size());
            }
        }
        List<Check> checks = run(plan, dir, parallelism);
        return new Report(checks, skipped);
    }

    /** A run to make. */
    private record Planned(ToolRunner runner, String tool, String description, Kind kind, String file,
            RoutingTestCase routing, List<String> arguments) {
    }

    /** Runs the plan on up to {@code parallelism} threads; each thread waits on one tool process at a time. */
    private static List<Check> run(List<Planned> plan, Path dir, int parallelism) throws IOException {
        if (plan.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, plan.size())), r -> {
            Thread t = new Thread(r, "vigil-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ToolRunner.Run>> runs = new ArrayList<>();
            for (Planned p : plan) {
                runs.add(pool.submit(() -> p.runner().run(p.arguments(), dir)));
            }
            List<Check> checks = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                Planned p = plan.get(i);
                checks.add(new Check(p.tool(), p.description(), p.kind(), p.file(), p.routing(), result(runs.get(i))));
            }
            return checks;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ToolRunner.Run result(Future<ToolRunner.Run> run) throws IOException {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for a tool", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static List<String> concat(List<String> first, String... rest) {
        List<String> out = new ArrayList<>(first);
        out.addAll(List.of(rest));
        return out;
    }
}
