package dev.vigil.targets.alertmanager;

import dev.vigil.targets.Repo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.tools.ToolMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The projects the Alertmanager tests compile: the samples and the test project `rich`. */
final class Projects {
    static final List<String> NAMES = List.of("crm-events", "rich");
    /** Every sample and {@code rich}: the projects whose routing and routing tests run in the real amtool. */
    static final List<String> ROUTED = List.of("aetherlink", "aurigraph", "crm-events", "dwcp", "fleet", "vaultmesh", "rich");

    private Projects() {
    }

    static Path repo() {
        return Repo.root();
    }

    static Path sources(String name) {
        Path sample = repo().resolve("samples").resolve(name).resolve("src/main/vigil");
        return Files.isDirectory(sample) ? sample : repo().resolve("targets/src/test/resources/alertmanager/projects").resolve(name);
    }

    static Project compile(String name) {
        return compileFile(sources(name));
    }

    /** A project from a directory of sources or one file, compiled for a matrix entry's releases. */
    static Project compile(Path sources, ToolMatrix.Entry entry) {
        return project(entry.compile(sources));
    }

    /** Text compiled for a matrix entry's releases. */
    static Project compileText(ToolMatrix.Entry entry, String... lines) {
        return project(entry.compile(List.of(new SourceFile("t.vigil", String.join("\n", lines) + "\n"))));
    }

    /** A project from a directory of sources or one file. */
    static Project compileFile(Path sources) {
        try {
            return project(Compiler.fromWorkingDirectory().check(List.of(sources)));
        } catch (InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Project compileText(String... lines) {
        return project(Compiler.compile(List.of(new SourceFile("t.vigil", String.join("\n", lines) + "\n"))));
    }

    private static Project project(CompileResult r) {
        return r.project().orElseThrow(() -> new AssertionError("does not compile: " + r.diagnostics()));
    }

    static OutputManifest emit(Project p) {
        return emit(p, new AlertmanagerEmitter());
    }

    static OutputManifest emit(Project p, AlertmanagerEmitter emitter) {
        OutputManifest out = new OutputManifest();
        emitter.emit(p, EmitSettings.DEFAULT, out);
        return out;
    }

    static String text(OutputManifest out, String path) {
        byte[] b = out.read(path);
        assertTrue(b != null, path + " was not written; written: " + out.files().keySet());
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
