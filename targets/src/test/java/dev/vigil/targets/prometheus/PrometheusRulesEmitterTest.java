package dev.vigil.targets.prometheus;

import dev.vigil.targets.Repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Yaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusRulesEmitterTest {
    static final Path REPO = Repo.root();

    static Project sample(String name) throws Exception {
        CompileResult r = Compiler.fromWorkingDirectory().check(List.of(REPO.resolve("samples").resolve(name)));
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    static String emit(Project p, String path) {
        OutputManifest out = new OutputManifest();
        new PrometheusRulesEmitter().emit(p, EmitSettings.DEFAULT, out);
        return new String(out.read(path), StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCrmEventsRulesCarryTheSeedsRulesWithConstantsSubstituted() throws Exception {
        String text = emit(sample("crm-events"), "prometheus/rules/crm_events.rules.yml");
        Map<String, Object> doc = (Map<String, Object>) Yaml.load(text);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) doc.get("groups");
        assertEquals("crm_events_lag_capacity", groups.get(0).get("name"));
        assertEquals("30s", groups.get(0).get("interval"));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) groups.get(0).get("rules");
        Map<String, Object> skew = rules.stream().filter(r -> "CrmEventsHotKeySkewHigh".equals(r.get("alert"))).findFirst().orElseThrow();
        assertEquals("kafka:group_skew_ratio{consumergroup=\"crm-events-sse\"} > 4", skew.get("expr"));
        assertEquals("12m", skew.get("for"));
        assertEquals(Map.of("app", "crm-events", "service", "crm_events", "team", "platform", "severity", "warning"),
                skew.get("labels"));
        Map<String, String> annotations = (Map<String, String>) skew.get("annotations");
        assertEquals("Kafka hot-key skew high (>{{ $value | humanize }}x)", annotations.get("summary"));
        // The sample publishes a catalogue, so the runbook is the alert's page there, not the service's Markdown.
        assertEquals("https://monitoring.example.com/crm-events/alerts/crmeventshotkeyskewhigh/",
                annotations.get("runbook_url"));
        assertTrue(annotations.get("dashboard_url").startsWith("https://grafana.example.com/d/crm-events-pipeline"));
        // Multi-line PromQL is a literal block scalar.
        assertTrue(text.contains("expr: |-\n"), text);
    }

    @Test
    void outputIsByteIdenticalAcrossRuns() throws Exception {
        assertEquals(emit(sample("crm-events"), "prometheus/rules/crm_events.rules.yml"),
                emit(sample("crm-events"), "prometheus/rules/crm_events.rules.yml"));
    }
}
