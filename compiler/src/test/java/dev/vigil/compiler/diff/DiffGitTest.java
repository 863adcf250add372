package dev.vigil.compiler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil diff --git}: the old side read from a temporary git repository made here. */
class DiffGitTest {
    private static final String PROJECT = """
            service api {
              group api_rules {
                alert ApiDown {
                  when     up{job="api"} == 0
                  for      5m
                  severity critical
                  summary  "api is down"
                }
              }
            }
            """;

    @TempDir
    Path repo;

    /** Runs git in the repository with a fixed identity, so the test needs no git configuration. */
    void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Vigil Test", "-c",
                "user.email=test@vigil.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + out);
    }

    @BeforeEach
    void commitAProject() throws Exception {
        git("init", "-q");
        Files.createDirectories(repo.resolve("monitoring"));
        Files.writeString(repo.resolve("monitoring/api.vigil"), PROJECT);
        Files.writeString(repo.resolve("README"), "not a source\n");
        git("add", ".");
        git("commit", "-q", "-m", "first");
    }

    private static Set<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("vigil-diff-")).collect(Collectors.toSet());
        }
    }

    @Test
    void theWorkingTreeIsComparedWithTheRevisionAndNothingIsLeftBehind() throws Exception {
        Files.writeString(repo.resolve("monitoring/api.vigil"), PROJECT.replace("for      5m", "for      10m"));
        Set<Path> before = leftovers();
        DiffInputs.Outcome o = DiffInputs.git(repo.resolve("monitoring"), "HEAD", CompileOptions.DEFAULT);
        assertEquals(before, leftovers());
        DiffReport r = o.report().orElseThrow();
        assertEquals("HEAD", r.before());
        assertEquals("working tree", r.after());
        assertEquals("ApiDown: for 5m → 10m", DiffText.line(r.services().get(0).changes().get(0)));
        // Diagnostics of both sides name the file as the repository does.
        assertEquals(Set.of("monitoring/api.vigil"), o.before().result().sources().keySet());
        assertEquals(Set.of("monitoring/api.vigil"), o.after().result().sources().keySet());
    }

    @Test
    void aRevisionThatDoesNotCompileIsReportedWithItsDiagnostics() throws Exception {
        Files.writeString(repo.resolve("monitoring/api.vigil"), PROJECT.replace("severity critical", "severity"));
        git("commit", "-q", "-am", "broken");
        Files.writeString(repo.resolve("monitoring/api.vigil"), PROJECT);
        DiffInputs.Outcome o = DiffInputs.git(repo.resolve("monitoring"), "HEAD", CompileOptions.DEFAULT);
        assertTrue(o.report().isEmpty());
        assertTrue(o.before().result().hasErrors());
        assertTrue(o.before().result().diagnostics().get(0).span().file().equals("monitoring/api.vigil"),
                o.before().result().diagnostics().toString());
        assertTrue(!o.after().result().hasErrors());
    }

    @Test
    void aProjectNewInTheWorkingTreeIsAllAdded() throws Exception {
        Files.createDirectories(repo.resolve("other"));
        Files.writeString(repo.resolve("other/web.vigil"), PROJECT.replace("api", "web").replace("ApiDown", "WebDown"));
        DiffReport r = DiffInputs.git(repo.resolve("other"), "HEAD", CompileOptions.DEFAULT).report().orElseThrow();
        assertEquals(ServiceDiff.Status.ADDED, r.services().get(0).status());
        assertEquals("web: 1 alerts, 0 recording rules, 0 SLOs, 0 dashboards", DiffText.line(r.services().get(0).changes().get(0)));
    }

    @Test
    void anUnknownRevisionOrADirectoryOutsideGitIsAnInputError(@TempDir Path elsewhere) throws Exception {
        InputException unknown = assertThrows(InputException.class,
                () -> DiffInputs.git(repo.resolve("monitoring"), "no-such-branch", CompileOptions.DEFAULT));
        assertTrue(unknown.getMessage().contains("`no-such-branch`"), unknown.getMessage());
        assertThrows(InputException.class, () -> DiffInputs.git(repo, "--output=x", CompileOptions.DEFAULT));
        assertThrows(InputException.class, () -> DiffInputs.git(elsewhere, "HEAD", CompileOptions.DEFAULT));
    }
}
