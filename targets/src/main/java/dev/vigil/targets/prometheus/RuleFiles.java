package dev.vigil.targets.prometheus;

import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.QueryText;
import dev.vigil.targets.grafana.PanelIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of a Prometheus rule file for one service, as plain maps and lists in the order
 * Prometheus documents them. Shared by the rules emitter, the Kubernetes PrometheusRule and the
 * Mimir namespace files, so all three carry exactly the same rules.
 */
public final class RuleFiles {
    /** Expressions wider than this are written over several lines. */
    static final int EXPR_WIDTH = 100;

    private RuleFiles() {
    }

    public static String path(Service service) {
        return "prometheus/rules/" + fileName(service);
    }

    /** The rule file's name, which promtool tests beside {@code rules/} refer to. */
    public static String fileName(Service service) {
        return OutputManifest.safeSegment(service.name()) + ".rules.yml";
    }

    /** {@code groups: [...]} for the service. */
    public static Map<String, Object> document(Project project, Service service) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("groups", groups(project, service));
        return doc;
    }

    public static List<Object> groups(Project project, Service service) {
        Map<String, Constant> constants = QueryText.scope(project, service);
        List<Object> groups = new ArrayList<>();
        for (RuleGroup g : service.groups()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", g.name());
            if (g.intervalMillis() > 0) {
                group.put("interval", Durations.format(g.intervalMillis()));
            }
            if (g.limit() != null) {
                group.put("limit", g.limit());
            }
            List<Object> rules = new ArrayList<>();
            for (Rule r : g.rules()) {
                rules.add(r instanceof Rule.Alert a ? alert(service, a, constants) : recording((Rule.Recording) r, constants));
            }
            group.put("rules", rules);
            groups.add(group);
        }
        groups.addAll(dev.vigil.targets.slo.SloRules.groups(project, service));
        return groups;
    }

    /**
     * The names of the services' rule groups in the order they are declared, for promtool's
     * {@code group_eval_order}: without it promtool evaluates groups in a random order, and an alert
     * that reads a recording rule of another group would see its value one evaluation late or not,
     * at random.
     */
    @SuppressWarnings("unchecked")
    public static List<String> evaluationOrder(Project project, List<Service> services) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (Service s : services) {
            for (Object g : groups(project, s)) {
                names.add((String) ((Map<String, Object>) g).get("name"));
            }
        }
        return List.copyOf(names);
    }

    /** Whether the service has any rule to write: its own groups or its SLOs' generated ones. */
    public static boolean hasRules(Service service) {
        return service.hasRules();
    }

    private static Map<String, Object> recording(Rule.Recording r, Map<String, Constant> constants) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("record", r.name());
        rule.put("expr", QueryText.formatted(r.expr(), constants, EXPR_WIDTH));
        if (!r.labels().isEmpty()) {
            rule.put("labels", new TreeMap<>(r.labels()));
        }
        return rule;
    }

    /** The alert's expression as the rule file writes it: guarded, constants substituted, wrapped. */
    public static String alertExpr(Rule.Alert a, Map<String, Constant> constants) {
        return QueryText.formatted(guarded(a), constants, EXPR_WIDTH);
    }

    private static Map<String, Object> alert(Service service, Rule.Alert a, Map<String, Constant> constants) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("alert", a.name());
        rule.put("expr", alertExpr(a, constants));
        if (a.forMillis() > 0) {
            rule.put("for", Durations.format(a.forMillis()));
        }
        if (a.keepFiringForMillis() > 0) {
            rule.put("keep_firing_for", Durations.format(a.keepFiringForMillis()));
        }
        rule.put("labels", labels(service, a));
        Map<String, String> annotations = annotations(service, a);
        if (!annotations.isEmpty()) {
            rule.put("annotations", annotations);
        }
        return rule;
    }

    /**
     * The alert's expression with its traffic guard: {@code (expr) and on() (guard > 0)}. The
     * {@code on()} makes the guard apply whatever labels the two sides carry; without it a
     * per-tenant condition `and`-ed with an aggregate guard would never match (seed 001's pattern).
     */
    public static Expr guarded(Rule.Alert a) {
        if (a.guard() == null) {
            return a.expr();
        }
        Expr guard = a.guard();
        if (!(guard instanceof Binary b && b.op().isComparison())) {
            guard = new Binary(BinaryOp.GTR, guard, new dev.vigil.compiler.promql.NumberLiteral(0, "0", guard.span()),
                    false, null, guard.span());
        }
        var on = new dev.vigil.compiler.promql.VectorMatching(dev.vigil.compiler.promql.VectorMatching.Kind.ON, List.of(),
                dev.vigil.compiler.promql.VectorMatching.Cardinality.ONE_TO_ONE, List.of(), null, null, guard.span());
        return new Binary(BinaryOp.AND, new Paren(a.expr(), a.expr().span()), new Paren(guard, guard.span()), false, on,
                a.expr().span());
    }

    /** `severity`, `team` and `service` first among equals: sorted with the alert's own and the service's labels. */
    public static Map<String, String> labels(Service service, Rule.Alert a) {
        Map<String, String> labels = new TreeMap<>(service.labels());
        labels.putAll(a.labels());
        labels.put("service", service.name());
        if (service.team() != null) {
            labels.put("team", service.team());
        }
        if (a.severity() != null) {
            labels.put("severity", a.severity().name());
        }
        return labels;
    }

    /** Summary, description and the links a responder needs, in a fixed order. */
    public static Map<String, String> annotations(Service service, Rule.Alert a) {
        Map<String, String> annotations = new LinkedHashMap<>();
        if (a.summary() != null) {
            annotations.put("summary", a.summary());
        }
        if (a.description() != null) {
            annotations.put("description", a.description());
        }
        String runbooks = service.links().get("runbooks");
        if (runbooks != null) {
            annotations.put("runbook_url", trimSlash(runbooks) + "/" + OutputManifest.safeSegment(a.name()) + ".md");
        }
        String dashboards = service.links().get("dashboards");
        if (dashboards != null && a.panel() != null) {
            service.dashboards().stream().filter(d -> d.name().equals(a.panel().name())).findFirst().ifPresent(d -> {
                Integer panel = a.panel().member() == null ? null : PanelIds.of(d).get(a.panel().member());
                annotations.put("dashboard_url", trimSlash(dashboards) + "/" + d.uid()
                        + (panel == null ? "" : "?viewPanel=" + panel));
            });
        }
        return annotations;
    }

    /** {@code url} without one trailing {@code /}, so a path can be appended. */
    public static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
