package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.VigilCommandTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --library} on the commands that compile: check, build and diff read {@code lib:} imports from it. */
class LibraryOptionTest {
    private static final String PROJECT = String.join("\n",
            "import \"lib:red\"",
            "",
            "service payments {",
            "  metric http_requests_total counter {",
            "    labels [job, code]",
            "  }",
            "  group payments_errors every 1m {",
            "    record job:http_errors:rate5m = sum by (job) (rate(http_requests_total{code=\"500\"}[5m]))",
            "    alert PaymentsErrorsHigh {",
            "      when     job:http_errors:rate5m > $error_threshold",
            "      for      10m",
            "      severity critical",
            "      summary  \"Payments errors\"",
            "    }",
            "  }",
            "}",
            "");

    @TempDir
    Path dir;

    private Path library() throws IOException {
        Path jar = dir.resolve("red-1.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/vigil/red/red.vigil"));
            out.write("const error_threshold = 0.07\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private Path project(String name) throws IOException {
        Path project = Files.createDirectories(dir.resolve(name));
        Files.writeString(project.resolve("payments.vigil"), PROJECT);
        return project;
    }

    @Test
    void checkBuildAndDiffReadTheLibraryAndCheckSaysHowToGiveOne() throws IOException {
        Path jar = library();
        Path project = project("project");

        Run missing = VigilCommandTest.run("check", project.toString());
        assertEquals(1, missing.status(), missing.out());
        assertTrue(missing.out().contains("error[Input.ImportNotFound]"), missing.out());
        assertTrue(missing.out().contains("No library `red` is on the library path."), missing.out());
        assertTrue(missing.out().contains("`--library`"), missing.out());

        Run checked = VigilCommandTest.run("check", "--library", jar.toString(), project.toString());
        assertEquals(0, checked.status(), checked.out() + checked.err());

        Path out = dir.resolve("out");
        Run built = VigilCommandTest.run("build", "--library", jar.toString(), "--out", out.toString(), project.toString());
        assertEquals(0, built.status(), built.out() + built.err());
        String rules = Files.readString(out.resolve("prometheus/rules/payments.rules.yml"));
        assertTrue(rules.contains("job:http_errors:rate5m > 0.07"), rules);

        Run diff = VigilCommandTest.run("diff", "--library", jar.toString(), project.toString(),
                project("other").toString());
        assertEquals(0, diff.status(), diff.out() + diff.err());
    }

    @Test
    void aLibraryThatDoesNotExistIsAUsageError() throws IOException {
        Path project = project("project");
        Run r = VigilCommandTest.run("check", "--library", dir.resolve("missing.jar").toString(), project.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("--library: no such jar or directory: " + dir.resolve("missing.jar")), r.err());
    }
}
