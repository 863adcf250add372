package dev.vigil.compiler.model;

import java.util.ArrayList;
import java.util.HashMap;
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

    /** Each service's dashboards by name. */
    private final Map<String, Map<String, Dashboard>> byService;
    /** The services declaring each dashboard name, sorted so candidates are listed in a stable order. */
    private final Map<String, List<String>> having;
    private final Map<String, Service> services;

    private DashboardNames(Map<String, Map<String, Dashboard>> byService, Map<String, List<String>> having,
            Map<String, Service> services) {
        this.byService = byService;
        this.having = having;
        this.services = services;
    }

    /** Built once per project and asked per reference: building it reads every service. */
    public static DashboardNames of(List<Service> services) {
        Map<String, Map<String, Dashboard>> byService = new TreeMap<>();
        Map<String, List<String>> having = new HashMap<>();
        Map<String, Service> byName = new HashMap<>();
        for (Service s : services) {
            byName.putIfAbsent(s.name(), s);
            Map<String, Dashboard> own = byService.computeIfAbsent(s.name(), k -> new LinkedHashMap<>());
            // A duplicate name within a service is Name.Duplicate's; the first one stands.
            s.dashboards().forEach(d -> own.putIfAbsent(d.name(), d));
        }
        byService.forEach((service, dashboards) -> dashboards.keySet()
                .forEach(name -> having.computeIfAbsent(name, k -> new ArrayList<>()).add(service)));
        return new DashboardNames(byService, having, byName);
    }

    /** The service of that name (the first, when a name is declared twice), or null. */
    public Service service(String name) {
        return services.get(name);
    }

    /** The dashboard {@code name} means in service {@code from}. */
    public Resolution resolve(String from, String name) {
        Dashboard own = byService.getOrDefault(from, Map.of()).get(name);
        if (own != null) {
            return new Found(from, own);
        }
        List<String> having = this.having.getOrDefault(name, List.of());
        if (having.isEmpty()) {
            return new Missing();
        }
        if (having.size() > 1) {
            return new Ambiguous(having);
        }
        return new Found(having.get(0), byService.get(having.get(0)).get(name));
    }
}
