package dev.vigil.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's dependencies as the library path: which ones count, and a new library version regenerates. */
class LibraryDependencyTest {
    private static final String SOURCE = """
            import "lib:red"

            service api {
              group api_alerts {
                alert ApiDown { when up{job="api"} == 0  for $down_for  severity warning  summary "The API is down" }
              }
            }
            """;

    @TempDir
    Path dir;

    private Path library(String name, String downFor) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/vigil/red/red.vigil"));
            out.write(("const down_for = " + downFor + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static Artifact artifact(String id, String scope, String type, File file) {
        DefaultArtifactHandler handler = new DefaultArtifactHandler(type);
        handler.setAddedToClasspath(!type.equals("pom"));
        Artifact a = new DefaultArtifact("com.example", id, "1.0", scope, type, null, handler);
        a.setFile(file);
        return a;
    }

    @Test
    void compileAndRuntimeJarsAndClassDirectoriesFormTheLibraryPathInOrder() throws IOException {
        File jar = library("lib.jar", "5m").toFile();
        File classes = Files.createDirectories(dir.resolve("module/target/classes")).toFile();
        File pom = Files.writeString(dir.resolve("pom.xml"), "<project/>").toFile();
        List<Artifact> dependencies = List.of(
                artifact("runtime-lib", "runtime", "jar", jar),
                artifact("reactor-module", "compile", "jar", classes),
                artifact("test-lib", "test", "jar", jar),
                artifact("provided-lib", "provided", "jar", jar),
                artifact("parent", "compile", "pom", pom),
                artifact("unresolved", "compile", "jar", null));
        assertEquals(List.of(jar.toPath(), classes.toPath()), AbstractVigilMojo.libraryPath(dependencies));
    }

    @Test
    void generateReadsTheLibraryAndANewLibraryVersionGeneratesAgain() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/main/vigil"));
        Files.writeString(sources.resolve("api.vigil"), SOURCE);
        Path target = dir.resolve("target");
        Path unrelated = dir.resolve("guava.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(unrelated))) {
            out.putNextEntry(new JarEntry("com/example/A.class"));
            out.closeEntry();
        }
        Path v1 = library("red-1.0.jar", "5m");
        GenerateRequest request = new GenerateRequest(new CompileRequest(dir, sources, Optional.empty(), false, Map.of(),
                Map.of(), List.of(unrelated, v1)), target.resolve("vigil"), Optional.empty(), "test",
                target.resolve("vigil-state/generate.state"));
        Path rules = target.resolve("vigil/prometheus/rules/api.rules.yml");

        assertEquals(Generation.Status.WRITTEN, Generation.run(request).status());
        assertTrue(Files.readString(rules).contains("for: 5m"), Files.readString(rules));
        String state = Files.readString(request.stateFile());
        assertFalse(state.contains("lib:"), "a library's file is no input on disk:\n" + state);
        assertEquals(Generation.Status.UP_TO_DATE, Generation.run(request).status());

        // The same jar rebuilt with a new value (a snapshot): its digest changed.
        library("red-1.0.jar", "7m");
        assertEquals(Generation.Status.WRITTEN, Generation.run(request).status());
        assertTrue(Files.readString(rules).contains("for: 7m"), Files.readString(rules));
        assertEquals(Generation.Status.UP_TO_DATE, Generation.run(request).status());

        // A new version of a dependency that holds no library changes nothing.
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(unrelated))) {
            out.putNextEntry(new JarEntry("com/example/B.class"));
            out.closeEntry();
        }
        assertEquals(Generation.Status.UP_TO_DATE, Generation.run(request).status());
    }
}
