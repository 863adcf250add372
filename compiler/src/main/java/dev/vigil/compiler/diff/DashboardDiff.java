package dev.vigil.compiler.diff;

import dev.vigil.compiler.lowering.Lowering;
import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Dashboard;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Written dashboards: added or removed; settings and variables changed; panels added, removed,
 * moved (to another row, or out of order among the panels both sides have) and changed in type,
 * title, queries (as PromQL), unit, range, thresholds, links and size. The SLO dashboard lowering
 * generates follows from the SLOs and is left out.
 */
final class DashboardDiff {
    private DashboardDiff() {
    }

    /** A panel with its row and its place among the row's panels. */
    private record Placed(Dashboard.Panel panel, String row, int index) {
    }

    static void compare(Side before, Side after, Changes out) {
        for (String service : Side.common(before, after)) {
            Map<String, Dashboard> da = written(before.services.get(service));
            Map<String, Dashboard> db = written(after.services.get(service));
            for (String name : RoutingDiff.union(da.keySet(), db.keySet())) {
                Dashboard x = da.get(name);
                Dashboard y = db.get(name);
                if (x == null) {
                    out.add(service, Change.added(Change.Kind.DASHBOARD, name, "\"" + y.title() + "\", "
                            + panels(y).size() + " panels").from(y.span()));
                } else if (y == null) {
                    out.add(service, Change.removed(Change.Kind.DASHBOARD, name, "\"" + x.title() + "\"").from(x.span()));
                } else {
                    dashboard(x, before.scope(service), y, after.scope(service), service, out);
                }
            }
        }
    }

    private static Map<String, Dashboard> written(Service s) {
        Map<String, Dashboard> out = new TreeMap<>();
        boolean slos = !s.slos().isEmpty();
        for (Dashboard d : s.dashboards()) {
            if (!(slos && d.name().equals(Lowering.SLO_DASHBOARD))) {
                out.putIfAbsent(d.name(), d);
            }
        }
        return out;
    }

    private static void dashboard(Dashboard x, Map<String, Constant> sa, Dashboard y, Map<String, Constant> sb,
            String service, Changes out) {
        List<Change.Field> f = new ArrayList<>();
        field(f, "title", x.title(), y.title());
        field(f, "uid", x.uid(), y.uid());
        field(f, "tags", x.tags(), y.tags());
        field(f, "refresh", x.refresh(), y.refresh());
        field(f, "time", x.timeFrom(), y.timeFrom());
        field(f, "datasource", x.datasource(), y.datasource());
        field(f, "links", x.links().stream().map(DashboardDiff::link).toList(),
                y.links().stream().map(DashboardDiff::link).toList());
        Map<String, Dashboard.Variable> va = new TreeMap<>();
        x.variables().forEach(v -> va.putIfAbsent(v.name(), v));
        Map<String, Dashboard.Variable> vb = new TreeMap<>();
        y.variables().forEach(v -> vb.putIfAbsent(v.name(), v));
        for (String v : RoutingDiff.union(va.keySet(), vb.keySet())) {
            Dashboard.Variable a = va.get(v);
            Dashboard.Variable b = vb.get(v);
            if (a == null || b == null) {
                f.add(Change.Field.of("variable " + v, a == null ? null : "$" + v, b == null ? null : "$" + v));
            } else {
                PromqlDiff.diff(PromqlDiff.normalize(a.query(), sa, Set.of()), PromqlDiff.normalize(b.query(), sb,
                        Set.of())).forEach(p -> f.add(Change.Field.of("variable " + v, p.before(), p.after())));
                field(f, "variable " + v + " kind", a.kind(), b.kind());
                field(f, "variable " + v + " label", a.label(), b.label());
                field(f, "variable " + v + " values", a.values(), b.values());
                field(f, "variable " + v + " multi", a.multi(), b.multi());
                field(f, "variable " + v + " include all", a.includeAll(), b.includeAll());
            }
        }
        if (!f.isEmpty()) {
            out.add(service, Change.changed(Change.Kind.DASHBOARD, x.name(), f).from(y.span()));
        }
        Set<String> variables = new HashSet<>(vb.keySet());
        variables.addAll(va.keySet());
        Map<String, Placed> pa = panels(x);
        Map<String, Placed> pb = panels(y);
        Set<String> moved = outOfOrder(pa, pb);
        for (String p : RoutingDiff.union(pa.keySet(), pb.keySet())) {
            Placed a = pa.get(p);
            Placed b = pb.get(p);
            String name = x.name() + "." + p;
            if (a == null) {
                out.add(service, Change.added(Change.Kind.DASHBOARD, name, b.panel().type().grafanaId() + " \""
                        + b.panel().title() + "\"" + row(b.row())).from(b.panel().span()));
            } else if (b == null) {
                out.add(service, Change.removed(Change.Kind.DASHBOARD, name, a.panel().type().grafanaId() + " \""
                        + a.panel().title() + "\"" + row(a.row())).from(a.panel().span()));
            } else {
                List<Change.Field> g = new ArrayList<>();
                if (!a.row().equals(b.row())) {
                    g.add(Change.Field.of("row", rowName(a.row()), rowName(b.row())));
                } else if (moved.contains(p)) {
                    g.add(Change.Field.of("position", a.index() + 1, b.index() + 1));
                }
                panel(a.panel(), sa, b.panel(), sb, variables, g);
                if (!g.isEmpty()) {
                    out.add(service, Change.changed(Change.Kind.DASHBOARD, name, g).from(b.panel().span()));
                }
            }
        }
    }

    /** A dashboard link as written: its title and where it goes. */
    private static String link(Dashboard.DashboardLink l) {
        String to = l.url() != null ? l.url() : l.dashboard() != null ? "to " + l.dashboard() : "to " + l.tags();
        return l.title() + " " + to;
    }

    private static void panel(Dashboard.Panel a, Map<String, Constant> sa, Dashboard.Panel b, Map<String, Constant> sb,
            Set<String> variables, List<Change.Field> f) {
        field(f, "type", a.type().grafanaId(), b.type().grafanaId());
        field(f, "title", a.title(), b.title());
        int queries = Math.max(a.queries().size(), b.queries().size());
        for (int i = 0; i < queries; i++) {
            String label = queries == 1 ? "query" : "query " + (i + 1);
            Dashboard.Query qa = i < a.queries().size() ? a.queries().get(i) : null;
            Dashboard.Query qb = i < b.queries().size() ? b.queries().get(i) : null;
            PromqlDiff.diff(PromqlDiff.normalize(qa == null ? null : qa.expr(), sa, variables),
                    PromqlDiff.normalize(qb == null ? null : qb.expr(), sb, variables))
                    .forEach(p -> f.add(Change.Field.of(label, p.before(), p.after())));
            field(f, label + " legend", qa == null ? null : qa.legend(), qb == null ? null : qb.legend());
        }
        field(f, "unit", a.unit(), b.unit());
        field(f, "min", Texts.number(a.min()), Texts.number(b.min()));
        field(f, "max", Texts.number(a.max()), Texts.number(b.max()));
        field(f, "decimals", a.decimals(), b.decimals());
        field(f, "thresholds", thresholds(a.thresholds()), thresholds(b.thresholds()));
        field(f, "thresholds from", a.thresholdsFrom() == null ? null : a.thresholdsFrom().toString(),
                b.thresholdsFrom() == null ? null : b.thresholdsFrom().toString());
        field(f, "alerts", a.alerts() == null ? null : a.alerts().stream().map(Ref::toString).toList(),
                b.alerts() == null ? null : b.alerts().stream().map(Ref::toString).toList());
        if (!Objects.equals(a.description(), b.description())) {
            f.add(Texts.text("description", a.description(), b.description()));
        }
        if (!Objects.equals(a.text(), b.text())) {
            f.add(Texts.text("text", a.text(), b.text()));
        }
        field(f, "links", a.links().stream().map(l -> l.title() + " " + l.url()).toList(),
                b.links().stream().map(l -> l.title() + " " + l.url()).toList());
        field(f, "size", size(a), size(b));
    }

    private static String thresholds(List<Dashboard.Threshold> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        return steps.stream().map(t -> t.value() == null ? t.color() : t.color() + " " + Texts.number(t.value()))
                .collect(Collectors.joining(", "));
    }

    private static String size(Dashboard.Panel p) {
        return p.width() == null && p.height() == null ? null
                : (p.width() == null ? "auto" : p.width()) + "x" + (p.height() == null ? "auto" : p.height());
    }

    private static Map<String, Placed> panels(Dashboard d) {
        Map<String, Placed> out = new LinkedHashMap<>();
        for (Dashboard.Row r : d.rows()) {
            String row = r.title() == null ? "" : r.title();
            for (int i = 0; i < r.panels().size(); i++) {
                out.putIfAbsent(r.panels().get(i).name(), new Placed(r.panels().get(i), row, i));
            }
        }
        return out;
    }

    /**
     * The panels that stay in their row but changed places among the panels both sides have: those
     * outside a longest run kept in order, so inserting one panel moves none of the others.
     */
    private static Set<String> outOfOrder(Map<String, Placed> before, Map<String, Placed> after) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        before.forEach((name, p) -> {
            Placed q = after.get(name);
            if (q != null && q.row().equals(p.row())) {
                rows.computeIfAbsent(p.row(), r -> new ArrayList<>()).add(name);
            }
        });
        Set<String> out = new HashSet<>();
        for (List<String> names : rows.values()) {
            int[] order = names.stream().mapToInt(n -> after.get(n).index()).toArray();
            Set<Integer> kept = increasingRun(order);
            for (int i = 0; i < names.size(); i++) {
                if (!kept.contains(i)) {
                    out.add(names.get(i));
                }
            }
        }
        return out;
    }

    /** The positions of a longest increasing subsequence of {@code a}, in O(n log n). */
    static Set<Integer> increasingRun(int[] a) {
        int n = a.length;
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[tails[mid]] < a[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            length = Math.max(length, lo + 1);
        }
        Set<Integer> out = new HashSet<>();
        for (int i = length > 0 ? tails[length - 1] : -1; i >= 0; i = previous[i]) {
            out.add(i);
        }
        return out;
    }

    private static String row(String title) {
        return title.isEmpty() ? "" : " in row \"" + title + "\"";
    }

    private static String rowName(String title) {
        return title.isEmpty() ? "(top)" : "\"" + title + "\"";
    }

    private static void field(List<Change.Field> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(Change.Field.of(name, before, after));
        }
    }
}
