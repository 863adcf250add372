package dev.vigil.targets.catalogue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Repo;
import dev.vigil.targets.build.Build;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The projects the alert page tests build in memory: the five seed samples, or sources given as text. */
final class AlertSamples {
    /** The seed samples that declare a catalogue. */
    static final List<String> SEEDS = List.of("aetherlink", "aurigraph", "crm-events", "dwcp", "vaultmesh");

    private AlertSamples() {
    }

    /** A project and everything its build writes, by path. */
    record Built(String name, Project project, Map<String, byte[]> files) {
        String text(String path) {
            byte[] b = files.get(path);
            if (b == null) {
                throw new AssertionError(name + " wrote no " + path);
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        /** A page of {@code site/}, parsed. */
        Document html(String path) {
            return Jsoup.parse(text(path));
        }
    }

    /** Each seed is built once per test run: several test classes read the same output. */
    private static final Map<String, Built> SEEDS_BUILT = new java.util.concurrent.ConcurrentHashMap<>();

    static Built seed(String name) {
        return SEEDS_BUILT.computeIfAbsent(name, AlertSamples::build);
    }

    private static Built build(String name) {
        try {
            Path dir = Repo.root().resolve("samples").resolve(name).resolve("src/main/vigil");
            return built(name, Compiler.fromWorkingDirectory().check(List.of(dir)));
        } catch (Exception e) {
            throw new AssertionError("cannot build sample " + name, e);
        }
    }

    static Built text(String name, String... lines) {
        return built(name, Compiler.compile(List.of(new SourceFile(name + ".vigil", String.join("\n", lines) + "\n"))));
    }

    private static Built built(String name, CompileResult r) {
        Project project = r.project().orElseThrow(() -> new AssertionError(name + " does not compile: " + r.diagnostics()));
        return new Built(name, project, Build.emit(project, EmitSettings.DEFAULT).files());
    }
}
