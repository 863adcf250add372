package dev.vigil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.lint.Linter;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** A small run of the generator's plain rule files: what promtool is timed on in {@code benchmarks/run.sh}. */
class RuleFilesTest {
    @Test
    void lintInputHasOneGroupOfTwentyRulesPerServiceAndLintsWithoutErrors() {
        ProjectGenerator.Project p = ProjectGenerator.generate(3, ProjectGenerator.SEED);
        SortedMap<String, byte[]> built = RuleFiles.built(p.handWritten());
        assertEquals(3, built.size(), built.keySet().toString());
        String lint = RuleFiles.lintInput(built);

        List<?> groups = (List<?>) ((Map<?, ?>) new Yaml().load(lint)).get("groups");
        assertEquals(3, groups.size());
        for (Object g : groups) {
            List<?> rules = (List<?>) ((Map<?, ?>) g).get("rules");
            assertEquals(10, rules.stream().filter(r -> ((Map<?, ?>) r).containsKey("record")).count(), g.toString());
            assertEquals(10, rules.stream().filter(r -> ((Map<?, ?>) r).containsKey("alert")).count(), g.toString());
        }
        CompileResult r = Linter.lint(List.of(new SourceFile("rules.yml", lint)), Linter.Options.DEFAULT);
        assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError), r.diagnostics().toString());

        List<SourceFile> one = RuleFiles.lintInputs(built);
        assertEquals(List.of("rules.yml"), one.stream().map(SourceFile::path).toList());
        assertEquals(lint, one.get(0).text());
        // A larger fleet is split: here two services per file make two files holding the same groups.
        List<SourceFile> split = RuleFiles.lintInputs(built, 2);
        assertEquals(List.of("rules-01.yml", "rules-02.yml"), split.stream().map(SourceFile::path).toList());
        List<Object> splitGroups = new java.util.ArrayList<>();
        split.forEach(f -> splitGroups.addAll((List<?>) ((Map<?, ?>) new Yaml().load(f.text())).get("groups")));
        assertEquals(groups, splitGroups);
        CompileResult both = Linter.lint(split, Linter.Options.DEFAULT);
        assertTrue(both.diagnostics().stream().noneMatch(Diagnostic::isError), both.diagnostics().toString());
    }
}
