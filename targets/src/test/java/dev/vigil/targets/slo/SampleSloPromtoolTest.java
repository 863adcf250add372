package dev.vigil.targets.slo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.tools.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written promtool tests of every sample ({@code samples/<name>/promtool/*.test.yml}) run
 * against that sample's generated rules: burn-rate scenarios (fast burn pages, slow burn tickets,
 * zero traffic is silent and NaN-free, recovery resolves, the traffic guard holds).
 */
class SampleSloPromtoolTest {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", ".."));

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> handWrittenPromtoolTestsPass() throws Exception {
        List<Path> tests;
        try (Stream<Path> s = Files.walk(REPO.resolve("samples"), 3)) {
            tests = s.filter(p -> p.getParent().getFileName().toString().equals("promtool")
                    && p.getFileName().toString().endsWith(".test.yml")).sorted().toList();
        }
        assertFalse(tests.isEmpty(), "no hand-written promtool tests under samples/*/promtool");
        return tests.stream().map(t -> DynamicTest.dynamicTest(REPO.relativize(t).toString(), () -> run(t)));
    }

    private void run(Path test) throws Exception {
        Tool promtool = Tool.require("promtool");
        Path sample = test.getParent().getParent();
        CompileResult r = Compiler.fromWorkingDirectory().check(List.of(sample.resolve("src/main/vigil")));
        Project project = r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
        Path out = tmp.resolve(sample.getFileName().toString());
        OutputDirectory.commit(Build.emit(project, EmitSettings.DEFAULT), out);
        // Next to the generated tests, so `rule_files: [../rules/<service>.rules.yml]` resolves.
        Path copy = out.resolve("prometheus/tests/handwritten-" + test.getFileName());
        Files.createDirectories(copy.getParent());
        Files.copy(test, copy);
        Tool.Result result = promtool.run(List.of("test", "rules", copy.toString()));
        assertTrue(result.ok(), result.report());
        assertTrue(result.stdout().contains("SUCCESS"), result.report());
    }
}
