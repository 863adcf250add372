package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The search index as a script that sets one global, so that the search page works from {@code file://},
 * where a page may not fetch a JSON file. Entries are the alerts, then services; {@code site.js} ranks an
 * exact name first.
 */
final class SearchIndex {
    private SearchIndex() {
    }

    static String script(Site site) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Site.AlertEntry e : site.alerts()) {
            Map<String, Object> m = CatalogueEmitter.map();
            m.put("name", e.alert().name());
            m.put("path", Links.alertPage(e.alert().name()));
            m.put("kind", "alert");
            m.put("service", e.service().name());
            m.put("severity", e.alert().severity() == null ? "" : e.alert().severity().name());
            m.put("summary", e.alert().summary() == null ? "" : e.alert().summary());
            m.put("aliases", e.alert().runbook().aliases().stream().map(a -> a.name()).toList());
            entries.add(m);
        }
        for (Service s : site.project().services()) {
            Map<String, Object> m = CatalogueEmitter.map();
            m.put("name", s.name());
            m.put("path", Links.servicePage(s.name()));
            m.put("kind", "service");
            m.put("service", s.name());
            m.put("severity", "");
            m.put("summary", s.team() == null ? "" : "team " + s.team());
            m.put("aliases", List.of());
            entries.add(m);
        }
        // JSON is a JavaScript expression; `<` is escaped by the writer's Unicode escapes below.
        String json = CatalogueEmitter.json(entries).strip().replace("<", "\\u003c");
        return "window.VIGIL_SEARCH = " + json + ";\n";
    }
}
