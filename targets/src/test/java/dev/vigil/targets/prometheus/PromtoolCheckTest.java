package dev.vigil.targets.prometheus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Project;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.tools.Tool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real promtool accepts every generated rules file. */
class PromtoolCheckTest {
    @Test
    void promtoolAcceptsTheCrmEventsRules(@TempDir Path tmp) throws Exception {
        Tool promtool = Tool.require("promtool");
        Project project = PrometheusRulesEmitterTest.sample("crm-events");
        OutputManifest out = new OutputManifest();
        new PrometheusRulesEmitter().emit(project, EmitSettings.DEFAULT, out);
        OutputDirectory.commit(out, tmp);
        Tool.Result r = promtool.run(List.of("check", "rules", tmp.resolve("prometheus/rules/crm_events.rules.yml").toString()));
        assertTrue(r.ok(), r.report());
        assertTrue(r.stdout().contains("SUCCESS: 7 rules found"), r.report());
    }
}
