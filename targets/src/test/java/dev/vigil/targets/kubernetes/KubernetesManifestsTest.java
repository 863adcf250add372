package dev.vigil.targets.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.KubernetesSyntax;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Repo;
import dev.vigil.targets.build.Build;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Kubernetes manifest Vigil writes, for every sample and for projects that set metadata, is
 * accepted by the oracle of {@code testdata/kubernetes}: the CRD or ConfigMap schema in strict mode,
 * apiVersion and kind, ObjectMeta, and the size limits; and the oracle refuses what a cluster refuses.
 */
class KubernetesManifestsTest {
    private static KubernetesSchemas schemas;

    @BeforeAll
    static void load() {
        schemas = KubernetesSchemas.load();
    }

    /** Every document of every {@code kubernetes/} file, by path. */
    static Map<String, List<JsonNode>> manifests(Project project) {
        OutputManifest out = Build.emit(project, EmitSettings.DEFAULT);
        Map<String, List<JsonNode>> found = new TreeMap<>();
        out.files().forEach((path, bytes) -> {
            if (path.startsWith("kubernetes/")) {
                found.put(path, KubernetesSchemas.documents(new String(bytes, StandardCharsets.UTF_8)));
            }
        });
        return found;
    }

    private static int assertValid(Project project) {
        int objects = 0;
        for (Map.Entry<String, List<JsonNode>> e : manifests(project).entrySet()) {
            assertEquals(1, e.getValue().size(), e.getKey() + " should hold one object");
            for (JsonNode o : e.getValue()) {
                assertEquals(List.of(), schemas.problems(o), e.getKey());
                objects++;
            }
        }
        return objects;
    }

    @TestFactory
    Stream<DynamicTest> everySampleManifestIsValid() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Repo.root().resolve("samples"))) {
            samples = s.filter(p -> Files.isDirectory(p.resolve("src/main/vigil"))).sorted().toList();
        }
        assertTrue(samples.size() >= 6, "samples: " + samples);
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> {
            CompileResult r = Compiler.fromWorkingDirectory().check(List.of(s.resolve("src/main/vigil")));
            Project p = r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
            assertTrue(assertValid(p) > 0, s + " wrote no Kubernetes object");
        }));
    }

    /** The opt-ins to the operators' resources, added to a copy of each sample. */
    static final String OPERATOR_RESOURCES = """
            kubernetes {
              alertmanager      AlertmanagerConfig
              dashboards        GrafanaDashboard
              instance_selector ["dashboards=grafana"]
            }
            """;

    /**
     * Each sample with {@link #OPERATOR_RESOURCES}: its AlertmanagerConfig and GrafanaDashboards are
     * accepted by the oracle too, or, where its routing needs what the CRD lacks, `vigil check` says so.
     */
    @TestFactory
    Stream<DynamicTest> everySampleAsOperatorResourcesIsValid(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Repo.root().resolve("samples"))) {
            samples = s.filter(p -> Files.isDirectory(p.resolve("src/main/vigil"))).sorted().toList();
        }
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> {
            Path copy = tmp.resolve(s.getFileName().toString());
            Path sources = s.resolve("src/main/vigil");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path to = copy.resolve(sources.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
            Files.writeString(copy.resolve("zz-operator-resources.vigil"), OPERATOR_RESOURCES);
            CompileResult r = Compiler.fromWorkingDirectory().check(List.of(copy));
            if (r.project().isEmpty()) {
                assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("Kubernetes.AlertmanagerConfig")),
                        r.diagnostics().toString());
                return;
            }
            Project p = r.project().get();
            Map<String, List<JsonNode>> m = manifests(p);
            assertTrue(m.keySet().stream().noneMatch(k -> k.startsWith("kubernetes/grafana-dashboard-")
                    || k.equals("kubernetes/alertmanager-config.yaml")), m.keySet().toString());
            if (!p.routing().routes().isEmpty()) {
                assertEquals("AlertmanagerConfig", only(m, "kubernetes/alertmanagerconfig.yaml").path("kind").asText());
            }
            assertTrue(assertValid(p) > 0, s + " wrote no Kubernetes object");
        }));
    }

    static final String METADATA = """
            kubernetes {
              namespace "monitoring"
              labels { release = "kube-prometheus-stack", "example.com/team" = "platform" }
              annotations { "example.com/owner" = "Platform team <platform@example.com>" }
            }

            service shop {
              kubernetes {
                namespace "shop"
                labels { "example.com/team" = "shop", tier = "gold" }
              }
              group shop_alerts {
                alert ShopDown { when up{job="shop"} == 0  for 5m  severity warning  summary "The shop is down" }
              }
              dashboard shop_overview "Shop" {
                timeseries up "Up" { query up{job="shop"} }
              }
            }

            service billing {
              group billing_alerts {
                alert BillingDown { when up{job="billing"} == 0  for 5m  severity warning  summary "Billing is down" }
              }
            }

            routing {
              receiver ops webhook { url_file "/etc/alertmanager/secrets/ops" }
              route default to ops
            }
            """;

    private static Project compile(String source, CompileOptions options) {
        CompileResult r = Compiler.compile(List.of(new SourceFile("k8s.vigil", source)), options);
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    private static JsonNode only(Map<String, List<JsonNode>> manifests, String path) {
        assertTrue(manifests.containsKey(path), path + " not among " + manifests.keySet());
        return manifests.get(path).get(0);
    }

    @Test
    void serviceMetadataExtendsTheProjectsAndTheBuildsWins() {
        Project plain = compile(METADATA, CompileOptions.DEFAULT);
        assertTrue(assertValid(plain) >= 4);
        Map<String, List<JsonNode>> m = manifests(plain);

        JsonNode shop = only(m, "kubernetes/prometheusrule-shop.yaml").path("metadata");
        assertEquals("shop", shop.path("namespace").asText());
        assertEquals(Map.of("app.kubernetes.io/managed-by", "vigil", "release", "kube-prometheus-stack",
                "example.com/team", "shop", "tier", "gold", "vigil.dev/service", "shop"), strings(shop.path("labels")));
        assertEquals(Map.of("example.com/owner", "Platform team <platform@example.com>"), strings(shop.path("annotations")));

        JsonNode billing = only(m, "kubernetes/prometheusrule-billing.yaml").path("metadata");
        assertEquals("monitoring", billing.path("namespace").asText());
        assertEquals("platform", billing.path("labels").path("example.com/team").asText());

        JsonNode dashboard = only(m, "kubernetes/grafana-dashboard-shop-shop-overview.yaml").path("metadata");
        assertEquals("shop", dashboard.path("namespace").asText());
        assertEquals("1", dashboard.path("labels").path("grafana_dashboard").asText());
        assertEquals("gold", dashboard.path("labels").path("tier").asText());

        JsonNode alertmanager = only(m, "kubernetes/alertmanager-config.yaml").path("metadata");
        assertEquals("monitoring", alertmanager.path("namespace").asText());
        assertTrue(alertmanager.path("labels").path("tier").isMissingNode(), "a service's labels stay on its objects");

        Project built = compile(METADATA, CompileOptions.DEFAULT.withKubernetes(KubernetesSyntax.fromBuild("ops",
                List.of("release=prod", "app.kubernetes.io/managed-by=ci"), List.of("example.com/build=42"),
                "--k8s-namespace", "--k8s-label", "--k8s-annotation")));
        assertTrue(assertValid(built) >= 4);
        for (List<JsonNode> docs : manifests(built).values()) {
            JsonNode meta = docs.get(0).path("metadata");
            assertEquals("ops", meta.path("namespace").asText(), meta.toString());
            assertEquals("prod", meta.path("labels").path("release").asText());
            assertEquals("ci", meta.path("labels").path(dev.vigil.compiler.model.KubernetesMetadata.MANAGED_BY).asText());
            assertEquals("42", meta.path("annotations").path("example.com/build").asText());
        }
    }

    @Test
    void dashboardsCarryTheirServiceAsFolderAsConfigMapsOrGrafanaDashboards() {
        JsonNode sidecar = only(manifests(compile(METADATA, CompileOptions.DEFAULT)),
                "kubernetes/grafana-dashboard-shop-shop-overview.yaml").path("metadata");
        assertEquals("shop", sidecar.path("annotations").path("grafana_folder").asText());

        Project renamed = compile("kubernetes { folder_annotation \"example.com/folder\" }\n" + METADATA,
                CompileOptions.DEFAULT);
        JsonNode annotations = only(manifests(renamed), "kubernetes/grafana-dashboard-shop-shop-overview.yaml")
                .path("metadata").path("annotations");
        assertEquals("shop", annotations.path("example.com/folder").asText());
        assertTrue(annotations.path("grafana_folder").isMissingNode());

        Project operator = compile("kubernetes {\n  dashboards GrafanaDashboard\n  instance_selector [\"team=shop\"]\n}\n"
                + METADATA, CompileOptions.DEFAULT);
        assertTrue(assertValid(operator) >= 4);
        Map<String, List<JsonNode>> m = manifests(operator);
        assertTrue(m.keySet().stream().noneMatch(k -> k.startsWith("kubernetes/grafana-dashboard-")), m.keySet().toString());
        JsonNode dashboard = only(m, "kubernetes/grafanadashboard-shop-shop-overview.yaml");
        assertEquals("GrafanaDashboard", dashboard.path("kind").asText());
        assertEquals("shop", dashboard.path("metadata").path("namespace").asText());
        assertEquals(Map.of("team", "shop"), strings(dashboard.path("spec").path("instanceSelector").path("matchLabels")));
        assertEquals("shop", dashboard.path("spec").path("folder").asText());
        assertTrue(dashboard.path("spec").path("json").asText().contains("\"uid\": \"shop-shop-overview\""));
    }

    @Test
    void withoutMetadataObjectsHaveNoNamespaceAndVigilsLabels() {
        Project p = compile(METADATA.substring(METADATA.indexOf("service billing")), CompileOptions.DEFAULT);
        JsonNode meta = only(manifests(p), "kubernetes/prometheusrule-billing.yaml").path("metadata");
        assertTrue(meta.path("namespace").isMissingNode());
        assertTrue(meta.path("annotations").isMissingNode());
        assertEquals(Map.of("app.kubernetes.io/managed-by", "vigil", "vigil.dev/service", "billing"), strings(meta.path("labels")));
    }

    @Test
    void theOracleRefusesWhatAClusterRefuses() {
        JsonNode rule = only(manifests(compile(METADATA, CompileOptions.DEFAULT)), "kubernetes/prometheusrule-shop.yaml");
        assertEquals(List.of(), schemas.problems(rule));

        ObjectNode wrongVersion = rule.deepCopy();
        wrongVersion.put("apiVersion", "monitoring.coreos.com/v1beta1");
        assertTrue(schemas.problems(wrongVersion).stream().anyMatch(p -> p.contains("expected apiVersion")));

        ObjectNode misspelled = rule.deepCopy();
        ((ObjectNode) misspelled.path("spec")).set("group", misspelled.path("spec").path("groups"));
        ((ObjectNode) misspelled.path("spec")).remove("groups");
        assertTrue(!schemas.problems(misspelled).isEmpty(), "an unknown field passes: the schema is not closed");

        ObjectNode badDuration = rule.deepCopy();
        ((ObjectNode) badDuration.path("spec").path("groups").get(0).path("rules").get(0)).put("for", "5 minutes");
        assertTrue(!schemas.problems(badDuration).isEmpty(), "a bad duration passes");

        ObjectNode badNamespace = rule.deepCopy();
        ((ObjectNode) badNamespace.path("metadata")).put("namespace", "Shop_NS");
        assertTrue(schemas.problems(badNamespace).stream().anyMatch(p -> p.startsWith("metadata")), "ObjectMeta unchecked");

        ObjectNode bigAnnotations = rule.deepCopy();
        ((ObjectNode) bigAnnotations.path("metadata").path("annotations")).put("example.com/big", "x".repeat(262_144));
        assertTrue(schemas.problems(bigAnnotations).stream().anyMatch(p -> p.startsWith("annotations")));

        JsonNode configMap = only(manifests(compile(METADATA, CompileOptions.DEFAULT)),
                "kubernetes/grafana-dashboard-shop-shop-overview.yaml");
        assertEquals(List.of(), schemas.problems(configMap));
        ObjectNode bigData = configMap.deepCopy();
        ((ObjectNode) bigData.path("data")).put("more.json", "x".repeat(1024 * 1024));
        assertTrue(schemas.problems(bigData).stream().anyMatch(p -> p.startsWith("data")));
        ObjectNode badLabel = configMap.deepCopy();
        ((ObjectNode) badLabel.path("metadata").path("labels")).put("release", "kube prometheus");
        assertTrue(!schemas.problems(badLabel).isEmpty(), "a label value with a space passes");
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
