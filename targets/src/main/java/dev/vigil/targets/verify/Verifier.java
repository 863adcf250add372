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

/**
 * Proves a committed build output with the real tools: {@code promtool check rules} on every rule
 * file, {@code promtool test rules} on the generated unit tests, {@code amtool check-config} on the
 * Alertmanager configuration, and {@code amtool config routes test} for every routing test case.
 * The files are taken from the output's {@code manifest.json}, so only what Vigil wrote is judged.
 * The routing test cases come from the compiled project, since they are not part of the output.
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

    /** One tool run and what it proved. */
    public record Check(String tool, String description, ToolRunner.Run run) {
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

        List<Check> checks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (tools.promtool().isPresent()) {
            ToolRunner promtool = tools.promtool().get();
            // One run per file, so a failure names the file it is about.
            for (String f : ruleFiles) {
                checks.add(new Check("promtool", "promtool check rules " + f,
                        promtool.run(concat(enable, "check", "rules", f), dir)));
            }
            for (String f : testFiles) {
                // promtool resolves the tests' rule_files relative to the test file.
                checks.add(new Check("promtool", "promtool test rules " + f,
                        promtool.run(concat(enable, "test", "rules", f), dir)));
            }
        } else if (!ruleFiles.isEmpty() || !testFiles.isEmpty()) {
            skipped.add("promtool: rule files not checked: " + ruleFiles.size() + ", unit test files not run: "
                    + testFiles.size());
        }
        if (hasAlertmanager) {
            if (tools.amtool().isPresent()) {
                ToolRunner amtool = tools.amtool().get();
                Path config = dir.resolve(AlertmanagerEmitter.CONFIG);
                checks.add(new Check("amtool", "amtool check-config " + AlertmanagerEmitter.CONFIG,
                        amtool.run(List.of("check-config", config.toString()), dir)));
                for (RoutingTestCase c : routingTests) {
                    checks.add(new Check("amtool", "amtool config routes test: " + c.describe(),
                            amtool.run(c.amtoolArguments(config), dir)));
                }
            } else {
                skipped.add("amtool: " + AlertmanagerEmitter.CONFIG + " not checked, routing tests not run: "
                        + routingTests.size());
            }
        }
        return new Report(checks, skipped);
    }

    private static List<String> concat(List<String> first, String... rest) {
        List<String> out = new ArrayList<>(first);
        out.addAll(List.of(rest));
        return out;
    }
}
