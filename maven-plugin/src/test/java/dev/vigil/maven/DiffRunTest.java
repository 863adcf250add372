package dev.vigil.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diff.DiffInputs;
import dev.vigil.compiler.diff.DiffText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code vigil:diff} runs: the POM's sources against a git revision, with the POM's options. */
class DiffRunTest {
    private static final String SERVICE = """
            service api {
              group api_rates every 1m {
                record job:http_requests:rate1m = sum by (job) (rate(http_requests_total[1m]))
              }
            }
            """;

    @TempDir
    Path project;

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Vigil Test", "-c",
                "user.email=test@vigil.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private CompileRequest request(Map<String, String> overrides) {
        return new CompileRequest(project, project.resolve("src/main/vigil"), Optional.of("15s"), false, overrides);
    }

    @Test
    void theSourcesAreComparedWithTheBaseRevision() throws Exception {
        Files.createDirectories(project.resolve("src/main/vigil"));
        Files.writeString(project.resolve("src/main/vigil/api.vigil"), SERVICE);
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "first");
        Files.writeString(project.resolve("src/main/vigil/api.vigil"), SERVICE.replace("[1m]", "[2m]"));
        DiffInputs.Outcome o = DiffRun.compare(request(Map.of()), "HEAD");
        String text = DiffText.text(o.report().orElseThrow());
        assertTrue(text.contains("~ job:http_requests:rate1m: rate(http_requests_total[1m]) → rate(http_requests_total[2m])"),
                text);
        // The POM's scrape interval reached both sides: no window is too short for 15s.
        assertTrue(o.before().result().diagnostics().isEmpty(), o.before().result().diagnostics().toString());
        assertEquals(15_000, o.after().result().project().orElseThrow().settings().scrapeIntervalMillis());
    }

    @Test
    void withoutABaseTheGoalSaysHowToGiveOne() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DiffRun.compare(request(Map.of()), " "));
        assertTrue(e.getMessage().contains("-Dvigil.diff.base=REV"), e.getMessage());
    }
}
