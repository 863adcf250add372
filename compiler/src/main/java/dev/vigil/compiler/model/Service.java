package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A service: who owns it, its common labels and links, and everything that monitors it. */
public record Service(String name, String team, SortedMap<String, String> labels, SortedMap<String, String> links,
        List<Constant> constants, List<Metric> metrics, List<RuleGroup> groups, List<Slo> slos,
        List<Dashboard> dashboards, List<TestCase> tests, Span span) {
    public Service {
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        links = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(links));
        constants = List.copyOf(constants);
        metrics = List.copyOf(metrics);
        groups = List.copyOf(groups);
        slos = List.copyOf(slos);
        dashboards = List.copyOf(dashboards);
        tests = List.copyOf(tests);
    }

    /** This service with generated groups, dashboards and tests after its own. */
    public Service withGenerated(List<RuleGroup> moreGroups, List<Dashboard> moreDashboards, List<TestCase> moreTests) {
        return new Service(name, team, labels, links, constants, metrics, concat(groups, moreGroups), slos,
                concat(dashboards, moreDashboards), concat(tests, moreTests), span);
    }

    /** This service with its tests replaced. */
    public Service withTests(List<TestCase> newTests) {
        return new Service(name, team, labels, links, constants, metrics, groups, slos, dashboards, newTests, span);
    }

    /** This service with its rule groups replaced. */
    public Service withGroups(List<RuleGroup> newGroups) {
        return new Service(name, team, labels, links, constants, metrics, newGroups, slos, dashboards, tests, span);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * The name of the service's Kubernetes objects: lower case letters, digits and `-`, at most 63
     * characters. Two services can share one (`api`, `Api`), which {@code Name.Collision} reports.
     */
    public String kubernetesName() {
        return kubernetesName(name);
    }

    /** {@link #kubernetesName()} of a service called {@code name}. */
    public static String kubernetesName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-")
                .replaceAll("^-|-$", "");
        if (n.isEmpty()) {
            n = "vigil";
        }
        return n.length() > 63 ? n.substring(0, 63).replaceAll("-$", "") : n;
    }

    /** Whether the service has rules to write: after lowering, its SLOs' generated groups are among its own. */
    public boolean hasRules() {
        return !groups.isEmpty();
    }
}
