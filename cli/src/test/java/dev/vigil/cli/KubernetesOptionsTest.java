package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.VigilCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void theCommandLineWinsOverTheSources() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("shop.vigil"), PROJECT);
        Path out = dir.resolve("out");
        Run built = VigilCommandTest.run("build", "--out", out.toString(), "--k8s-namespace", "ops",
                "--k8s-label", "release=kube-prometheus-stack", "--k8s-annotation", "example.com/build=42",
                project.toString());
        assertEquals(0, built.status(), built.out() + built.err());
        String rule = Files.readString(out.resolve("kubernetes/prometheusrule-shop.yaml"));
        assertTrue(rule.contains("  namespace: ops\n"), rule);
        assertTrue(rule.contains("    release: kube-prometheus-stack\n"), rule);
        assertTrue(rule.contains("    team: platform\n"), rule);
        assertTrue(rule.contains("    example.com/build: '42'\n"), rule);
        assertFalse(rule.contains("from-sources"), rule);
    }

    @Test
    void aValueKubernetesRefusesIsAUsageErrorAndNothingIsWritten() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("shop.vigil"), PROJECT);
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
