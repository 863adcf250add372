package dev.vigil.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every alert of every sample has a test that shows it firing and one that shows it silent; the
 * tests themselves run through promtool in {@code PromtoolTestRulesTest}.
 */
class SampleCoverageTest {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", ".."));

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
            List<String> untested = alerts.stream().filter(a -> !firing.contains(a) || !silent.contains(a)).toList();
            assertEquals(List.of(), untested, "alerts without both a firing and a silent test");
        }));
    }
}
