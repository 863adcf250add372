package dev.vigil.targets.importer;

import dev.vigil.targets.Repo;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.importer.ImportRun;
import dev.vigil.compiler.importer.registry.Importers;
import dev.vigil.compiler.lowering.Lowering;
import dev.vigil.compiler.model.ModelBuilder;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.yaml.ExprSpans;
import dev.vigil.compiler.yaml.PrometheusRulesReader;
import dev.vigil.compiler.yaml.YamlDocument;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.prometheus.RuleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;

/**
 * The rule files of testdata/corpus, imported into Vigil and rebuilt into rule files by the Prometheus
 * rules emitter. The rebuilt model is built and lowered as {@code vigil build} does, without the checks:
 * an input with problems Vigil reports (the node mixin's repeated alert names) is still imported and
 * rebuilt, and the comparison is about what was kept, not about what the checks think of it.
 */
final class ImportedCorpus {
    static final Path CORPUS = Repo.root().resolve("testdata/corpus");

    /** One input file: its rules as read, and the rule files Vigil writes from the import. */
    record Rebuilt(Path input, List<RuleGroup> original, Map<String, String> importedFiles,
            Map<String, List<RuleGroup>> rebuiltByService, Map<String, String> ruleFiles) {
    }

    private ImportedCorpus() {
    }

    static List<Path> ruleFiles() {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            List<Path> out = files.filter(p -> p.getFileName().toString().matches("prometheus_(alerts|rules)\\.yaml"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
            Assertions.assertTrue(out.size() >= 7, "the corpus rule files are missing from " + CORPUS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceFile source(Path file) {
        try {
            return new SourceFile(CORPUS.relativize(file).toString().replace('\\', '/'), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The groups of a rule file as Vigil's rule-file reader sees them. */
    static List<RuleGroup> read(SourceFile file) {
        DiagnosticSink sink = new DiagnosticSink();
        YamlDocument doc = YamlDocument.compose(file, sink).orElseThrow(() -> new AssertionError(sink.sorted()));
        return PrometheusRulesReader.read(doc, new ExprSpans(), sink).service().groups();
    }

    static Rebuilt rebuild(Path input) {
        SourceFile source = source(input);
        ImportRun.Result imported = ImportRun.run(Importers.all(), List.of(source), "", false);
        Assertions.assertFalse(imported.inputHasErrors(), () -> input + ": " + imported.diagnostics());
        DiagnosticSink sink = new DiagnosticSink();
        List<VigilFile> parsed = new ArrayList<>();
        imported.files().forEach((name, text) -> parsed.add(VigilSourceParser.parse(new SourceFile(name, text), sink)
                .orElseThrow(() -> new AssertionError(name + " does not parse: " + sink.sorted()))));
        Project project = Lowering.lower(ModelBuilder.build(parsed, sink), sink);
        List<Diagnostic> broken = sink.sorted().stream()
                .filter(d -> d.isError() && (d.inFamily("Syntax") || d.inFamily("Type") || d.inFamily("Property")))
                .toList();
        Assertions.assertEquals(List.of(), broken, input + ": the imported sources do not build");
        Map<String, List<RuleGroup>> rebuilt = new LinkedHashMap<>();
        Map<String, String> ruleFiles = new LinkedHashMap<>();
        for (Service s : project.services()) {
            String text = Yaml.dump(RuleFiles.document(project, s));
            ruleFiles.put(RuleFiles.fileName(s), text);
            rebuilt.put(s.name(), read(new SourceFile(RuleFiles.fileName(s), text)));
        }
        return new Rebuilt(input, read(source), imported.files(), rebuilt, ruleFiles);
    }
}
