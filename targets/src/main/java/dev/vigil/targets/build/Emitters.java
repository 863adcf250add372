package dev.vigil.targets.build;

import dev.vigil.targets.Emitter;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.catalogue.CatalogueEmitter;
import dev.vigil.targets.grafana.GrafanaEmitter;
import dev.vigil.targets.prometheus.KubernetesRulesEmitter;
import dev.vigil.targets.prometheus.MimirRulesEmitter;
import dev.vigil.targets.prometheus.PrometheusRulesEmitter;
import dev.vigil.targets.prometheus.PrometheusTestsEmitter;
import dev.vigil.targets.runbook.RunbookEmitter;
import dev.vigil.targets.runbook.SloRunbookEmitter;
import java.util.List;

/** The emitters of a full build, in the order they run (the order does not change the output). */
public final class Emitters {
    private Emitters() {
    }

    public static List<Emitter> all() {
        return List.of(new PrometheusRulesEmitter(), new PrometheusTestsEmitter(), new KubernetesRulesEmitter(),
                new MimirRulesEmitter(), new AlertmanagerEmitter(), new GrafanaEmitter(), new RunbookEmitter(),
                new SloRunbookEmitter(), new CatalogueEmitter());
    }
}
