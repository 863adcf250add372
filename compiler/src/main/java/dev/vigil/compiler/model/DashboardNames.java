package dev.vigil.compiler.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which dashboard a name means where a service's dashboard or alert writes it ({@code link "t" to NAME},
 * {@code panel NAME.p}): the service's own dashboard first, else the one other service that has it. Dashboard
 * names are unique only within a service, so a name several other services share is ambiguous. The checks and
 * the Grafana emitter resolve through this one rule, so what passes the check is what is drawn.
 */
public final class DashboardNames {
    /** What a name resolves to. */
    public sealed interface Resolution {
    }

    /** The dashboard {@code dashboard} of service {@code service}. */
    public record Found(String service, Dashboard dashboard) implements Resolution {
    }

    /** No service has a dashboard by that name. */
    public record Missing() implements Resolution {
    }

    /** The own service has none, and these services (sorted) each have one. */
    public record Ambiguous(List<String> services) implements Resolution {
        public Ambiguous {
            services = List.copyOf(services);
        }
    }

    /** Each service's dashboards by name; services sorted so candidates are listed in a stable order. */
    private final Map<String, Map<String, Dashboard>> byService;

    private DashboardNames(Map<String, Map<String, Dashboard>> byService) {
        this.byService = byService;
    }

    public static DashboardNames of(List<Service> services) {
        Map<String, Map<String, Dashboard>> byService = new TreeMap<>();
        for (Service s : services) {
            Map<String, Dashboard> own = byService.computeIfAbsent(s.name(), k -> new LinkedHashMap<>());
            // A duplicate name within a service is Name.Duplicate's; the first one stands.
            s.dashboards().forEach(d -> own.putIfAbsent(d.name(), d));
        }
        return new DashboardNames(byService);
    }

    /** The dashboard {@code name} means in service {@code from}. */
    public Resolution resolve(String from, String name) {
        Dashboard own = byService.getOrDefault(from, Map.of()).get(name);
        if (own != null) {
            return new Found(from, own);
        }
        List<String> having = new ArrayList<>();
        byService.forEach((service, dashboards) -> {
            if (dashboards.containsKey(name)) {
                having.add(service);
            }
        });
        if (having.isEmpty()) {
            return new Missing();
        }
        if (having.size() > 1) {
            return new Ambiguous(having);
        }
        return new Found(having.get(0), byService.get(having.get(0)).get(name));
    }
}
