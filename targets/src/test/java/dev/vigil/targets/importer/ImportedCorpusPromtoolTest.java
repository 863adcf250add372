package dev.vigil.targets.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.targets.tools.ToolBatch;
import dev.vigil.targets.tools.ToolMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The imported corpus rebuilds into rule files that promtool accepts: every rule file Vigil writes
 * from the imported awesome-prometheus-alerts and mixins passes {@code promtool check rules} of the
 * matrix's default release (a missing matrix fails on CI, see {@link ToolMatrix}).
 */
class ImportedCorpusPromtoolTest {
    @Test
    void promtoolAcceptsTheRebuiltCorpus(@TempDir Path dir) throws Exception {
        ToolMatrix.Entry entry = ToolMatrix.byDefault();
        List<String> files = new ArrayList<>();
        for (Path input : ImportedCorpus.ruleFiles()) {
            ImportedCorpus.Rebuilt r = ImportedCorpus.rebuild(input);
            String prefix = ImportedCorpus.CORPUS.relativize(input).toString().replaceAll("[^A-Za-z0-9-]", "_") + "_";
            for (Map.Entry<String, String> f : r.ruleFiles().entrySet()) {
                Files.writeString(dir.resolve(prefix + f.getKey()), f.getValue());
                files.add(prefix + f.getKey());
            }
        }
        assertTrue(files.size() > 100, "the rebuilt corpus has its rule files: " + files.size());
        ToolBatch.Run run = ToolBatch.promtoolCheckRules(entry.promtool(), dir, files);
        Map<String, String> refused = new TreeMap<>();
        run.verdicts().forEach((file, v) -> {
            if (!v.ok() && !v.lintOnly()) {
                refused.put(file, v.output());
            }
        });
        assertEquals(files.size(), run.verdicts().size(), "promtool gave a verdict for every file");
        assertEquals(Map.of(), refused, entry.label() + " refuses rebuilt rule files");
    }
}
