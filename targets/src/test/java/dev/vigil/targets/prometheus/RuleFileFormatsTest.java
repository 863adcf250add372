package dev.vigil.targets.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Project;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.tools.Tool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PrometheusRule and the Mimir namespace file carry exactly the rule file's groups, which promtool accepts. */
class RuleFileFormatsTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(OutputManifest out, String path) {
        return (Map<String, Object>) Yaml.load(new String(out.read(path), StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesAndMimirFilesHoldTheSameGroups(@TempDir Path tmp) throws Exception {
        Project project = PrometheusRulesEmitterTest.sample("crm-events");
        OutputManifest out = Build.emit(project, EmitSettings.DEFAULT);
        Object groups = load(out, "prometheus/rules/crm_events.rules.yml").get("groups");

        Map<String, Object> rule = load(out, "kubernetes/prometheusrule-crm-events.yaml");
        assertEquals("monitoring.coreos.com/v1", rule.get("apiVersion"));
        assertEquals("PrometheusRule", rule.get("kind"));
        assertEquals("crm-events", ((Map<String, Object>) rule.get("metadata")).get("name"));
        assertEquals(groups, ((Map<String, Object>) rule.get("spec")).get("groups"));

        Map<String, Object> mimir = load(out, "mimir/rules/crm_events.yml");
        assertEquals("crm_events", mimir.get("namespace"));
        assertEquals(groups, mimir.get("groups"));

        // What the operator and the ruler load is a valid rule file.
        Tool promtool = Tool.require("promtool");
        Path spec = tmp.resolve("spec.yml");
        Files.writeString(spec, Yaml.dump(Map.of("groups", ((Map<String, Object>) rule.get("spec")).get("groups"))));
        Tool.Result r = promtool.run(List.of("check", "rules", spec.toString()));
        assertTrue(r.ok(), r.report());
    }

    @Test
    void objectNamesFollowKubernetesRules() {
        assertEquals("crm-events", dev.vigil.compiler.model.Service.kubernetesName("crm_events"));
        assertEquals("a-b", dev.vigil.compiler.model.Service.kubernetesName("__A..b__"));
        assertEquals(63, dev.vigil.compiler.model.Service.kubernetesName("x".repeat(80)).length());
    }
}
