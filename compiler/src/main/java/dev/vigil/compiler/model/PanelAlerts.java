package dev.vigil.compiler.model;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The alerts whose {@code panel} names each panel, decided once for the Grafana output (which draws their firing
 * periods there) and the catalogue (which lists them under the panel). The dashboard name resolves from the
 * alert's service as {@link DashboardNames} says; an ambiguous or unknown one is reported and counts nowhere.
 */
public final class PanelAlerts {
    /** A panel of a dashboard of a service: the dashboard by its name, as references write it. */
    public record Key(String service, String dashboard, String panel) {
    }

    private final Map<Key, SortedSet<String>> byPanel;

    private PanelAlerts(Map<Key, SortedSet<String>> byPanel) {
        this.byPanel = byPanel;
    }

    /** From each alert and the name of the service that declares it. */
    public static <T> PanelAlerts of(Collection<T> alerts, Function<T, Rule.Alert> alert, Function<T, String> service,
            DashboardNames dashboards) {
        Map<Key, SortedSet<String>> out = new HashMap<>();
        for (T t : alerts) {
            Rule.Alert a = alert.apply(t);
            Ref panel = a.panel();
            if (panel != null && panel.kind() == Ref.Kind.PANEL && panel.member() != null
                    && dashboards.resolve(service.apply(t), panel.name()) instanceof DashboardNames.Found f) {
                out.computeIfAbsent(new Key(f.service(), panel.name(), panel.member()), k -> new TreeSet<>())
                        .add(a.name());
            }
        }
        out.replaceAll((k, v) -> Collections.unmodifiableSortedSet(v));
        return new PanelAlerts(Map.copyOf(out));
    }

    /** The names of the alerts that name this panel, sorted. */
    public SortedSet<String> naming(String service, String dashboard, String panel) {
        return byPanel.getOrDefault(new Key(service, dashboard, panel), Collections.emptySortedSet());
    }
}
