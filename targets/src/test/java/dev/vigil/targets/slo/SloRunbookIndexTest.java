package dev.vigil.targets.slo;

import dev.vigil.targets.Repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.Service;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The runbook index of a service with SLOs links every burn-rate alert to a runbook the build wrote. */
class SloRunbookIndexTest {
    private static final Path REPO = Repo.root();

    @Test
    void everyBurnRateAlertIsListedWithAWorkingLink() throws Exception {
        CompileResult r = Compiler.fromWorkingDirectory().check(List.of(REPO.resolve("samples/aurigraph/src/main/vigil")));
        Project project = r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
        Map<String, byte[]> files = Build.emit(project, EmitSettings.DEFAULT).files();
        for (Service service : project.services()) {
            String dir = "runbooks/" + OutputManifest.safeSegment(service.name()) + "/";
            String index = new String(files.get(dir + "README.md"), StandardCharsets.UTF_8);
            String section = index.substring(index.indexOf("## SLO burn-rate alerts"));
            List<String> linked = new ArrayList<>();
            Matcher m = Pattern.compile("\\[(\\w+)]\\(<([^>]+)>\\)").matcher(section);
            while (m.find()) {
                linked.add(m.group(1));
                assertTrue(files.containsKey(dir + m.group(2)), "the index links to a missing runbook " + m.group(2));
            }
            List<String> alerts = new ArrayList<>();
            service.groups().forEach(g -> g.rules().forEach(rule -> {
                if (rule instanceof Rule.Alert a && a.origin() instanceof Origin.FromSlo from && from.burn() != null) {
                    alerts.add(a.name());
                }
            }));
            assertEquals(alerts, linked);
        }
    }
}
