package dev.vigil.targets.slo;

import dev.vigil.targets.Repo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.tools.KnownFailures;
import dev.vigil.targets.tools.ToolBatch;
import dev.vigil.targets.tools.ToolMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written promtool tests of every sample ({@code samples/<name>/promtool/*.test.yml}) run
 * against that sample's generated rules: burn-rate scenarios (fast burn pages, slow burn tickets,
 * zero traffic is silent and NaN-free, recovery resolves, the traffic guard holds). They run with the
 * promtool of every entry of the tool matrix, the sample compiled for its releases, in one
 * {@code promtool test rules} batch per entry. (The samples' generated tests run in
 * {@code KnownProjectsOracleTest}.)
 */
class SampleSloPromtoolTest {
    private static final Path REPO = Repo.root();
    /** Hand-written tests a matrix entry fails for a known reason; see {@link KnownFailures}. */
    private static final List<KnownFailures.Known> KNOWN_FAILURES = List.of();

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicContainer> handWrittenPromtoolTestsPass() throws IOException {
        List<Path> tests;
        try (Stream<Path> s = Files.walk(REPO.resolve("samples"), 3)) {
            tests = s.filter(p -> p.getParent().getFileName().toString().equals("promtool")
                    && p.getFileName().toString().endsWith(".test.yml")).sorted().toList();
        }
        assertFalse(tests.isEmpty(), "no hand-written promtool tests under samples/*/promtool");
        List<DynamicContainer> entries = new ArrayList<>();
        for (ToolMatrix.Entry entry : ToolMatrix.entries()) {
            entries.add(DynamicContainer.dynamicContainer(entry.label(), run(entry, tests, tmp.resolve(entry.name()))));
        }
        return entries.stream();
    }

    /** Builds each sample for the entry, puts its hand-written tests beside the generated ones, and runs them all at once. */
    private static Stream<DynamicTest> run(ToolMatrix.Entry entry, List<Path> tests, Path root) throws IOException {
        Map<Path, String> copies = new LinkedHashMap<>();
        for (Path test : tests) {
            Path sample = test.getParent().getParent();
            Path out = root.resolve(sample.getFileName().toString());
            if (!Files.isDirectory(out)) {
                CompileResult r = entry.compile(sample.resolve("src/main/vigil"));
                Project project = r.project().orElseThrow(() -> new AssertionError(entry.label() + ": " + r.diagnostics()));
                if (!entry.runs(project.settings().targets())) {
                    System.out.println("SampleSloPromtoolTest: " + sample.getFileName() + " targets "
                            + project.settings().targets() + ", not run on " + entry.label());
                    continue;
                }
                OutputDirectory.commit(Build.emit(project, EmitSettings.DEFAULT), out);
            }
            // Next to the generated tests, so `rule_files: [../rules/<service>.rules.yml]` resolves.
            String copy = sample.getFileName() + "/prometheus/tests/handwritten-" + test.getFileName();
            Files.copy(test, root.resolve(copy));
            copies.put(test, copy);
        }
        ToolBatch.Run run = ToolBatch.promtoolTestRules(entry.promtool(), root, List.copyOf(copies.values()));
        System.out.println("SampleSloPromtoolTest on " + entry.label() + ": " + copies.size() + " files in " + run.millis() + " ms");
        return copies.entrySet().stream().map(c -> DynamicTest.dynamicTest(REPO.relativize(c.getKey()).toString(), () -> {
            ToolBatch.Verdict v = run.verdicts().get(c.getValue());
            KnownFailures.check(KNOWN_FAILURES, entry, REPO.relativize(c.getKey()).toString(),
                    v.ok() ? List.of() : List.of(v.output()));
        }));
    }
}
