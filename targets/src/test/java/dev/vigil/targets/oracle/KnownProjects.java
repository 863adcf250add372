package dev.vigil.targets.oracle;

import dev.vigil.targets.Repo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.golden.ErrorFile;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every project the test suite knows, as sources: the samples, the golden snippets whose expectation
 * lists no error (each on its own), and the {@code vigil} blocks of the documentation. A document's
 * blocks are one project when they compile together without errors (language.md, README.md), else
 * each block is a project of its own (a check's page has a Bad and a Fix example of the same service).
 */
final class KnownProjects {
    /** The documents whose `vigil` blocks are compiled, as LanguageDocTest collects them. */
    private static final List<String> DOCUMENTS = List.of("docs/language.md", "README.md", "docs/slo.md",
            "docs/testing.md", "docs/versions.md");
    private static final Pattern BLOCK = Pattern.compile("```vigil\\n(.*?)```", Pattern.DOTALL);

    private KnownProjects() {
    }

    static Path repo() {
        return Repo.root();
    }

    /** All of them by name (where each comes from), samples first. */
    static Map<String, List<SourceFile>> all() {
        Map<String, List<SourceFile>> out = new LinkedHashMap<>();
        samples(out);
        goldenSnippets(out);
        documentation(out);
        return out;
    }

    private static void samples(Map<String, List<SourceFile>> out) {
        for (Path dir : list(repo().resolve("samples"))) {
            Path sources = dir.resolve("src/main/vigil");
            if (Files.isDirectory(sources)) {
                out.put("samples/" + dir.getFileName(), read(sources));
            }
        }
        assertTrue(out.size() >= 5, "expected the five samples, found " + out.keySet());
    }

    /** Snippets under errors/ and checks/ID/ whose .errors file expects no error. */
    private static void goldenSnippets(Map<String, List<SourceFile>> out) {
        Path resources = repo().resolve("compiler/src/test/resources");
        List<Path> snippets = new ArrayList<>(list(resources.resolve("errors")));
        for (Path check : list(resources.resolve("checks"))) {
            snippets.addAll(list(check));
        }
        int before = out.size();
        for (Path p : snippets) {
            String name = p.getFileName().toString();
            if (!name.endsWith(".vigil")) {
                continue;
            }
            Path expected = p.resolveSibling(name.substring(0, name.length() - ".vigil".length()) + ".errors");
            if (Files.isRegularFile(expected)
                    && ErrorFile.parse(text(expected)).stream().noneMatch(e -> e.severity() == Severity.ERROR)) {
                String rel = resources.relativize(p).toString().replace('\\', '/');
                out.put(rel, List.of(new SourceFile(rel, text(p))));
            }
        }
        assertTrue(out.size() - before > 50, "expected many passing golden snippets, found " + (out.size() - before));
    }

    private static void documentation(Map<String, List<SourceFile>> out) {
        List<Path> documents = new ArrayList<>();
        DOCUMENTS.forEach(d -> documents.add(repo().resolve(d)));
        list(repo().resolve("docs/checks")).stream().filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        for (Path doc : documents) {
            String rel = repo().relativize(doc).toString().replace('\\', '/');
            String text = text(doc);
            List<SourceFile> blocks = new ArrayList<>();
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                int line = text.substring(0, m.start()).split("\n", -1).length + 1;
                blocks.add(new SourceFile(rel + "@" + line, m.group(1)));
            }
            if (blocks.isEmpty()) {
                continue;
            }
            if (blocks.size() == 1 || !Compiler.compile(blocks).hasErrors()) {
                out.put(rel, blocks);
            } else {
                blocks.forEach(b -> out.put(b.path(), List.of(b)));
            }
        }
    }

    private static List<SourceFile> read(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(Compiler.EXTENSION)).sorted().toList();
            List<SourceFile> out = new ArrayList<>();
            for (Path f : files) {
                out.add(new SourceFile(repo().relativize(f).toString().replace('\\', '/'), text(f)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
