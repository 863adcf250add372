package dev.vigil.compiler.importer.registry;

import dev.vigil.compiler.importer.Importer;
import dev.vigil.compiler.importer.alertmanager.AlertmanagerImporter;
import dev.vigil.compiler.importer.grafana.GrafanaImporter;
import dev.vigil.compiler.importer.rules.PrometheusRulesImporter;
import dev.vigil.compiler.importer.slo.OpenSloImporter;
import dev.vigil.compiler.importer.slo.PyrraImporter;
import dev.vigil.compiler.importer.slo.SlothImporter;
import java.util.List;

/**
 * Every importer {@code vigil import} runs, in the order they are asked whether they recognise a
 * document (the first that does translates it). Add an importer here, and only here. The list lives in
 * a package of its own so that the framework in {@code importer} never depends on the importers.
 */
public final class Importers {
    private Importers() {
    }

    public static List<Importer> all() {
        return List.of(
                new PrometheusRulesImporter(),
                new AlertmanagerImporter(),
                new SlothImporter(),
                new PyrraImporter(),
                new OpenSloImporter(),
                new GrafanaImporter());
    }
}
