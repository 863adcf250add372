package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Project;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.build.Emitters;
import dev.vigil.targets.OutputManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How `vigil build` ends: an emitter that throws on a valid project is a bug in Vigil, reported in
 * one line with exit status 70 and no stack trace unless `--debug` asks for it; a mistake in the
 * project's own runbook templates is the user's, exit status 1.
 */
class BuildFailureTest {
    private static final String PROJECT = """
            service api {
              group api_alerts {
                alert ApiDown {
                  when     up{job="api"} == 0
                  for      5m
                  severity warning
                  summary  "The API is down"
                }
              }
            }
            """;

    /** Stands in for an emitter with a bug; only this test can put it in a build. */
    private static final class Broken implements Emitter {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public void emit(Project project, EmitSettings settings, OutputManifest out) {
            throw new IllegalStateException("an emitter bug");
        }
    }

    private static VigilCommandTest.Run build(String... args) {
        List<Emitter> emitters = new ArrayList<>(Emitters.all());
        emitters.add(new Broken());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = VigilCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
                new picocli.CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> type) throws Exception {
                        return type == BuildCommand.class ? type.cast(new BuildCommand(emitters))
                                : picocli.CommandLine.defaultFactory().create(type);
                    }
                });
        return new VigilCommandTest.Run(status, out.toString(), err.toString());
    }

    private static Path project(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("p"));
        Files.writeString(dir.resolve("p/api.vigil"), PROJECT);
        return dir.resolve("p");
    }

    @Test
    void anEmitterBugIsOneLineAndExitStatus70(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        VigilCommandTest.Run r = build("build", "--out", out.toString(), project(dir).toString());
        assertEquals(70, r.status(), r.out() + r.err());
        assertEquals(List.of("error[Internal.Emitter]: Writing the `broken` output failed; this is a bug in Vigil; "
                + "please report it."), r.err().lines().toList());
        assertEquals("", r.out());
        assertFalse(r.err().contains("at dev.vigil") || r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void debugAddsTheStackTrace(@TempDir Path dir) throws IOException {
        VigilCommandTest.Run r = build("build", "--debug", "--out", dir.resolve("out").toString(), project(dir).toString());
        assertEquals(70, r.status());
        assertTrue(r.err().startsWith("error[Internal.Emitter]: "), r.err());
        assertTrue(r.err().contains("java.lang.IllegalStateException: an emitter bug") && r.err().contains("at dev.vigil"),
                r.err());
    }

    @Test
    void jsonNamesTheInternalErrorToo(@TempDir Path dir) throws IOException {
        VigilCommandTest.Run r = build("build", "--format", "json", "--out", dir.resolve("out").toString(),
                project(dir).toString());
        assertEquals(70, r.status());
        assertTrue(r.out().contains("\"code\" : \"Internal.Emitter\""), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aBrokenRunbookTemplateOfTheProjectIsTheUsersMistake(@TempDir Path dir) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("p/templates"));
        Files.writeString(templates.resolve("runbook.md.ftl"), "# ${alert.name}\n\n${alert.noSuchField}\n");
        VigilCommandTest.Run r = VigilCommandTest.run("build", "--templates", templates.toString(), "--out",
                dir.resolve("out").toString(), project(dir).toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("runbook.md.ftl:3:3: error[Input.RunbookTemplate]: The runbook template "
                + "`runbook.md.ftl` cannot be rendered: "), r.out());
        assertFalse(r.out().contains("at dev.vigil"), r.out());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aMissingTemplatesDirectoryIsAUsageError(@TempDir Path dir) throws IOException {
        VigilCommandTest.Run r = VigilCommandTest.run("build", "--templates", dir.resolve("none").toString(),
                project(dir).toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--templates: not a directory"), r.err());
    }
}
