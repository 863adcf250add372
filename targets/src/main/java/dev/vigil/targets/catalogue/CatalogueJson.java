package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.Slo;
import dev.vigil.compiler.promql.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code catalogue.json}: what the pages show, for tools: every page, alert, service and SLO with its URL. */
final class CatalogueJson {
    private CatalogueJson() {
    }

    static String of(Site site, List<Page> pages) {
        Map<String, Object> root = CatalogueEmitter.map();
        root.put("title", site.catalogue().title());
        root.put("base_url", site.catalogue().baseUrl());
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Site.AlertEntry e : site.alerts()) {
            Map<String, Object> m = CatalogueEmitter.map();
            m.put("name", e.alert().name());
            m.put("url", site.catalogue().url(Links.alertPage(e.alert().name())));
            m.put("page", Links.alertPage(e.alert().name()));
            m.put("service", e.service().name());
            m.put("group", e.group().name());
            m.put("severity", e.alert().severity() == null ? null : e.alert().severity().name());
            m.put("summary", e.alert().summary());
            m.put("for", e.alert().forMillis() > 0 ? Durations.format(e.alert().forMillis()) : null);
            m.put("labels", e.alert().labels());
            m.put("aliases", e.alert().runbook().aliases().stream().map(a -> ordered("name", a.name(),
                    "page", Links.alertPage(a.name()))).toList());
            m.put("source", site.source(e.alert().span()));
            alerts.add(m);
        }
        root.put("alerts", alerts);
        List<Map<String, Object>> services = new ArrayList<>();
        for (Service s : site.project().services()) {
            Map<String, Object> m = CatalogueEmitter.map();
            m.put("name", s.name());
            m.put("page", Links.servicePage(s.name()));
            m.put("team", s.team());
            m.put("alerts", site.alertsOf(s).stream().map(e -> e.alert().name()).toList());
            List<Map<String, Object>> slos = new ArrayList<>();
            for (Slo slo : s.slos()) {
                Map<String, Object> sm = CatalogueEmitter.map();
                sm.put("name", slo.name());
                sm.put("page", Links.sloPage(s.name(), slo.name()));
                sm.put("objective", OtherPages.objective(slo));
                slos.add(sm);
            }
            m.put("slos", slos);
            services.add(m);
        }
        root.put("services", services);
        root.put("pages", pages.stream().map(p -> ordered("path", p.path(), "title", p.title(),
                "kind", p.kind().name().toLowerCase(java.util.Locale.ROOT))).toList());
        return CatalogueEmitter.json(root);
    }

    /** A JSON object with its keys in the order given (Map.of's order changes from run to run). */
    private static Map<String, Object> ordered(String... pairs) {
        Map<String, Object> m = CatalogueEmitter.map();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
