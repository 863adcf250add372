package dev.vigil.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.benchmarks.ProjectGenerator.Project;
import dev.vigil.benchmarks.ProjectGenerator.ServiceSpec;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.build.Build;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The oracle of template expansion: the generated project written by hand and the same project as one
 * blueprint with a {@code use} per service compile to the same outputs, byte for byte. The only
 * difference allowed is the footer that names the template in the runbooks of the blueprint's alerts.
 */
class TemplatedFleetTest {
    /** The alerts the blueprint writes per service; their runbooks carry the template footer. */
    private static final List<String> WRITTEN_ALERTS = List.of("HighErrorRate", "ClientErrorSpike", "HighLatency",
            "Down", "InstancesDown", "HighCpu", "HighMemory", "QueueBacklog", "DbPoolSaturated", "FrequentRestarts");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(ints = {3, 20})
    void expansionGivesExactlyTheHandWrittenOutputs(int services) throws Exception {
        Project project = ProjectGenerator.generate(services, ProjectGenerator.SEED);
        Map<String, byte[]> hand = emit(project.handWritten());
        Map<String, byte[]> templated = emit(project.templated());
        assertEquals(hand.keySet(), templated.keySet(), "both forms emit the same files");

        Set<String> footed = new TreeSet<>();
        for (ServiceSpec s : project.services()) {
            String footer = "\n---\n\nGenerated from template `" + ProjectGenerator.BLUEPRINT + "`, used in `" + s.name()
                    + ".vigil`: change the template, not this page.\n";
            for (String alert : WRITTEN_ALERTS) {
                String path = "runbooks/" + s.name() + "/" + s.pascal() + alert + ".md";
                assertEquals(text(hand, path) + footer, text(templated, path), path);
                footed.add(path);
            }
        }
        for (String path : hand.keySet()) {
            if (!footed.contains(path)) {
                assertEquals(text(hand, path), text(templated, path), path + " differs between the two forms");
            }
        }
        assertEquals(10 * services, footed.size());
    }

    /** The forms are equal because both are the project the generator promises, not because both are empty. */
    @Test
    void eachServiceHasItsRulesAlertsSlosAndDashboard() throws Exception {
        Project project = ProjectGenerator.generate(3, ProjectGenerator.SEED);
        Map<String, byte[]> files = emit(project.templated());
        for (ServiceSpec s : project.services()) {
            Map<String, Object> rules = new Yaml().load(text(files, "prometheus/rules/" + s.name() + ".rules.yml"));
            List<Map<String, Object>> groups = list(rules.get("groups"));
            assertEquals(10, rulesOf(groups, s.name() + "_recording").stream().filter(r -> r.containsKey("record")).count());
            List<Map<String, Object>> alerts = rulesOf(groups, s.name() + "_alerts");
            assertEquals(10, alerts.size());
            for (Map<String, Object> a : alerts) {
                Map<?, ?> annotations = (Map<?, ?>) a.get("annotations");
                assertTrue(annotations.keySet().containsAll(List.of("summary", "description", "runbook_url",
                        "dashboard_url")), a.get("alert") + " has " + annotations.keySet());
            }
            // Two SLOs: each has its SLI group and its burn-rate alerts.
            for (String slo : List.of("availability", "latency")) {
                assertFalse(rulesOf(groups, "slo:" + s.name() + ":" + slo + ":sli").isEmpty(), slo);
                assertEquals(2, rulesOf(groups, "slo:" + s.name() + ":" + slo + ":alerts").size(), slo);
            }
            JsonNode dashboard = JSON.readTree(files.get("grafana/dashboards/" + s.name().replace('_', '-') + "-overview.json"));
            int panels = 0;
            for (JsonNode p : dashboard.get("panels")) {
                panels += p.get("type").asText().equals("row") ? 0 : 1;
            }
            assertEquals(12, panels, s.name());
        }
        assertTrue(text(files, "alertmanager/alertmanager.yml").contains("shop_pager"));
    }

    @Test
    void theSameSeedGivesTheSameProjectAndAnotherSeedAnother() {
        Project a = ProjectGenerator.generate(20, ProjectGenerator.SEED);
        Project b = ProjectGenerator.generate(20, ProjectGenerator.SEED);
        assertEquals(texts(a.handWritten()), texts(b.handWritten()));
        assertEquals(texts(a.templated()), texts(b.templated()));
        assertNotEquals(texts(a.templated()), texts(ProjectGenerator.generate(20, 16).templated()));
    }

    /** Past the 320 names of the word lists, services get a numbered cell; names stay unique. */
    @Test
    void largeFleetsKeepUniqueNames() {
        List<ServiceSpec> services = ProjectGenerator.services(700, ProjectGenerator.SEED);
        assertEquals(700, services.stream().map(ServiceSpec::name).distinct().count());
        assertEquals(700, services.stream().map(ServiceSpec::pascal).distinct().count());
        assertTrue(services.stream().anyMatch(s -> s.name().endsWith("_3")));
    }

    private static Map<String, byte[]> emit(List<SourceFile> sources) {
        CompileResult r = Compiler.compile(sources);
        List<String> errors = r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
        assertEquals(List.of(), errors);
        return Build.emit(r.project().orElseThrow(), EmitSettings.DEFAULT).files();
    }

    private static String text(Map<String, byte[]> files, String path) {
        byte[] content = files.get(path);
        assertTrue(content != null, "no " + path);
        return new String(content, StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<SourceFile> files) {
        List<String> out = new ArrayList<>();
        files.forEach(f -> out.add(f.path() + "\n" + f.text()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static List<Map<String, Object>> rulesOf(List<Map<String, Object>> groups, String name) {
        return groups.stream().filter(g -> name.equals(g.get("name"))).findFirst().map(g -> list(g.get("rules")))
                .orElse(List.of());
    }
}
