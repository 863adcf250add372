package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.VigilCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --k8s-namespace}, {@code --k8s-label} and {@code --k8s-annotation}: over the sources, checked before the build. */
class KubernetesOptionsTest {
    private static final String PROJECT = """
            kubernetes {
              namespace "monitoring"
              labels { release = "from-sources", team = "platform" }
            }

            service shop {
              group shop_rates {
                record job:http_requests:rate5m = sum by (job) (rate(http_requests_total{job="shop"}[5m]))
              }
            }
            """;

    @TempDir
    Path dir;

    /** The project is the temporary directory itself; the output goes to {@code out/} in it, which holds no source. */
    @BeforeEach
    void writeProject() throws IOException {
        Files.writeString(dir.resolve("shop.vigil"), PROJECT);
    }

    @Test
    void theCommandLineWinsOverTheSources() throws IOException {
        Path project = dir;
        Path out = dir.resolve("out");
        Run built = VigilCommandTest.run("build", "--out", out.toString(), "--k8s-namespace", "ops",
                "--k8s-label", "release=kube-prometheus-stack", "--k8s-annotation", "example.com/build=42",
                project.toString());
        assertEquals(0, built.status(), built.out() + built.err());
        String rule = Files.readString(out.resolve("kubernetes/prometheusrule-shop.yaml"));
        for (String line : List.of("  namespace: ops", "    release: kube-prometheus-stack", "    team: platform",
                "    example.com/build: '42'")) {
            assertTrue(rule.contains(line + "\n"), line + " missing from\n" + rule);
        }
        assertFalse(rule.contains("from-sources"), rule);
    }

    @Test
    void aValueKubernetesRefusesIsAUsageErrorAndNothingIsWritten() throws IOException {
        Path project = dir;
        Path out = dir.resolve("out");
        Run bad = VigilCommandTest.run("build", "--out", out.toString(), "--k8s-label", "release=kube prometheus",
                project.toString());
        assertEquals(2, bad.status(), bad.out() + bad.err());
        assertTrue(bad.err().contains("--k8s-label release=kube prometheus: a label value"), bad.err());
        assertFalse(Files.exists(out));

        Run namespace = VigilCommandTest.run("check", "--k8s-namespace", "Ops", project.toString());
        assertEquals(2, namespace.status(), namespace.out() + namespace.err());
        assertTrue(namespace.err().contains("--k8s-namespace Ops: a namespace is a DNS-1123 label"), namespace.err());

        Run pair = VigilCommandTest.run("check", "--k8s-annotation", "no-equals-sign", project.toString());
        assertEquals(2, pair.status(), pair.out() + pair.err());
        assertTrue(pair.err().contains("expected KEY=VALUE"), pair.err());
    }
}
