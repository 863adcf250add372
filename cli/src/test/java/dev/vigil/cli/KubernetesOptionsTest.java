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

/**
 * {@code --k8s-namespace}, {@code --k8s-label} and {@code --k8s-annotation}, and the kinds of objects
 * ({@code --k8s-alertmanager}, {@code --k8s-dashboards}, {@code --k8s-folder-annotation},
 * {@code --k8s-instance-selector}): over the sources, checked before the build.
 */
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

    private static final String WITH_ROUTING_AND_DASHBOARD = """
            kubernetes {
              alertmanager      AlertmanagerConfig
              folder_annotation "example.com/from-sources"
            }

            routing {
              receiver chat slack { channel "#shop" api_url_file "/etc/alertmanager/secrets/slack/api-url" }
              route default to chat
            }

            service shop {
              dashboard shop_overview "Shop" {
                uid "shop-overview"
                row "Traffic" {
                  timeseries requests "Requests" {
                    query sum(rate(http_requests_total{job="shop"}[5m]))
                  }
                }
              }
            }
            """;

    @Test
    void theKindsOfObjectsTooWinOverTheSources() throws IOException {
        Files.writeString(dir.resolve("shop.vigil"), WITH_ROUTING_AND_DASHBOARD);
        Path out = dir.resolve("out");
        Run built = VigilCommandTest.run("build", "--out", out.toString(), "--k8s-alertmanager", "ConfigMap",
                "--k8s-dashboards", "GrafanaDashboard", "--k8s-instance-selector", "team=shop",
                "--k8s-instance-selector", "dashboards=grafana", dir.toString());
        assertEquals(0, built.status(), built.out() + built.err());
        assertTrue(Files.exists(out.resolve("kubernetes/alertmanager-config.yaml")));
        assertFalse(Files.exists(out.resolve("kubernetes/alertmanagerconfig.yaml")));
        assertFalse(Files.exists(out.resolve("kubernetes/grafana-dashboard-shop-overview.yaml")));
        String dashboard = Files.readString(out.resolve("kubernetes/grafanadashboard-shop-overview.yaml"));
        assertTrue(dashboard.contains("kind: GrafanaDashboard\n"), dashboard);
        assertTrue(dashboard.contains("      dashboards: grafana\n      team: shop\n"), dashboard);

        Path sidecar = dir.resolve("sidecar");
        Run folder = VigilCommandTest.run("build", "--out", sidecar.toString(), "--k8s-folder-annotation",
                "grafana_folder", dir.toString());
        assertEquals(0, folder.status(), folder.out() + folder.err());
        assertTrue(Files.exists(sidecar.resolve("kubernetes/alertmanagerconfig.yaml")), "the sources' choice stays");
        String configMap = Files.readString(sidecar.resolve("kubernetes/grafana-dashboard-shop-overview.yaml"));
        assertTrue(configMap.contains("    grafana_folder: shop\n"), configMap);
        assertFalse(configMap.contains("from-sources"), configMap);
    }

    @Test
    void aKindThatIsNoneIsAUsageError() {
        Run kind = VigilCommandTest.run("check", "--k8s-dashboards", "GrafanaDashboards", dir.toString());
        assertEquals(2, kind.status(), kind.out() + kind.err());
        assertTrue(kind.err().contains("--k8s-dashboards GrafanaDashboards: expected `ConfigMap` or `GrafanaDashboard`"),
                kind.err());

        Run selector = VigilCommandTest.run("check", "--k8s-instance-selector", "team", dir.toString());
        assertEquals(2, selector.status(), selector.out() + selector.err());
        assertTrue(selector.err().contains("--k8s-instance-selector team: expected KEY=VALUE"), selector.err());
    }

    @Test
    void valuesAreTrimmedAndABlankOneIsUnsetAsInTheMavenGoal() throws IOException {
        Files.writeString(dir.resolve("shop.vigil"), WITH_ROUTING_AND_DASHBOARD);
        Path out = dir.resolve("out");
        Run built = VigilCommandTest.run("build", "--out", out.toString(), "--k8s-alertmanager", " ConfigMap ",
                "--k8s-dashboards", " ", "--k8s-namespace", "", "--k8s-folder-annotation", " grafana_folder\t",
                dir.toString());
        assertEquals(0, built.status(), built.out() + built.err());
        assertTrue(Files.exists(out.resolve("kubernetes/alertmanager-config.yaml")), "` ConfigMap ` is `ConfigMap`");
        String configMap = Files.readString(out.resolve("kubernetes/grafana-dashboard-shop-overview.yaml"));
        assertTrue(configMap.contains("    grafana_folder: shop\n"), configMap);
        assertFalse(configMap.contains("namespace:"), "a blank namespace sets none:\n" + configMap);
    }

    private static final String WITH_TIME_ZONE = """
            routing {
              receiver chat slack { channel "#shop" api_url_file "/etc/alertmanager/secrets/slack/api-url" }
              time_interval office_hours {
                times    ["09:00-17:00"]
                location "Europe/Berlin"
              }
              route severity >= warning to chat { active_time_intervals [office_hours] }
              route default to chat
            }

            service shop {
              group shop_rates {
                record job:http_requests:rate5m = sum by (job) (rate(http_requests_total{job="shop"}[5m]))
              }
            }
            """;

    @Test
    void whenTheCommandLineChoseTheResourceTheHintNamesTheOption() throws IOException {
        Files.writeString(dir.resolve("shop.vigil"), WITH_TIME_ZONE);
        Run refused = VigilCommandTest.run("check", "--k8s-alertmanager", "AlertmanagerConfig", dir.toString());
        assertEquals(1, refused.status(), refused.out() + refused.err());
        String output = refused.out() + refused.err();
        assertTrue(output.contains("Kubernetes.AlertmanagerConfig"), output);
        assertTrue(output.contains("pass `--k8s-alertmanager ConfigMap` instead"), output);
        assertFalse(output.contains("`alertmanager ConfigMap`"), output);
    }
}
