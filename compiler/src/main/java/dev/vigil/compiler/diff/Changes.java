package dev.vigil.compiler.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Collects changes by service and the impacts, then sorts them into a {@link DiffReport}. */
final class Changes {
    private static final Comparator<Change> ORDER = Comparator.comparing(Change::kind)
            .thenComparing(Change::name).thenComparing(Change::action).thenComparing(Change::detail);

    private final Map<String, List<Change>> byService = new TreeMap<>();
    private final List<Change> project = new ArrayList<>();
    private final List<Impact> impacts = new ArrayList<>();
    private final List<TemplateChange> templates = new ArrayList<>();

    void add(String service, Change change) {
        byService.computeIfAbsent(service, s -> new ArrayList<>()).add(change);
    }

    void project(Change change) {
        project.add(change);
    }

    void templates(List<TemplateChange> changed) {
        templates.addAll(changed);
    }

    void impact(Impact impact) {
        impacts.add(impact);
    }

    /** The changed line of alert {@code name} in {@code service}, or null: routing effects join it. */
    Change alertLine(String service, String name) {
        for (Change c : byService.getOrDefault(service, List.of())) {
            if (c.kind() == Change.Kind.ALERT && c.action() == Change.Action.CHANGED && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    void replace(String service, Change old, Change updated) {
        List<Change> list = byService.get(service);
        list.set(list.indexOf(old), updated);
    }

    DiffReport build(String before, String after, Set<String> beforeServices, Set<String> afterServices) {
        List<ServiceDiff> services = new ArrayList<>();
        for (Map.Entry<String, List<Change>> e : byService.entrySet()) {
            List<Change> sorted = new ArrayList<>(e.getValue());
            sorted.sort(ORDER);
            ServiceDiff.Status status = !beforeServices.contains(e.getKey()) ? ServiceDiff.Status.ADDED
                    : !afterServices.contains(e.getKey()) ? ServiceDiff.Status.REMOVED : ServiceDiff.Status.CHANGED;
            services.add(new ServiceDiff(e.getKey(), status, sorted));
        }
        List<Change> own = new ArrayList<>(project);
        own.sort(ORDER);
        List<Impact> found = new ArrayList<>(impacts);
        found.sort(Comparator.comparing((Impact i) -> !i.breaking()).thenComparing(Impact::type)
                .thenComparing(i -> i.service() == null ? "" : i.service()).thenComparing(Impact::message));
        List<TemplateChange> changed = new ArrayList<>(templates);
        changed.sort(Comparator.comparing(TemplateChange::name));
        return new DiffReport(before, after, services, own, found.stream().distinct().toList(),
                TemplateDiff.withReach(changed, services));
    }
}
