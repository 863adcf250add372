package dev.vigil.targets.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.compiler.model.Project;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real promtool accepts every generated rules file. */
class PromtoolCheckTest {
    static Path promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "promtool");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = "promtool is not installed (Debian package `prometheus`); the promtool tests are SKIPPED";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ". On CI it is required: scripts/test-all installs it.");
        }
        System.err.println("WARNING: " + message);
        Assumptions.abort(message);
        return null;
    }

    static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(promtool().toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("promtool timed out: " + command);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + "\n" + output);
        return output;
    }

    @Test
    void promtoolAcceptsTheCrmEventsRules(@TempDir Path tmp) throws Exception {
        Project project = PrometheusRulesEmitterTest.sample("crm-events");
        OutputManifest out = new OutputManifest();
        new PrometheusRulesEmitter().emit(project, EmitSettings.DEFAULT, out);
        OutputDirectory.commit(out, tmp);
        String result = run(tmp, "check", "rules", "prometheus/rules/crm_events.rules.yml");
        org.junit.jupiter.api.Assertions.assertTrue(result.contains("SUCCESS: 6 rules found"), result);
    }
}
