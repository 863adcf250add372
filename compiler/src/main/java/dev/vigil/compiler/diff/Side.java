package dev.vigil.compiler.diff;

import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.routing.AlertRouting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One side of a diff: a lowered project indexed by the names the report pairs objects by. Alert
 * names are unique in a project; recording rules are paired by service, name and occurrence.
 */
final class Side {
    /** An alert with the service and group it is in. */
    record AlertAt(Service service, RuleGroup group, Rule.Alert alert) {
        boolean generated() {
            return !(alert.origin() instanceof Origin.Written);
        }
    }

    /** A recording rule with where it is. */
    record RecordingAt(Service service, RuleGroup group, Rule.Recording rule) {
    }

    final Project project;
    final SortedMap<String, Service> services = new TreeMap<>();
    final SortedMap<String, AlertAt> alerts = new TreeMap<>();
    /** Per service, written recording rules by {@code name} or {@code name#n} for the n-th repeat. */
    final Map<String, LinkedHashMap<String, RecordingAt>> recordings = new HashMap<>();
    private final Map<String, Map<String, Constant>> scopes = new HashMap<>();
    private final Map<String, TreeSet<String>> receivers = new HashMap<>();
    private final AlertRouting routing;

    Side(Project project) {
        this.project = project;
        this.routing = AlertRouting.of(project);
        for (Service s : project.services()) {
            services.put(s.name(), s);
            scopes.put(s.name(), QueryText.scope(project, s));
            LinkedHashMap<String, RecordingAt> records = new LinkedHashMap<>();
            Map<String, Integer> seen = new HashMap<>();
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        alerts.putIfAbsent(a.name(), new AlertAt(s, g, a));
                    } else if (r instanceof Rule.Recording rec && g.origin() instanceof Origin.Written) {
                        int n = seen.merge(rec.name(), 1, Integer::sum);
                        records.put(n == 1 ? rec.name() : rec.name() + "#" + n, new RecordingAt(s, g, rec));
                    }
                }
            }
            recordings.put(s.name(), records);
        }
    }

    /** The services both sides have, sorted: where objects are compared one by one. */
    static java.util.Set<String> common(Side a, Side b) {
        java.util.Set<String> out = new java.util.TreeSet<>(a.services.keySet());
        out.retainAll(b.services.keySet());
        return out;
    }

    Map<String, Constant> scope(String service) {
        return scopes.getOrDefault(service, Map.of());
    }

    /** The receivers an alert with its static labels reaches, sorted; empty without routing. */
    TreeSet<String> receivers(Rule.Alert alert) {
        return receivers.computeIfAbsent(alert.name(), n -> {
            Routing r = project.routing();
            TreeSet<String> out = new TreeSet<>();
            if (r == null || r.routes().isEmpty()) {
                return out;
            }
            Map<String, String> labels = new TreeMap<>(alert.labels());
            labels.put("alertname", alert.name());
            out.addAll(routing.receivers(r, labels));
            return out;
        });
    }

    /** The receiver of {@code route default}, or null. */
    String defaultReceiver() {
        Routing r = project.routing();
        if (r == null) {
            return null;
        }
        return r.routes().stream().filter(Routing.Route::isDefault).map(x -> x.receiver() == null ? null
                : x.receiver().name()).findFirst().orElse(null);
    }

    /** The most urgent severity: alerts at it are page-level. */
    String pageSeverity() {
        List<String> levels = project.severities() == null ? List.of() : project.severities().levels();
        return levels.isEmpty() ? null : levels.get(0);
    }

    /** Every written recording rule name of the project. */
    TreeSet<String> recordingNames() {
        TreeSet<String> out = new TreeSet<>();
        recordings.values().forEach(m -> m.values().forEach(r -> out.add(r.rule().name())));
        return out;
    }

    /** The written alerts of {@code service}, by name. */
    List<AlertAt> writtenAlerts(String service) {
        List<AlertAt> out = new ArrayList<>();
        alerts.values().stream().filter(a -> a.service().name().equals(service) && !a.generated()).forEach(out::add);
        return out;
    }
}
