package dev.vigil.compiler.routing;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The labels of the alerts that routing tests name ({@code alert ApiDown {more}}): the labels the
 * alert carries when it reaches Alertmanager, as {@link LabelInference#alertLabels} gives them (its
 * static labels from {@code lowering.AlertOutputs}, {@code alertname}, and what its query always
 * gives), those whose value is known, with the written labels added. The check of the routing tests
 * and the amtool tests Vigil writes both read them here, so a test that follows an alert cannot
 * drift from it.
 */
public final class TestAlerts {
    private final LabelInference inference;
    private final Map<String, List<Rule.Alert>> byName = new LinkedHashMap<>();

    public TestAlerts(Project project, LabelInference inference) {
        this.inference = inference;
        for (Service s : project.services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a && a.name() != null) {
                        byName.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a);
                    }
                }
            }
        }
    }

    public static TestAlerts of(Project project) {
        return new TestAlerts(project, new ProjectAnalysis(project).labels());
    }

    /** What a test's alert resolves to. */
    public sealed interface Resolution permits Labels, Unknown, Ambiguous, Conflict {
    }

    /** The alert's labels. */
    public record Labels(SortedMap<String, String> labels) implements Resolution {
        public Labels {
            labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }
    }

    /** No alert has the name; {@code known} are the names there are. */
    public record Unknown(Set<String> known) implements Resolution {
        public Unknown {
            known = Set.copyOf(known);
        }
    }

    /** Several alerts have the name, which {@code Name.Duplicate} reports in Vigil sources. */
    public record Ambiguous() implements Resolution {
    }

    /** A written label the alert cannot have that way: it carries {@code own} instead, or (null) never carries it. */
    public record Conflict(String label, String given, String own) implements Resolution {
    }

    public Resolution resolve(Routing.TestAlert alert) {
        if (alert.alert() == null) {
            return new Labels(alert.labels());
        }
        List<Rule.Alert> named = byName.get(alert.alert().name());
        if (named == null) {
            return new Unknown(byName.keySet());
        }
        if (named.size() > 1) {
            return new Ambiguous();
        }
        LabelSet carried = inference.alertLabels(named.get(0));
        Conflict conflict = conflict(carried, alert.labels());
        if (conflict != null) {
            return conflict;
        }
        SortedMap<String, String> labels = new TreeMap<>();
        carried.labels().forEach((name, l) -> {
            if (l.definite() && l.value() != null) {
                labels.put(name, l.value());
            }
        });
        labels.putAll(alert.labels());
        return new Labels(labels);
    }

    /** The first written label that {@code carried} refuses. */
    private static Conflict conflict(LabelSet carried, Map<String, String> written) {
        for (Map.Entry<String, String> e : written.entrySet()) {
            LabelSet.Label l = carried.get(e.getKey());
            if (l != null && l.definite() && l.value() != null && !l.value().equals(e.getValue())) {
                return new Conflict(e.getKey(), e.getValue(), l.value());
            }
            if (carried.cannotHave(e.getKey())) {
                return new Conflict(e.getKey(), e.getValue(), null);
            }
        }
        return null;
    }
}
