package dev.vigil.targets;

import dev.vigil.targets.build.Build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every alert of every sample, SLO burn-rate alerts included, has a test that shows it firing and
 * one that shows it silent; the tests themselves run through promtool in {@code PromtoolTestRulesTest}.
 * DSL tests are read from the model. SLO tests are read from the generated {@code .slo.test.yml}
 * files, not from the generator's plan: what counts is what promtool runs, so an SLO the generator
 * had to skip (an SLI it cannot feed exactly) shows up here as untested.
 */
class SampleCoverageTest {
    private static final Path REPO = Repo.root();

    @TestFactory
    Stream<DynamicTest> everySampleAlertIsTestedFiringAndSilent() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(REPO.resolve("samples"))) {
            samples = s.filter(p -> Files.isDirectory(p.resolve("src/main/vigil"))).sorted().toList();
        }
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> {
            CompileResult r = Compiler.fromWorkingDirectory().check(List.of(s.resolve("src/main/vigil")));
            Project p = r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
            Set<String> firing = new HashSet<>();
            Set<String> silent = new HashSet<>();
            List<String> alerts = new ArrayList<>();
            for (Service svc : p.services()) {
                for (RuleGroup g : svc.groups()) {
                    for (Rule rule : g.rules()) {
                        if (rule instanceof Rule.Alert a) {
                            alerts.add(a.name());
                        }
                    }
                }
                for (TestCase t : svc.tests()) {
                    for (TestCase.Expectation e : t.expectations()) {
                        if (e instanceof TestCase.AlertExpectation a) {
                            (a.firing() ? firing : silent).add(a.alert().name());
                        }
                    }
                }
            }
            Map<String, byte[]> files = Build.emit(p, EmitSettings.DEFAULT).files();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getKey().startsWith("prometheus/tests/") && f.getKey().endsWith(".slo.test.yml")) {
                    collect(Yaml.load(new String(f.getValue(), StandardCharsets.UTF_8)), firing, silent);
                }
            }
            List<String> untested = alerts.stream().filter(a -> !firing.contains(a) || !silent.contains(a)).toList();
            assertEquals(List.of(), untested, "alerts without both a firing and a silent test");
        }));
    }

    /** The alerts a promtool test file expects firing ({@code exp_alerts} listed) and silent ({@code []}). */
    @SuppressWarnings("unchecked")
    private static void collect(Object document, Set<String> firing, Set<String> silent) {
        for (Object test : (List<Object>) ((Map<String, Object>) document).get("tests")) {
            Object checks = ((Map<String, Object>) test).get("alert_rule_test");
            if (checks == null) {
                continue;
            }
            for (Object c : (List<Object>) checks) {
                Map<String, Object> check = (Map<String, Object>) c;
                List<Object> expected = (List<Object>) check.get("exp_alerts");
                (expected == null || expected.isEmpty() ? silent : firing).add((String) check.get("alertname"));
            }
        }
    }
}
