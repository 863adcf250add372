package dev.vigil.targets.prometheus;

import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.targets.OutputManifest;
import dev.vigil.compiler.model.QueryText;
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
        return Links.segment(service.name()) + ".rules.yml";
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
                rules.add(r instanceof Rule.Alert a ? alert(a, constants) : recording((Rule.Recording) r, constants));
            }
            group.put("rules", rules);
            groups.add(group);
        }
        return groups;
    }

    /**
     * The names of the services' rule groups in the order they are declared, for promtool's
     * {@code group_eval_order}: without it promtool evaluates groups in a random order, and an alert
     * that reads a recording rule of another group would see its value one evaluation late or not,
     * at random.
     */
    public static List<String> evaluationOrder(List<Service> services) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (Service s : services) {
            for (RuleGroup g : s.groups()) {
                names.add(g.name());
            }
        }
        return List.copyOf(names);
    }

    /** Whether the service has any rule to write, written or generated. */
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
        return QueryText.formatted(a.emittedExpr(), constants, EXPR_WIDTH);
    }

    /** The alert's rule as its rule file holds it, for pages that show the rule exactly as written. */
    public static Map<String, Object> alert(Rule.Alert a, Map<String, Constant> constants) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("alert", a.name());
        rule.put("expr", alertExpr(a, constants));
        if (a.forMillis() > 0) {
            rule.put("for", Durations.format(a.forMillis()));
        }
        if (a.keepFiringForMillis() > 0) {
            rule.put("keep_firing_for", Durations.format(a.keepFiringForMillis()));
        }
        rule.put("labels", new TreeMap<>(a.labels()));
        if (!a.annotations().isEmpty()) {
            rule.put("annotations", new LinkedHashMap<>(a.annotations()));
        }
        return rule;
    }
}
