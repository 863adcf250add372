package dev.vigil.targets.prometheus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.tools.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every sample: promtool checks every generated rules file and runs every file under
 * {@code prometheus/tests/} (compiled DSL tests and the SLO tests computed from the model).
 */
class PromtoolTestRulesTest {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", ".."));

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everySamplePassesPromtool() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(REPO.resolve("samples"))) {
            samples = s.filter(p -> Files.isDirectory(p.resolve("src/main/vigil"))).sorted().toList();
        }
        assertFalse(samples.isEmpty());
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> check(s)));
    }

    private void check(Path sample) throws Exception {
        Tool promtool = Tool.require("promtool");
        CompileResult r = Compiler.fromWorkingDirectory().check(List.of(sample.resolve("src/main/vigil")));
        Project project = r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
        OutputManifest files = Build.emit(project, EmitSettings.DEFAULT);
        Path out = tmp.resolve(sample.getFileName().toString());
        OutputDirectory.commit(files, out);
        for (Service s : project.services()) {
            // SLOs alone give a service a rule file, so `hasRules`, not just the declared groups.
            if (RuleFiles.hasRules(s)) {
                Tool.Result check = promtool.run(List.of("check", "rules", out.resolve(RuleFiles.path(s)).toString()));
                assertTrue(check.ok(), check.report());
            }
        }
        // Every test file the build wrote: the DSL tests and the ones computed from the SLOs.
        List<String> tests = files.files().keySet().stream()
                .filter(p -> p.startsWith("prometheus/tests/") && p.endsWith(".yml")).sorted().toList();
        if (project.services().stream().anyMatch(s -> !s.tests().isEmpty() || !s.slos().isEmpty())) {
            assertFalse(tests.isEmpty(), "services with tests or SLOs, but no test file under prometheus/tests/");
        }
        for (String t : tests) {
            Tool.Result test = promtool.run(List.of("test", "rules", out.resolve(t).toString()));
            assertTrue(test.ok(), test.report());
            assertTrue(test.stdout().contains("SUCCESS"), test.report());
        }
    }
}
